"""Vacancy rules. Functions take models plus plain data, flush, never commit; a broken rule
raises VacancyError with the form field it belongs to."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, fields
from datetime import date, datetime

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from portal import db
from portal.audit.services import record
from portal.clock import today, utcnow
from portal.domain import DomainError
from portal.formatting import add_months, money
from portal.organisations import signals as org_signals
from portal.organisations.models import Organisation, OrgKind
from portal.regions.models import Location
from portal.signals import total
from portal.text import clean_line, clean_text
from portal.vacancies import codes
from portal.vacancies import signals as vacancy_signals
from portal.vacancies.models import ContractType, Level, Vacancy, VacancyLocation, VacancyStatus
from portal.vacancies.wages import minimum_wage_on

ORG_SUSPENDED = "organisation suspended"
CLOSE_OUTCOMES = {"filled": VacancyStatus.filled, "not_filled": VacancyStatus.closed,
                  "withdrawn": VacancyStatus.closed}
EDITABLE = {VacancyStatus.draft, VacancyStatus.published}
FINAL = {VacancyStatus.closed, VacancyStatus.filled}
# A wage above this many times the statutory minimum needs a tick that it is right.
PLAUSIBLE_WAGE_FACTOR = 3


class VacancyError(DomainError):
    """A broken rule of this feature; see portal.domain.DomainError."""


@dataclass
class VacancyData:
    """What the employer filled in; wages in cents."""

    title: str
    summary: str
    city: str
    hours_min: int
    hours_max: int
    contract_type: ContractType
    wage_min_cents: int
    start_date: date
    closing_date: date
    description: str = ""
    text_language: str = "nl"
    address: str = ""
    wage_max_cents: int | None = None
    dutch_level: Level = Level.none
    english_level: Level = Level.none
    safety_critical: bool = False
    open_to_asylum: bool = True
    open_to_status: bool = True
    tour_offered: bool = False
    positions: int = 1
    client_name: str | None = None
    location_ids: list[int] = field(default_factory=list)


def latest_closing_date(on: date | None = None) -> date:
    return add_months(on or today(), current_app.config["MAX_CLOSING_MONTHS"])


# --------------------------------------------------------------------------- checks


def check(org: Organisation, data: VacancyData, wage_confirmed: bool = False) -> None:
    """Every rule on the content; raises on the first broken one. `wage_confirmed`: the
    employer ticked that an unusually high wage is right (see _check_wage)."""
    full_time = current_app.config["FULL_TIME_HOURS"]
    if org.kind == OrgKind.agency and not clean_line(data.client_name):
        raise VacancyError(_("Een uitzendbureau moet de inlener (klant) noemen."), "client_name")
    if data.hours_min < 1:
        raise VacancyError(_("Minimaal 1 uur per week."), "hours_min")
    if data.hours_max < data.hours_min:
        raise VacancyError(_("Het maximum aantal uren mag niet lager zijn dan het minimum."),
                           "hours_max")
    if data.hours_max > full_time:
        raise VacancyError(_("Meer dan %(n)s uur per week is meer dan een volledige baan.",
                             n=full_time), "hours_max")
    if data.positions < 1:
        raise VacancyError(_("Er is minstens 1 plek nodig."), "positions")
    _check_wage(data, wage_confirmed)
    if not (data.open_to_asylum or data.open_to_status):
        raise VacancyError(_("Kies voor wie de vacature open staat: asielzoekers, "
                             "statushouders of allebei."), "open_to_asylum")
    _check_closing_date(data.closing_date)


def _check_wage(data: VacancyData, confirmed: bool) -> None:
    """At least the statutory minimum on the start date. Above PLAUSIBLE_WAGE_FACTOR times
    that minimum the amount is more likely a typo (1550 for 15,50) than a wage, so the
    employer confirms it once; the form then shows the checkbox for that."""
    minimum = minimum_wage_on(data.start_date)
    if minimum is None:
        raise VacancyError(_("Het minimumloon voor de startdatum is niet bekend in het portaal. "
                             "Kies een latere startdatum of neem contact op met uw adviseur."),
                           "wage_min")
    if data.wage_min_cents < minimum:
        raise VacancyError(_("Het uurloon moet minstens het wettelijk minimumloon zijn: "
                             "%(amount)s per uur op de startdatum.", amount=money(minimum)),
                           "wage_min")
    if data.wage_max_cents is not None and data.wage_max_cents < data.wage_min_cents:
        raise VacancyError(_("Het maximum uurloon mag niet lager zijn dan het minimum."),
                           "wage_max")
    highest = max(data.wage_min_cents, data.wage_max_cents or 0)
    if not confirmed and highest > PLAUSIBLE_WAGE_FACTOR * minimum:
        raise VacancyError(_("%(amount)s per uur is meer dan %(n)s keer het minimumloon. Klopt "
                             "dit bedrag? Vink dan aan dat het klopt en sla opnieuw op.",
                             amount=money(highest), n=PLAUSIBLE_WAGE_FACTOR), "wage_confirmed")


def _check_closing_date(closing: date) -> None:
    if closing < today():
        raise VacancyError(_("De sluitingsdatum ligt in het verleden."), "closing_date")
    latest = latest_closing_date()
    if closing > latest:
        raise VacancyError(_("De sluitingsdatum mag hoogstens %(n)s maanden vooruit liggen "
                             "(uiterlijk %(day)s).", n=current_app.config["MAX_CLOSING_MONTHS"],
                             day=latest.isoformat()), "closing_date")


def warnings(data: VacancyData | Vacancy) -> list[str]:
    """Things the employer should know but that do not block saving."""
    found = []
    if data.contract_type == ContractType.on_call and data.open_to_asylum:
        found.append(_("Let op: bij een oproepcontract geeft UWV de werkvergunning (TWV) vaak "
                       "voor %(n)s uur per week. Dan kan de bewoner geen tweede baan nemen.",
                       n=current_app.config["FULL_TIME_HOURS"]))
    return found


# --------------------------------------------------------------------------- changes


def _taken(code: str) -> bool:
    return db.session.scalar(select(Vacancy.id).where(Vacancy.code == code)) is not None


def _apply(vacancy: Vacancy, org: Organisation, data: VacancyData) -> None:
    for f in fields(VacancyData):
        if f.name != "location_ids":
            setattr(vacancy, f.name, getattr(data, f.name))
    # Shown to residents and printed on posters: one clean-up for every way in.
    vacancy.title = clean_line(data.title)
    vacancy.summary = clean_text(data.summary)
    vacancy.description = clean_text(data.description)
    vacancy.city = clean_line(data.city)
    vacancy.address = clean_line(data.address)
    vacancy.client_name = clean_line(data.client_name) or None
    if org.kind != OrgKind.agency:
        vacancy.client_name = None
    _set_locations(vacancy, data.location_ids)


def _set_locations(vacancy: Vacancy, location_ids: list[int]) -> None:
    wanted = set(location_ids)
    if wanted:
        found = set(db.session.scalars(select(Location.id).where(
            Location.id.in_(wanted), Location.active.is_(True))))
        if found != wanted:
            raise VacancyError(_("Kies alleen bestaande azc-locaties."), "location_ids")
    now = utcnow()
    for posting in list(vacancy.postings):
        if posting.location_id in wanted:
            if posting.removed_at is not None:  # chosen again: a fresh poster is needed
                posting.removed_at = posting.printed_at = posting.taken_down_at = None
            wanted.discard(posting.location_id)
        elif posting.printed_at and posting.taken_down_at is None:
            posting.removed_at = posting.removed_at or now  # still hangs: coordinator takes it down
        else:
            vacancy.postings.remove(posting)
    for loc_id in sorted(wanted):
        vacancy.postings.append(VacancyLocation(location_id=loc_id))


def create_vacancy(org: Organisation, data: VacancyData, wage_confirmed: bool = False) -> Vacancy:
    check(org, data, wage_confirmed)
    vacancy = Vacancy(organisation=org, code=codes.new_code(_taken),
                      status=VacancyStatus.draft, postings=[])
    _apply(vacancy, org, data)
    db.session.add(vacancy)
    db.session.flush()
    record("vacancy.created", vacancy)
    return vacancy


def update_vacancy(vacancy: Vacancy, data: VacancyData, wage_confirmed: bool = False) -> None:
    if vacancy.status not in EDITABLE:
        raise VacancyError(_("Deze vacature kan niet meer worden gewijzigd."))
    unchanged = (data.wage_min_cents, data.wage_max_cents) == (vacancy.wage_min_cents,
                                                               vacancy.wage_max_cents)
    check(vacancy.organisation, data, wage_confirmed or unchanged)  # saved: confirmed then
    if vacancy.status == VacancyStatus.published:
        # A running vacancy may keep its (now past) start date; a new one must be ahead.
        _check_publishable(vacancy.organisation, data.start_date, data.location_ids,
                           check_start=data.start_date != vacancy.start_date)
    _apply(vacancy, vacancy.organisation, data)
    if vacancy.status == VacancyStatus.published:
        vacancy.poster_changed_at = utcnow()  # hanging posters show the old text
    db.session.flush()
    record("vacancy.updated", vacancy, status=vacancy.status.value)


def duplicate_vacancy(vacancy: Vacancy) -> Vacancy:
    """A draft copy with a new code; dates are checked again when it is published."""
    copy = Vacancy(organisation=vacancy.organisation, code=codes.new_code(_taken),
                   status=VacancyStatus.draft, postings=[])
    for f in fields(VacancyData):
        if f.name != "location_ids":
            setattr(copy, f.name, getattr(vacancy, f.name))
    copy.postings = [VacancyLocation(location_id=p.location_id) for p in vacancy.current_postings]
    db.session.add(copy)
    db.session.flush()
    record("vacancy.duplicated", copy, source_id=vacancy.id)
    total(vacancy_signals.duplicated, copy, source=vacancy)  # phrases, texts per language
    return copy


def _check_publishable(org: Organisation, start_date: date, location_ids: Collection[int],
                       check_start: bool = True) -> None:
    if not org.can_publish:
        raise VacancyError(_("Uw organisatie is nog niet goedgekeurd. Daarna kunt u publiceren."))
    if check_start and start_date < today():
        raise VacancyError(_("De startdatum ligt in het verleden."), "start_date")
    if not location_ids:
        raise VacancyError(_("Kies minstens één azc-locatie waar de poster komt te hangen."),
                           "location_ids")


def publish_vacancy(vacancy: Vacancy) -> None:
    if vacancy.status != VacancyStatus.draft:
        raise VacancyError(_("Alleen een concept kan worden gepubliceerd."))
    org = vacancy.organisation
    _check_publishable(org, vacancy.start_date, [p.location_id for p in vacancy.current_postings])
    check(org, _data_of(vacancy), wage_confirmed=True)  # a saved wage was confirmed then
    if not clean_text(vacancy.summary) and not total(vacancy_signals.content_parts, vacancy):
        # Phrases (portal/phrases) may say what the job is instead: they read in every language.
        raise VacancyError(_("Schrijf een korte omschrijving, of kies bij 'Het werk in zinnen' "
                             "wat het werk is."), "summary")
    now = utcnow()
    vacancy.status = VacancyStatus.published
    vacancy.status_reason = None
    vacancy.published_at = vacancy.poster_changed_at = now
    db.session.flush()
    record("vacancy.published", vacancy)


def _data_of(vacancy: Vacancy) -> VacancyData:
    values = {f.name: getattr(vacancy, f.name) for f in fields(VacancyData) if f.name != "location_ids"}
    return VacancyData(**values, location_ids=[p.location_id for p in vacancy.current_postings])


def close_vacancy(vacancy: Vacancy, outcome: str, reason: str = "") -> None:
    if outcome not in CLOSE_OUTCOMES:
        raise VacancyError(_("Kies hoe de vacature is afgelopen."), "outcome")
    if vacancy.status in FINAL:
        raise VacancyError(_("Deze vacature is al gesloten."))
    vacancy.status = CLOSE_OUTCOMES[outcome]
    vacancy.close_outcome = outcome
    vacancy.status_reason = clean_text(reason) or None
    vacancy.closed_at = utcnow()
    db.session.flush()
    record("vacancy.closed", vacancy, outcome=outcome, status=vacancy.status.value)


def extend_closing_date(vacancy: Vacancy, new_date: date, reason: str) -> None:
    if vacancy.status != VacancyStatus.published:
        raise VacancyError(_("Alleen een gepubliceerde vacature kan worden verlengd."))
    reason = clean_text(reason)
    if not reason:
        raise VacancyError(_("Geef een reden voor de verlenging."), "reason")
    if new_date <= vacancy.closing_date:
        raise VacancyError(_("Kies een datum na de huidige sluitingsdatum."), "closing_date")
    _check_closing_date(new_date)
    old = vacancy.closing_date
    vacancy.closing_date = new_date
    vacancy.extension_reason = reason
    vacancy.poster_changed_at = utcnow()  # the poster prints "geldig tot"
    db.session.flush()
    record("vacancy.extended", vacancy, old=old.isoformat(), new=new_date.isoformat())


def suspend_vacancy(vacancy: Vacancy, reason: str) -> None:
    """By an adviser (or for the organisation): offline, posters must come down."""
    if vacancy.status != VacancyStatus.published:
        raise VacancyError(_("Alleen een gepubliceerde vacature kan worden geschorst."))
    vacancy.status = VacancyStatus.suspended
    vacancy.status_reason = reason
    db.session.flush()
    record("vacancy.suspended", vacancy)


def take_offline_for_organisation(org: Organisation) -> int:
    count = 0
    for vacancy in db.session.scalars(select(Vacancy).where(
            Vacancy.organisation_id == org.id, Vacancy.status == VacancyStatus.published)):
        suspend_vacancy(vacancy, ORG_SUSPENDED)
        count += 1
    return count


def restore_for_organisation(org: Organisation) -> int:
    """Undo take_offline_for_organisation; vacancies an adviser suspended one by one stay so."""
    count, now, day = 0, utcnow(), today()
    for vacancy in db.session.scalars(select(Vacancy).where(
            Vacancy.organisation_id == org.id, Vacancy.status == VacancyStatus.suspended,
            Vacancy.status_reason == ORG_SUSPENDED)):
        if vacancy.closing_date < day:
            vacancy.status = VacancyStatus.expired
        else:
            vacancy.status = VacancyStatus.published
            vacancy.poster_changed_at = now  # taken-down posters must be hung again
        vacancy.status_reason = None
        count += 1
        record("vacancy.restored", vacancy, status=vacancy.status.value)
    db.session.flush()
    return count


@org_signals.suspended.connect
def _organisation_suspended(org: Organisation, **_kw: object) -> int:
    return take_offline_for_organisation(org)


@org_signals.reinstated.connect
def _organisation_reinstated(org: Organisation, **_kw: object) -> int:
    return restore_for_organisation(org)


def expire_due(now: datetime) -> int:
    """portal tick: published vacancies past their closing date become expired."""
    from portal.clock import AMS

    day = now.astimezone(AMS).date()
    due = list(db.session.scalars(select(Vacancy).where(
        Vacancy.status == VacancyStatus.published, Vacancy.closing_date < day)))
    for vacancy in due:
        vacancy.status = VacancyStatus.expired
        vacancy.closed_at = now
        record("vacancy.expired", vacancy, actor=None)
    db.session.flush()
    return len(due)


# --------------------------------------------------------------------------- notice boards


def mark_printed(postings: list[VacancyLocation]) -> int:
    now = utcnow()
    for posting in postings:
        posting.printed_at = now
        posting.taken_down_at = None
    db.session.flush()
    return len(postings)


def mark_taken_down(posting: VacancyLocation) -> None:
    posting.taken_down_at = utcnow()
    db.session.flush()
