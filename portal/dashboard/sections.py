"""Figures of other features on the adviser's dashboard (activities, profiles, ...): each is
one Section here, shown between "where it stalls" and the tables.

To add one: write a query module in this package (e.g. queries_activities.py) with a function
`collect(scope) -> dict` (counts only, surviving the retention purge), a partial template in
templates/dashboard/ that shows them, and one line in SECTIONS. The partial gets `figures`
(what collect returned), `scope` (queries.Scope: period, region, azc, sector, route, residence
status) and the macros of dashboard/_macros.html; it renders its own <section> with an <h2>.
Give `tables` to have the section's numbers in the CSV export and the monthly PDF too."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from portal.dashboard import queries_activities, queries_talent
from portal.dashboard.queries import Scope
from portal.dashboard.tables import Table


@dataclass(frozen=True)
class Section:
    name: str
    template: str  # e.g. "dashboard/_activities.html"
    collect: Callable[[Scope], Any]
    tables: Callable[[Any], list[Table]] | None = None


SECTIONS: list[Section] = [
    Section("activities", "dashboard/_activities.html", queries_activities.collect,
            queries_activities.tables),
    Section("talent", "dashboard/_talent.html", queries_talent.collect, queries_talent.tables),
]


@dataclass(frozen=True)
class Shown:
    section: Section
    figures: Any

    @property
    def tables(self) -> list[Table]:
        return self.section.tables(self.figures) if self.section.tables else []


def collect(scope: Scope) -> list[Shown]:
    return [Shown(section, section.collect(scope)) for section in SECTIONS]
