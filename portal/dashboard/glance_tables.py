"""The figures at a glance as named tables (page, CSV, PDF) and as charts (page and PDF).
Every chart has its table: the same numbers, for screen readers and for checking."""
from __future__ import annotations

from flask_babel import format_date, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.aftercare.forms import CONCERN_LABELS
from portal.applicants.forms import STAGE_LABELS
from portal.dashboard import charts
from portal.dashboard.chartkit import Chart
from portal.dashboard.display import number
from portal.dashboard.glance import Glance
from portal.dashboard.queries_stalls import LEGAL_TWV_DAYS, MEASURED_STAGES
from portal.dashboard.tables import Table, week_label
from portal.formatting import LabelledDate


def _band_table(g: Glance) -> Table:
    return Table("summary", _("In één oogopslag"),
                 [_("Onderwerp"), _("Deze periode"), _("Vorige periode"), _("Verandering"), _("Toelichting")],
                 [[item.label, item.value, item.previous, item.change.text, item.detail]
                  for item in g.band])


def _funnel_table(g: Glance) -> Table:
    return Table("funnel", _("Van sollicitatie tot werk"),
                 [_("Stap"), _("Aantal"), _("Van de sollicitaties (%)"), _("Toelichting")],
                 [[s.label, s.count, s.share, s.note] for s in g.steps],
                 _("De sollicitaties van de periode, gevolgd tot vandaag. Elke stap telt wie hem "
                   "haalde of verder kwam."))


PARTIAL_NOTE = _l("Open punten en lege staven: een week die maar voor een deel in de periode valt "
                  "(of nog niet voorbij is); die telt dus geen hele week.")


def _week(g: Glance, i: int) -> LabelledDate:
    week = week_label(g.weeks[i])
    if not g.partial_weeks[i]:
        return week
    return LabelledDate(week, _("%(week)s (deels)", week=str(week)))


def _trend_table(g: Glance) -> Table:
    return Table("trend", _("Per week: sollicitaties, aangenomen en gestopt"),
                 [_("Week"), _("Sollicitaties"), _("Aangenomen (eerste werkdag)"), _("Gestopt (laatste werkdag)")],
                 [[_week(g, i), a, h, e] for i, (a, h, e) in
                  enumerate(zip(g.applications_weekly, g.hires_weekly, g.endings_weekly, strict=True))],
                 str(PARTIAL_NOTE) if any(g.partial_weeks) else "")


def _azc_weekly_table(g: Glance) -> Table:
    return Table("azc_weekly", _("Sollicitaties per week en azc"),
                 [_("Week")] + [row.name for row in g.azc],
                 [[_week(g, i)] + [row.weekly[i] for row in g.azc] for i in range(len(g.weeks))],
                 str(PARTIAL_NOTE) if any(g.partial_weeks) else "")


def _azc_table(g: Glance) -> Table:
    return Table("azc", _("Azc-locaties naast elkaar"),
                 [_("azc-locatie"), _("Sollicitaties"), _("Contact gehad"), _("Aangenomen"),
                  _("Eerste werkdag in de periode"), _("Aan het werk"),
                  _("Na 3 maanden nog aan het werk (%)")],
                 [[r.name, r.applied, r.contacted, r.hired, r.started, r.working, r.rate_3m]
                  for r in g.azc],
                 _("Per azc van de sollicitant. Sollicitaties, contact en aangenomen: de "
                   "sollicitaties van de periode. Aan het werk: %(when)s.",
                   when=format_date(g.day, "d MMMM yyyy")))


def _stage_table(g: Glance) -> Table:
    rows = []
    for stage in MEASURED_STAGES:
        t = g.stages[stage.value]
        rows.append([str(STAGE_LABELS[stage]), t["finished"], t["median_days"], t["slowest_days"],
                     g.in_stage_now.get(stage.value, 0)])
    return Table("stage_times", _("Tijd per fase"),
                 [_("Fase"), _("Afgerond"), _("Mediaan (dagen)"), _("Traagste 10 % (dagen)"),
                  _("Nu in deze fase")], rows,
                 _("Sollicitaties van de periode: hoe lang ze in elke fase bleven tot de volgende "
                   "stap. De traagste 10 %: 9 van de 10 gingen even snel of sneller."))


def _twv_table(g: Glance) -> Table:
    t, c = g.twv, g.cancellations
    return Table("twv_steps", _("TWV: waar het wacht"),
                 [_("Stap"), _("Aantal"), _("Mediaan (dagen)"), _("Traagste 10 % (dagen)")], [
                     [_("Nog aan te vragen (nu), dagen sinds aanname"), t["to_apply"]["now"],
                      t["to_apply"]["median_days_waiting"], None],
                     [_("Aangevraagd, wacht op UWV (nu), dagen sinds aanvraag"), t["applied"]["now"],
                      t["applied"]["median_days_waiting"], None],
                     [_("Wacht langer dan %(days)s dagen op UWV (nu)", days=LEGAL_TWV_DAYS),
                      t["applied"]["over_legal_term"], None, None],
                     [_("Besluit van UWV in de periode, dagen sinds aanvraag"), t["decided"]["n"],
                      t["decided"]["median_days"], t["decided"]["slowest_days"]],
                     [_("Intrekking nog te doen (nu)"), c["pending"], None, None],
                     [_("Intrekking te laat (nu)"), c["overdue"], None, None],
                 ])


