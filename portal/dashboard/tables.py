"""The figures as named tables with translated labels: one source for the page, the CSV
export and the monthly PDF, so the three never disagree."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.applicants import forms as applicant_forms
from portal.dashboard import queries, queries_stalls, queries_work
from portal.dashboard.queries import Scope
from portal.formatting import LabelledDate
from portal.placements.forms import CONTRACT_LABELS
from portal.reports import forms as report_forms


@dataclass
class Table:
    name: str  # used in ?table=<name> and in the CSV file name
    title: str
    headers: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""


def collect(scope: Scope) -> dict:
    """Every figure of the adviser dashboard for one scope."""
    # The period's applications and histories read once, for the tables, the funnel and the
    # time per stage; applications per azc and week once, for the tables and the trends.
    cohort, stage_times = queries_stalls.cohort_and_stage_times(scope)
    by_azc = queries.applications_per_azc_week(scope)
    return {
        "cohort": cohort,
        "stage_times": stage_times,
        "organisations": queries.organisations(scope),
        "vacancies": queries.vacancies(scope),
        "applications": queries.applications(scope, cohort),
        "applications_by_azc_weekly": by_azc,
        "applications_weekly": queries.applications_per_week(scope, by_azc),
        "tours": queries_work.tours(scope),
        "placements": queries_work.placements(scope),
        "placements_weekly": queries_work.placements_per_week(scope),
        "reports": queries_work.reports(scope),
        "questions": queries_work.questions(scope),
    }


def _two(name, title, rows, note="") -> Table:
    return Table(name, title, [_("Onderwerp"), _("Aantal")], [[str(k), v] for k, v in rows], note)


def _breakdown(name, title, first, mapping, labels) -> Table:
    rows = [[str(labels.get(k, k)), n] for k, n in mapping.items()]
    return Table(name, title, [first, _("Aantal")], rows)


def week_label(week: date) -> LabelledDate:
    # Words on the page and in the PDF, the Monday as an ISO date in the CSV (it sorts).
    return LabelledDate(week, _("week van %(date)s", date=format_date(week, "d MMM yyyy")))


def build(figures: dict) -> list[Table]:
    o, v, a, t = (figures[k] for k in ("organisations", "vacancies", "applications", "tours"))
    p, r, q = figures["placements"], figures["reports"], figures["questions"]
    stage_labels = {k.value: lbl for k, lbl in applicant_forms.STAGE_LABELS.items()}
    residence_labels = {k.value: lbl for k, lbl in applicant_forms.RESIDENCE_LABELS.items()}
    language_labels = applicant_forms.LANGUAGE_LABELS
    contract_labels = {k.value: lbl for k, lbl in CONTRACT_LABELS.items()}
    report_states = {k.value: lbl for k, lbl in report_forms.STATE_LABELS.items()}
    signal_labels = report_forms.SIGNAL_LABELS
    return [
        _two("organisations", _("Organisaties"), [
            (_l("Aangemeld in de periode"), o["registered"]),
            (_l("Wachten op goedkeuring (nu)"), o["pending"]),
            (_l("Goedgekeurd (nu)"), o["approved"]),
            (_l("Geschorst (nu)"), o["suspended"]),
            (_l("Afgewezen (nu)"), o["rejected"]),
            (_l("Mediaan dagen van aanmelding tot goedkeuring"), o["median_days_to_approval"]),
        ], _("Het filter op azc-locatie geldt niet voor organisaties.")),
        _two("vacancies", _("Vacatures"), [
            (_l("Gepubliceerd in de periode"), v["published"]),
            (_l("Nu open"), v["open_now"]),
            (_l("Vervuld in de periode"), v["filled"]),
            (_l("Verlopen in de periode"), v["expired"]),
            (_l("Gesloten zonder vervulling in de periode"), v["closed"]),
        ]),
        _two("applications", _("Sollicitaties"), [
            (_l("Sollicitaties in de periode"), a["total"]),
            (_l("Mediaan dagen tot eerste contact"), a["median_days_to_contact"]),
            (_l("Mediaan dagen tot aangenomen"), a["median_days_to_hire"]),
        ]),
        Table("applications_weekly", _("Sollicitaties per week"), [_("Week"), _("Aantal")],
              [[week_label(w), n] for w, n in figures["applications_weekly"]]),
        _breakdown("application_stages", _("Sollicitaties per fase (nu)"), _("Fase"),
                   a["by_stage"], stage_labels),
        _breakdown("application_residence", _("Sollicitaties per verblijfsstatus"),
                   _("Verblijfsstatus"), a["by_residence"], residence_labels),
        _breakdown("application_languages", _("Sollicitaties per taal van het scherm"),
                   _("Taal"), a["by_language"], language_labels),
        Table("application_posters", _("Sollicitaties per azc-poster"), [_("Poster"), _("Aantal")],
              [[name or _("Zonder poster (directe link)"), n] for name, n in a["by_poster"]]),
        _two("tours", _("Rondleidingen"), [
            (_l("Gehouden"), t["held"]), (_l("Gepland"), t["planned"]),
            (_l("Geannuleerd"), t["cancelled"]),
            (_l("Uitgenodigd bij gehouden rondleidingen"), t["invited"]),
            (_l("Aanwezig"), t["attended"]), (_l("Niet gekomen"), t["no_show"]),
            (_l("Aanwezigheid niet ingevuld"), t["unknown"]),
            (_l("Niet gekomen (%)"), t["no_show_rate"]),
        ]),
        _two("placements", _("Plaatsingen"), [
            (_l("Gestart in de periode"), p["started"]),
            (_l("Uren per week, samen"), p["hours_total"]),
            (_l("Uren per week, gemiddeld"), p["hours_average"]),
            (_l("TWV aangevraagd"), p["twv_applied"]),
            (_l("TWV verleend"), p["twv_granted"]),
            (_l("TWV geweigerd"), p["twv_refused"]),
            (_l("Beëindigd in de periode"), p["ended"]),
            (_l("TWV ingetrokken in de periode"), p["twv_cancelled"]),
            (_l("TWV nog in te trekken (nu)"), p["cancellations_pending"]),
            (_l("TWV-intrekking te laat (nu)"), p["cancellations_overdue"]),
        ]),
        _two("still_working", _("Nog aan het werk"), [
            (_l("6 weken na de start: bereikt"), p["six_weeks"]["reached"]),
            (_l("6 weken na de start: nog aan het werk"), p["six_weeks"]["still"]),
            (_l("6 weken na de start: nog aan het werk (%)"), p["six_weeks"]["rate"]),
            (_l("3 maanden na de start: bereikt"), p["three_months"]["reached"]),
            (_l("3 maanden na de start: nog aan het werk"), p["three_months"]["still"]),
            (_l("3 maanden na de start: nog aan het werk (%)"), p["three_months"]["rate"]),
        ], _("Plaatsingen waarvan het moment (6 weken, 3 maanden) in de periode viel.")),
        Table("placements_weekly", _("Gestarte plaatsingen per week"), [_("Week"), _("Aantal")],
              [[week_label(w), n] for w, n in figures["placements_weekly"]]),
        _breakdown("placement_contracts", _("Gestarte plaatsingen per soort contract"),
                   _("Contract"), p["by_contract"], contract_labels),
        _breakdown("report_states", _("Meldingen per status"), _("Status"), r["by_state"],
                   report_states),
        _breakdown("report_signals", _("Meldingen per signaal"), _("Signaal"), r["by_signal"],
                   signal_labels),
        _two("questions", _("Vragen van organisaties"), [
            (_l("Gesteld in de periode"), q["asked"]),
            (_l("Beantwoord"), q["answered"]),
            (_l("Mediaan uren tot eerste antwoord"), q["median_hours_to_answer"]),
        ], _("Het filter op azc-locatie geldt niet voor vragen.")),
    ]


def by_name(tables: list[Table], name: str) -> Table | None:
    return next((t for t in tables if t.name == name), None)
