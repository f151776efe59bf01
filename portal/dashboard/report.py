"""Everything the adviser's page and the monthly report show for one scope, collected once:
the figures and their tables, the figures at a glance with their charts and tables, the
plain-language summary and the sections of other features."""
from __future__ import annotations

from dataclasses import dataclass

from portal.dashboard import glance, glance_tables, sections, summary_text, tables
from portal.dashboard.chartkit import Chart
from portal.dashboard.glance import Glance
from portal.dashboard.queries import Scope
from portal.dashboard.tables import Table


@dataclass
class Report:
    scope: Scope
    glance: Glance
    glance_tables: list[Table]  # one per chart (same name) and a few more
    charts: dict[str, Chart]
    small_multiples: list[tuple[str, Chart]]
    summary: str
    tables: list[Table]  # every figure of the detailed tables
    sections: list[sections.Shown]

    @property
    def all_tables(self) -> list[Table]:
        """For ?format=csv&table=<name>: every table the page shows."""
        extra = [t for shown in self.sections for t in shown.tables]
        return self.glance_tables + self.tables + extra

    def table(self, name: str) -> Table | None:
        return tables.by_name(self.all_tables, name)


def build(scope: Scope) -> Report:
    figures = tables.collect(scope)
    g = glance.collect(scope, figures)
    return Report(
        scope=scope, glance=g, glance_tables=glance_tables.tables_of(g),
        charts=glance_tables.charts_of(g), small_multiples=glance_tables.small_multiples(g),
        summary=summary_text.paragraph(g), tables=tables.build(figures),
        sections=sections.collect(scope),
    )
