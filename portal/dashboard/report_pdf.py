"""The monthly or quarterly report as PDF content: the page's figures worded for print (in the
request's language), handed to the pure PDF builder."""
from __future__ import annotations

from flask_babel import format_date
from flask_babel import gettext as _

from portal.clock import today
from portal.dashboard import charts, pdf
from portal.dashboard.display import number
from portal.dashboard.report import Report
from portal.dashboard.tables import Table


def cell(value) -> str:
    """A table value as people read it: numbers localised, "–" for nothing to measure."""
    if value is None or isinstance(value, (int, float)):
        return number(value)
    return str(value)


def grid(table: Table) -> pdf.Grid:
    numeric = frozenset(c for c in range(1, len(table.headers)) if table.rows and all(
        v is None or isinstance(v, (int, float)) for v in (row[c] for row in table.rows)))
    return pdf.Grid(table.title, [str(h) for h in table.headers],
                    [[cell(v) for v in row] for row in table.rows], table.note, numeric)


def comparison_words(report: Report) -> str:
    previous = report.glance.previous
    return _("Verandering ten opzichte van de %(days)s dagen ervoor (%(start)s t/m %(end)s).",
             days=report.scope.length_days, start=format_date(previous.start, "d MMMM yyyy"),
             end=format_date(previous.end, "d MMMM yyyy"))


def content(report: Report, title: str, subtitle: str) -> pdf.Content:
    g = report.glance
    by_name = {t.name: t for t in report.glance_tables}
    pictures = [
        pdf.Picture(_("Van sollicitatie tot werk"), report.charts["funnel"], by_name["funnel"].note, 125),
        pdf.Picture(_("Per week: sollicitaties, aangenomen en gestopt"), report.charts["trend"],
                    by_name["trend"].note, 140),
    ]
    if report.small_multiples:
        pictures.append(pdf.Picture(
            _("Sollicitaties per week en azc"),
            charts.grid_of("azc-grid", _("Sollicitaties per week en azc"), "", report.small_multiples,
                           columns=3), _("Elke azc op dezelfde schaal."), 174))
    if "azc" in report.charts:
        pictures.append(pdf.Picture(_("Azc-locaties naast elkaar"), report.charts["azc"],
                                    by_name["azc"].note, 125))
    pictures.append(pdf.Picture(_("Tijd per fase"), report.charts["stage_times"],
                                by_name["stage_times"].note, 125))
    grids = [grid(t) for t in report.glance_tables if t.name not in ("azc_weekly",)]
    grids += [grid(t) for t in report.tables] + [grid(t) for s in report.sections for t in s.tables]
    return pdf.Content(
        title=title, subtitle=subtitle,
        band_heading=_("In één oogopslag"),
        band=[pdf.BandCell(item.label, item.shown, item.detail, item.change.text) for item in g.band],
        summary_heading=_("Samenvatting"),
        summary=report.summary + " " + comparison_words(report),
        pictures=pictures,
        tables_heading=_("Alle cijfers in tabellen"),
        grids=grids,
        footer=_("Geen persoonsgegevens: alleen aantallen. Gemaakt op %(date)s.",
                 date=format_date(today(), "long")),
        page_label=_("Pagina %(page)s", page="%(page)s"),
    )
