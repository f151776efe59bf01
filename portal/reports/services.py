"""Rules for reports of dubious job offers. Functions flush, never commit."""
from __future__ import annotations

import re
import secrets
from collections.abc import Iterable

from flask_babel import LazyString, force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, func, select

from portal import access, db
from portal.accounts.models import Role, User
from portal.audit.services import record
from portal.domain import DomainError
from portal.notifications.services import queue_template
from portal.organisations import services as org_services
from portal.organisations import signals as org_signals
from portal.organisations.models import Organisation
from portal.regions.models import Location
from portal.reports.models import (
    SIGNALS,
    TRANSITIONS,
    ForwardedTo,
    Report,
    ReporterType,
    ReportEvent,
    ReportState,
)
from portal.text import clean_line, clean_text
from portal.urls import absolute_url
from portal.vacancies import services as vacancy_services
from portal.vacancies.models import Vacancy

# No look-alikes (0/O/D, 1/I/L, 2/Z, 5/S, 8/B, U/V): the code is read aloud and typed on phones.
CODE_ALPHABET = "ACEFGHJKMNPQRTWXY34679"
CODE_LENGTH = 8
MAX_DESCRIPTION = 2000


class ReportError(DomainError):
    """A broken rule; `more` holds further (field, message) pairs, shown all at once."""

    def __init__(self, message: str | LazyString, field: str | None = None,
                 more: Iterable[tuple[str | None, str | LazyString]] = ()) -> None:
        super().__init__(message, field)
        self.more = list(more)


def normalise_code(raw: str | None) -> str:
    return re.sub(r"[\s\-.]", "", raw or "").upper()[:16]


def new_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if db.session.scalar(select(Report.id).where(Report.code == code)) is None:
            return code


def find_by_code(raw: str | None) -> Report | None:
    code = normalise_code(raw)
    if len(code) != CODE_LENGTH or not set(code) <= set(CODE_ALPHABET):
        return None
    return db.session.scalar(select(Report).where(Report.code == code))


def _plain_code(raw: str | None) -> str | None:
    # Only ASCII letters and digits reach the database (PostgreSQL refuses NUL bytes).
    code = (raw or "").strip().upper()
    if not code or len(code) > 8 or not (code.isascii() and code.isalnum()):
        return None
    return code


def vacancy_by_code(raw: str | None) -> Vacancy | None:
    code = _plain_code(raw)
    if code is None:
        return None
    return db.session.scalar(select(Vacancy).where(func.upper(Vacancy.code) == code))


def location_by_code(raw: str | None) -> Location | None:
    code = _plain_code(raw)
    if code is None:
        return None
    return db.session.scalar(
        select(Location).where(func.upper(Location.code) == code, Location.active.is_(True))
    )


def active_locations() -> list[Location]:
    return list(db.session.scalars(
        select(Location).where(Location.active.is_(True)).order_by(Location.name)
    ))


def submit(*, signals: list[str], description: str, employer_name: str,
           vacancy: Vacancy | None, location: Location | None, reporter_type: ReporterType,
           contact: str | None, contact_language: str | None, ui_language: str,
           contact_consent: bool = False, notify: bool = True) -> Report:
    """Store a report from the public form (anyone, anonymous allowed). `contact_consent`:
    the reporter agreed that their contact goes along when the report is passed on."""
    signals = [s for s in SIGNALS if s in set(signals or ())]
    description = clean_text(description, MAX_DESCRIPTION)
    employer_name = clean_line(employer_name, 200)
    problems = []
    if not signals and not description:
        problems.append(("signals", _l("Kies minstens één ding dat er gebeurde, of schrijf wat "
                                       "er gebeurde.")))
    if vacancy is None and not employer_name:
        problems.append(("employer_name", _l("Schrijf de naam van de werkgever. Weet je die "
                                             "niet? Schrijf wat je weet.")))
    if problems:
        raise ReportError(problems[0][1], field=problems[0][0], more=problems[1:])
    organisation = vacancy.organisation if vacancy is not None else None
    if organisation is not None:
        region_id = organisation.region_id
    elif location is not None:
        region_id = location.region_id
    else:
        region_id = None
    contact = clean_line(contact, 200) or None
    report = Report(
        code=new_code(), vacancy=vacancy, organisation=organisation,
        employer_name=employer_name, signals=signals, description=description,
        location=location, reporter_type=reporter_type,
        contact=contact, contact_language=contact_language or None,
        contact_consent=bool(contact_consent and contact),
        ui_language=ui_language, region_id=region_id, state=ReportState.new,
    )
    report.events.append(ReportEvent(action="received", to_state=ReportState.new))
    db.session.add(report)
    db.session.flush()
    record("report_received", report, state=report.state.value, region_id=region_id)
    if notify:
        notify_new(report)
    return report


def recipients(region_id: int | None) -> list[User]:
    """The region's advisers; reports without a region go to the admins, who see them all."""
    if region_id is not None:
        return access.region_advisers(region_id)
    return list(db.session.scalars(select(User).where(
        User.active.is_(True), User.role == Role.admin).order_by(User.id)))


