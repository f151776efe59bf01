"""Rules for placements and their work permit (TWV). Functions flush, never commit."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from portal import access, db
from portal.accounts.models import User
from portal.applicants.models import OPEN_STAGES, Application, ApplicationEvent, ResidenceStatus, Stage
from portal.apply import signals as apply_signals
from portal.audit.services import record
from portal.clock import AMS, today, utcnow
from portal.domain import DomainError
from portal.notifications.services import queue
from portal.organisations.models import OrgKind
from portal.placements import signals, vnumber
from portal.placements.models import (
    MANUAL_TRANSITIONS,
    TWV_EXISTS,
    EndReason,
    Placement,
    TwvState,
)
from portal.text import clean_line, clean_text
from portal.urls import absolute_path, absolute_url
from portal.vacancies.models import ContractType

MAX_NOTE = 1000


class PlacementError(DomainError):
    """A broken rule; `field` names the form field the message belongs to (None: the form)."""


ALREADY_DECIDED = _l("Deze sollicitatie is al afgerond; u kunt niet meer aannemen.")



def full_time() -> int:
    return int(current_app.config["FULL_TIME_HOURS"])


def counted_hours(contract_type: ContractType, hours: int) -> int:
    """UWV often issues a 40-hour TWV for an on-call contract, so it blocks a full week."""
    return full_time() if contract_type == ContractType.on_call else hours


def hours_in_use(*, person_hash: str | None, application: Application, day: date) -> int:
    """Hours of the person's placements still running on `day` (the first day of the new
    job): found by V-number hash across all employers, or, without a number, only the
    placements of this same application."""
    stmt = select(Placement)
    if person_hash:
        stmt = stmt.where(Placement.person_hash == person_hash)
    else:
        stmt = stmt.where(Placement.application_id == application.id)
    return sum(counted_hours(p.contract_type, p.hours_per_week)
               for p in db.session.scalars(stmt) if p.works_on(day))


def check_full_time(*, hours: int, contract_type: ContractType, person_hash: str | None,
                    application: Application, day: date) -> None:
    limit = full_time()
    new = counted_hours(contract_type, hours)
    used = hours_in_use(person_hash=person_hash, application=application, day=day)
    if used + new <= limit:
        return
    field = "contract_type" if contract_type == ContractType.on_call and hours <= limit else "hours_per_week"
    if used:
        raise PlacementError(_l(
            "Deze persoon heeft al %(used)s uur per week aan lopende plaatsingen (ook bij andere "
            "werkgevers). Met deze plaatsing (%(new)s uur) komt het totaal boven een voltijdbaan "
            "van %(limit)s uur. UWV weigert dan de TWV.", used=used, new=new, limit=limit), field)
    raise PlacementError(_l(
        "Deze plaatsing telt als %(new)s uur per week. Dat is meer dan een voltijdbaan van "
        "%(limit)s uur.", new=new, limit=limit), field)


@dataclass
class HireData:
    start_date: date
    hours_per_week: int
    contract_type: ContractType
    client_name: str | None = None
    v_number: str | None = None  # raw input; never stored
    residence_status: ResidenceStatus | None = None  # the employer's answer when unknown


def twv_needed_for(status: ResidenceStatus) -> bool:
    # Unknown is treated as needed: working without a required TWV costs the employer a fine.
    return status != ResidenceStatus.status_holder


def hire(application: Application, actor: User, data: HireData) -> Placement:
    """Record the hire: a placement, the application moved to `hired`, aftercare scheduled."""
    vacancy = application.vacancy
    org = vacancy.organisation
    if application.stage not in OPEN_STAGES:
        raise PlacementError(ALREADY_DECIDED)
    if application.erased_at is not None:
        raise PlacementError(_l("De sollicitant heeft zijn gegevens gewist."))
    day = today()
    if not (day - timedelta(days=366) <= data.start_date <= day + timedelta(days=366)):
        raise PlacementError(_l("Kies een startdatum binnen een jaar van vandaag."), "start_date")
    if not 1 <= data.hours_per_week <= 168:
        raise PlacementError(_l("Vul een aantal uren per week in."), "hours_per_week")

    status = application.residence_status
    if status == ResidenceStatus.unknown and data.residence_status is not None:
        status = data.residence_status
    needed = twv_needed_for(status)

    person_hash = None
    if needed:
        try:
            number = vnumber.normalise(data.v_number)
        except vnumber.InvalidVNumber:
            raise PlacementError(_l("Een V-nummer heeft %(n)s cijfers, bijvoorbeeld 1234567890.",
                                    n=vnumber.LENGTH), "v_number") from None
        person_hash = vnumber.person_hash(number) if number else None
    # Two permits clash when the jobs overlap: compare with the new job's first day.
    check_full_time(hours=data.hours_per_week, contract_type=data.contract_type,
                    person_hash=person_hash, application=application, day=data.start_date)

    client = clean_line(data.client_name, 200) or None
    if org.kind == OrgKind.agency and not client:
        raise PlacementError(_l("Vul de inlener in: het bedrijf waar de uitzendkracht werkt."),
                             "client_name")
    placement = Placement(
        application=application, organisation=org, vacancy=vacancy,
        start_date=data.start_date, hours_per_week=data.hours_per_week,
        contract_type=data.contract_type,
        client_name=client if org.kind == OrgKind.agency else None,
        person_hash=person_hash, twv_needed=needed,
        twv_state=TwvState.to_apply if needed else TwvState.not_needed,
        created_by_id=actor.id,
    )
    db.session.add(placement)
    previous = application.stage
    application.stage = Stage.hired
    application.stage_reason = None
    db.session.add(ApplicationEvent(application=application, from_stage=previous,
                                    to_stage=Stage.hired, actor_id=actor.id, reason="placement"))
    try:
        db.session.flush()
    except IntegrityError:
        # The same hire sent twice at once: the database kept the other one (one placement
        # per application). The caller rolls back, as for any PlacementError.
        raise PlacementError(ALREADY_DECIDED) from None
    record("placement_created", placement, actor=actor, application_id=application.id,
           twv_state=placement.twv_state.value, hours=placement.hours_per_week,
           contract_type=placement.contract_type.value, v_number_given=person_hash is not None)
    record("applicant_stage_changed", application, actor=actor, to=Stage.hired.value,
           reason="placement")
    signals.hired.send(placement)  # aftercare schedules its check-ins
    return placement


def _check_date(on: date, placement: Placement, field: str = "on_date") -> None:
    if on > today():
        raise PlacementError(_l("Deze datum ligt in de toekomst."), field)
    if on < placement.created_at.astimezone(AMS).date() - timedelta(days=366):
        raise PlacementError(_l("Deze datum ligt te ver terug."), field)


def set_twv_state(placement: Placement, actor: User, to_state: TwvState, on: date) -> None:
    """Applied (with the date of the application), granted or refused (the decision date)."""
    current = placement.twv_state
    if placement.ended or to_state not in MANUAL_TRANSITIONS.get(current, set()):
        raise PlacementError(_l("Deze stap kan nu niet."))
    _check_date(on, placement)
    if to_state == TwvState.applied:
        placement.twv_applied_on = on
    else:
        if placement.twv_applied_on and on < placement.twv_applied_on:
            raise PlacementError(_l("Het besluit kan niet vóór de aanvraag liggen."), "on_date")
        placement.twv_decided_on = on
    placement.twv_state = to_state
    db.session.flush()
    record("placement_twv_state", placement, actor=actor, from_state=current.value,
           to_state=to_state.value)


# An end is reported once it is known and near. A date further ahead is more often a slip
# (a month or a year off) than a plan, and until then the placement is simply running.
END_AHEAD_DAYS = 28


def end(placement: Placement, actor: User, end_date: date, reason: EndReason,
        note: str | None = None) -> None:
    """The employer reports the end of the work: the last working day, at most
    END_AHEAD_DAYS ahead (then the pages say the work *will* stop on that day). A TWV that
    exists at UWV must then be withdrawn, or it blocks the resident's next job."""
    if placement.ended:
        raise PlacementError(_l("Het einde van deze plaatsing is al gemeld."))
    if reason == EndReason.not_started:
        end_date = today()
    else:
        if end_date < placement.start_date:
            raise PlacementError(_l("De einddatum ligt vóór de startdatum. Ging de aanname niet "
                                    "door? Kies dan 'Aanname gaat niet door'."), "end_date")
        if end_date > today() + timedelta(days=END_AHEAD_DAYS):
            raise PlacementError(_l("De laatste werkdag ligt meer dan %(n)s dagen vooruit. "
                                    "Meld het einde als het zover is, of controleer de datum.",
                                    n=END_AHEAD_DAYS), "end_date")
    previous = placement.twv_state
    placement.end_date = end_date
    placement.end_reason = reason
    placement.end_note = clean_text(note, MAX_NOTE) or None
    if previous in TWV_EXISTS:
        placement.twv_state = TwvState.cancellation_requested
        placement.cancellation_requested_at = utcnow()
    db.session.flush()
    record("placement_ended", placement, actor=actor, reason=reason.value,
           from_state=previous.value, to_state=placement.twv_state.value)