def _aftercare_table(g: Glance) -> Table:
    a = g.aftercare
    rows = [[_("Zorg gemeld, wacht op de adviseur (nu)"), a["waiting_for_adviser"]]]
    rows += [[_("waarvan: %(concern)s", concern=str(CONCERN_LABELS.get(k, k))), n]
             for k, n in a["by_concern"].items()]
    rows.append([_("Check-in zonder antwoord, te laat (nu)"), a["unanswered_overdue"]])
    return Table("aftercare_open", _("Nazorg: open zorgen"), [_("Onderwerp"), _("Aantal")], rows)


def tables_of(g: Glance) -> list[Table]:
    result = [_band_table(g), _funnel_table(g), _trend_table(g)]
    if g.azc:
        result += [_azc_table(g), _azc_weekly_table(g)]
    return result + [_stage_table(g), _twv_table(g), _aftercare_table(g)]


def charts_of(g: Glance) -> dict[str, Chart]:
    """The charts by name; each has the table of the same name next to it."""
    steps = [charts.Bar(s.label, s.count, s.caption) for s in g.steps]
    result = {
        "funnel": charts.funnel(
            "funnel", _("Van sollicitatie tot werk"),
            "; ".join(f"{s.label}: {s.caption}" for s in g.steps), steps),
        "trend": charts.weekly_lines(
            "trend", _("Per week: sollicitaties, aangenomen en gestopt"),
            _("%(a)s sollicitaties, %(h)s aangenomen en %(e)s gestopt in %(n)s weken.",
              a=number(sum(g.applications_weekly)), h=number(sum(g.hires_weekly)),
              e=number(sum(g.endings_weekly)), n=len(g.weeks)),
            [format_date(w, "d MMM") for w in g.weeks], [
                charts.Series("line1", _("Sollicitaties"), g.applications_weekly),
                charts.Series("line2", _("Aangenomen"), g.hires_weekly),
                charts.Series("line3", _("Gestopt"), g.endings_weekly)], g.partial_weeks),
        "stage_times": charts.spans(
            "stage_times", _("Tijd per fase"),
            "; ".join(_span_caption(str(STAGE_LABELS[st]), g.stages[st.value]) for st in MEASURED_STAGES),
            (_("mediaan"), _("traagste 10 %")),
            [charts.Span(str(STAGE_LABELS[st]), g.stages[st.value]["median_days"],
                         g.stages[st.value]["slowest_days"],
                         _span_caption("", g.stages[st.value]).strip()) for st in MEASURED_STAGES]),
    }
    if g.azc:
        result["azc"] = charts.paired_bars(
            "azc", _("Azc-locaties naast elkaar"),
            "; ".join(_("%(azc)s: %(a)s sollicitaties, %(h)s aangenomen", azc=r.name,
                        a=number(r.applied), h=number(r.hired)) for r in g.azc),
            (_("Sollicitaties"), _("Aangenomen")),
            [charts.Pair(r.name, r.applied, r.hired, number(r.applied), number(r.hired)) for r in g.azc])
    return result


def _span_caption(label: str, t: dict) -> str:
    if not t["finished"]:
        return f"{label} " + _("nog niets afgerond")
    return f"{label} " + _("mediaan %(m)s, traagste 10 %% %(s)s", m=_days(t["median_days"]),
                           s=_days(t["slowest_days"]))


def _days(value) -> str:
    return _("%(n)s d", n=number(value))


def small_multiples(g: Glance) -> list[tuple[str, Chart]]:
    """One small chart per azc, all on the same scale, for the page (the PDF draws them as one
    grid: charts.grid_of)."""
    top = charts.nice_max(max((v for r in g.azc for v in r.weekly), default=0))
    return [(r.name, charts.small_bars(
        f"azc-{i}", _("Sollicitaties per week: %(azc)s", azc=r.name),
        ngettext("%(n)s sollicitatie in %(w)s weken", "%(n)s sollicitaties in %(w)s weken",
                 r.applied or 0, n=number(r.applied), w=len(g.weeks)),
        g.weeks, r.weekly, top, g.partial_weeks)) for i, r in enumerate(g.azc)]



def region_chart(table: Table) -> Chart:
    """The admins' region comparison (queries_org.region_comparison) as paired bars:
    applications and placements started per region."""
    applied, started = 3, 6  # the columns "Sollicitaties" and "Plaatsingen gestart"
    rows = [charts.Pair(str(r[0]), r[applied], r[started], number(r[applied]), number(r[started]))
            for r in table.rows]
    return charts.paired_bars(
        "regions", table.title,
        "; ".join(_("%(region)s: %(a)s sollicitaties, %(s)s plaatsingen gestart", region=p.label,
                    a=p.first_caption, s=p.second_caption) for p in rows),
        (str(table.headers[applied]), str(table.headers[started])), rows)