def notify_new(report: Report) -> int:
    """One mail per adviser: a link only. The description and the reporter's contact stay in
    the portal, behind sign-in and two-factor."""
    link = absolute_url("reports.detail", report_id=report.id)
    count = 0
    with force_locale("nl"):  # staff mail; the reporter may be using Arabic
        subject = str(_l("Nieuwe melding over een baanaanbod"))
        for adviser in recipients(report.region_id):
            queue_template(
                adviser.email, subject, "reports/mail_new_report.txt", link=link,
                report=report, dedupe_key=f"report-new-{report.id}-{adviser.id}",
                about=report.outbox_key,  # forgotten with the report's text (housekeeping)
            )
            count += 1
    return count


def visible_to(user: User) -> Select[tuple[Report]]:
    """Reports this staff member may see: advisers their region, admins all (reports without
    a region too), others none. Members never see reports, not even about their own
    organisation: that would expose the reporter."""
    return select(Report).where(access.region_scope(user, Report.region_id))


def get_visible(user: User, report_id: int) -> Report | None:
    return db.session.scalar(visible_to(user).where(Report.id == report_id))


def queue_page(user: User, state: ReportState | None, page: int,
               per_page: int = 50) -> tuple[list[Report], int]:
    query = visible_to(user)
    if state is not None:
        query = query.where(Report.state == state)
    total = db.session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = db.session.scalars(
        query.order_by(Report.created_at.desc(), Report.id.desc())
        .offset((page - 1) * per_page).limit(per_page)
    ).all()
    return list(rows), total


def related_reports(user: User, report: Report) -> list[Report]:
    """Other reports about the same organisation (or, without one, the same employer name):
    a pattern matters more than one report."""
    query = visible_to(user).where(Report.id != report.id)
    if report.organisation_id is not None:
        query = query.where(Report.organisation_id == report.organisation_id)
    elif report.employer_name:
        query = query.where(func.lower(Report.employer_name) == report.employer_name.lower())
    else:
        return []
    return list(db.session.scalars(query.order_by(Report.created_at.desc())))


@org_signals.region_moved.connect
def _follow_the_organisation(org: Organisation, old_region_id: int | None = None, **_kw: object) -> int:
    """Reports about an organisation that moved region, still open in the old region, go to
    the advisers of its new region (the old ones no longer see the organisation)."""
    moved = list(db.session.scalars(select(Report).where(
        Report.organisation_id == org.id, Report.region_id == old_region_id,
        Report.state != ReportState.closed)))
    for report in moved:
        report.region_id = org.region_id
        report.events.append(ReportEvent(action="region_moved", note=org.region.name))
    db.session.flush()
    return len(moved)


def record_view(report: Report, actor: User, *, printed: bool = False,
                include_contact: bool = False) -> None:
    if printed:
        record("report_printed", report, actor=actor, include_contact=include_contact)
    else:
        record("report_viewed", report, actor=actor)


def change_state(report: Report, actor: User, to_state: ReportState, *, note: str = "",
                 forwarded_to: ForwardedTo | None = None, outcome: str = "") -> ReportEvent:
    if to_state not in TRANSITIONS[report.state]:
        raise ReportError(_l("Deze stap is niet mogelijk vanuit de huidige status."), field="state")
    outcome = clean_text(outcome, 4000)
    if to_state == ReportState.forwarded:
        if forwarded_to is None:
            raise ReportError(_l("Kies aan wie u de melding doorstuurt."), field="forwarded_to")
        report.forwarded_to = forwarded_to
    if to_state == ReportState.closed:
        if not outcome:
            raise ReportError(_l("Schrijf de uitkomst op voordat u de melding sluit."),
                              field="outcome")
        report.outcome = outcome
    event = ReportEvent(actor_id=actor.id, action="state", from_state=report.state,
                        to_state=to_state, note=clean_text(note, 4000))
    from_state = report.state
    report.state = to_state
    report.events.append(event)
    db.session.flush()
    record("report_state_changed", report, actor=actor, from_state=from_state.value,
           to_state=to_state.value,
           forwarded_to=report.forwarded_to.value if report.forwarded_to else None)
    return event


def _need_reason(reason: str) -> str:
    reason = clean_text(reason, 2000)
    if not reason:
        raise ReportError(_l("Schrijf een reden."), field="reason")
    return reason


def suspend_linked_vacancy(report: Report, actor: User, reason: str) -> None:
    reason = _need_reason(reason)
    if report.vacancy is None:
        raise ReportError(_l("Deze melding hoort niet bij een vacature."), field="reason")
    try:
        vacancy_services.suspend_vacancy(report.vacancy, reason)
    except vacancy_services.VacancyError as exc:
        raise ReportError(exc.message, field="reason") from exc
    report.events.append(ReportEvent(actor_id=actor.id, action="vacancy_suspended", note=reason))
    db.session.flush()
    record("report_vacancy_suspended", report, actor=actor, vacancy_id=report.vacancy_id)


def suspend_linked_organisation(report: Report, actor: User, reason: str) -> None:
    reason = _need_reason(reason)
    if report.organisation is None:
        raise ReportError(_l("Deze melding hoort niet bij een organisatie."), field="reason")
    try:
        org_services.suspend(report.organisation, actor, reason)
    except org_services.OrganisationError as exc:
        raise ReportError(exc.message, field="reason") from exc
    report.events.append(
        ReportEvent(actor_id=actor.id, action="organisation_suspended", note=reason)
    )
    db.session.flush()
    record("report_organisation_suspended", report, actor=actor,
           organisation_id=report.organisation_id)