def confirm_cancelled(placement: Placement, actor: User, *, via: str = "employer",
                      note: str | None = None) -> None:
    """The employer informed UWV (or the adviser did so by phone): the permit is withdrawn."""
    if placement.twv_state != TwvState.cancellation_requested:
        raise PlacementError(_l("Er staat geen intrekking open voor deze plaatsing."))
    placement.twv_state = TwvState.cancelled
    placement.cancelled_at = utcnow()
    placement.cancelled_by_id = actor.id
    placement.cancelled_via = via
    if note:
        placement.cancel_note = clean_text(note, MAX_NOTE)
    db.session.flush()
    record("placement_twv_cancelled", placement, actor=actor, via=via,
           from_state=TwvState.cancellation_requested.value, to_state=TwvState.cancelled.value)


@apply_signals.erased.connect
def _forget_notes(application: Application, **_kw: object) -> int:
    """The employer's notes on the end of the work or the TWV withdrawal may name the
    resident: they go with the application's personal data (dates and reasons stay)."""
    placements = db.session.scalars(
        select(Placement).where(Placement.application_id == application.id)).all()
    for placement in placements:
        placement.end_note = placement.cancel_note = None
    db.session.flush()
    return len(placements)


def record_adviser_view(placement: Placement, adviser: User) -> None:
    record("placement_viewed", placement, actor=adviser, organisation_id=placement.organisation_id)


# --- reminders (portal tick) -------------------------------------------------------------

def cancellation_reminders(now: datetime) -> int:
    """Remind the employer after TWV_REMIND_FIRST_DAYS and TWV_REMIND_SECOND_DAYS in
    `cancellation_requested`; flag the region's advisers after TWV_FLAG_DAYS. Dedupe keys
    make a second run queue nothing."""
    cfg = current_app.config
    first, second, flag = (cfg["TWV_REMIND_FIRST_DAYS"], cfg["TWV_REMIND_SECOND_DAYS"],
                           cfg["TWV_FLAG_DAYS"])
    day = now.astimezone(AMS).date()
    queued = 0
    waiting = db.session.scalars(
        select(Placement).where(Placement.twv_state == TwvState.cancellation_requested)
        .order_by(Placement.id)
    )
    for placement in waiting:
        age = placement.cancellation_age(day)
        if age is None or age < first:
            continue
        step = "second" if age >= second else "first"
        with force_locale("nl"):
            subject, body = _reminder_text(placement, age)
        for user in access.organisation_members(placement.organisation_id):
            if queue(user.email, subject, body,
                     dedupe_key=f"twv-remind:{placement.id}:{step}:{user.id}"):
                queued += 1
        if age >= flag:
            queued += _flag(placement, age, now)
    db.session.flush()
    return queued


def _flag(placement: Placement, age: int, now: datetime) -> int:
    queued = 0
    with force_locale("nl"):
        subject = _("TWV nog niet ingetrokken na %(days)s dagen: %(org)s",
                    days=age, org=placement.organisation.name)
        body = "\n".join([
            _("Hallo,"), "",
            _("%(org)s heeft het einde van een plaatsing gemeld, maar heeft na %(days)s dagen "
              "nog niet bevestigd dat UWV de TWV intrekt. Zolang de TWV bestaat, kan de bewoner "
              "niet bij een nieuwe werkgever beginnen.", org=placement.organisation.name, days=age),
            "", _("Bekijk de openstaande intrekkingen:"), absolute_url("placements.cancellations"), "",
        ])
    for adviser in access.region_advisers(placement.organisation.region_id):
        if queue(adviser.email, subject, body, dedupe_key=f"twv-flag:{placement.id}:{adviser.id}"):
            queued += 1
    if placement.flagged_at is None:
        placement.flagged_at = now
        record("placement_twv_flagged", placement, actor=None, days=age)
    return queued


def _reminder_text(placement: Placement, age: int) -> tuple[str, str]:
    subject = _("Herinnering: trek de TWV in bij UWV (%(title)s)", title=placement.vacancy.title)
    lines = [
        _("Hallo,"), "",
        _("U meldde %(days)s dagen geleden dat het werk voor de vacature '%(title)s' stopt. "
          "U hebt nog niet bevestigd dat u UWV hebt laten weten dat de TWV kan worden "
          "ingetrokken.", days=age, title=placement.vacancy.title),
        _("Zolang de TWV bestaat, kan de bewoner niet bij een nieuwe werkgever beginnen."), "",
        _("Wat u doet:"),
        _("1. Neem contact op met UWV voor werkgevers en meld dat het werk is gestopt of niet "
          "doorgaat."),
        _("2. Klik daarna in het portaal op 'Ik heb UWV ingelicht':"),
        absolute_url("placements.show", placement_id=placement.id), "",
        _("Uitleg: %(url)s", url=absolute_path("/hulp/cancel-twv")), "",
        _("In deze mail staan geen namen. Zo beschermen we de privacy van de bewoner."), "",
    ]
    return subject, "\n".join(lines)
