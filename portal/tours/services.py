"""Tour rules: the employer proposes, the azc coordinator confirms or asks for another time,
attendance is recorded afterwards, invitees get a reminder the day before. Functions flush,
never commit; a broken rule raises TourError with the form field it belongs to."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from flask import render_template
from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal import access, db
from portal.accounts.models import Role, User, coordinator_location
from portal.applicants import services as stages
from portal.applicants.models import OPEN_STAGES, Application, ApplicationEvent, Stage
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError
from portal.notifications.services import queue, queue_template
from portal.organisations.models import Organisation
from portal.phrases.catalogue import label
from portal.phrases.local import localize
from portal.text import clean_line, clean_text
from portal.tours.models import Attendance, Tour, TourInvite, TourState
from portal.translate import services as machine_texts
from portal.vacancies.models import Vacancy

BEFORE_TOUR = (Stage.new, Stage.contacted)
MAX_DURATION = 8 * 60
REMIND_FROM, REMIND_UNTIL = timedelta(hours=24), timedelta(hours=48)


class TourError(DomainError):
    """A broken rule of this feature; see portal.domain.DomainError."""


@dataclass
class TourData:
    starts_at: datetime  # aware
    duration_minutes: int
    address: str
    capacity: int
    meeting_point: str = ""
    what_to_bring: str = ""
    transport_note: str = ""


def _check(data: TourData, invited: int, now: datetime) -> None:
    if data.starts_at <= now:
        raise TourError(_("Kies een moment in de toekomst."), "date")
    if not 15 <= data.duration_minutes <= MAX_DURATION:
        raise TourError(_("Een rondleiding duurt tussen 15 minuten en 8 uur."), "duration")
    if data.capacity < invited:
        raise TourError(ngettext("Er is %(num)d sollicitant uitgenodigd: maak het aantal plaatsen "
                                 "minstens zo groot.",
                                 "Er zijn %(num)d sollicitanten uitgenodigd: maak het aantal "
                                 "plaatsen minstens zo groot.", invited), "capacity")
    if not clean_line(data.address):
        raise TourError(_("Vul het adres in."), "address")


def propose(org: Organisation, apps: list[Application], data: TourData, *, actor: User,
            vacancy: Vacancy | None = None) -> Tour:
    now = utcnow()
    if not apps:
        raise TourError(_("Kies een of meer sollicitanten."), "applications")
    if any(a.vacancy.organisation_id != org.id for a in apps):
        raise TourError(_("Kies een of meer sollicitanten."), "applications")
    closed = [a for a in apps if a.stage not in OPEN_STAGES]
    if closed:
        raise TourError(_("%(ref)s is afgerond en kan niet worden uitgenodigd.",
                          ref=closed[0].reference), "applications")
    _check(data, len(apps), now)
    if vacancy is None and len({a.vacancy_id for a in apps}) == 1:
        vacancy = apps[0].vacancy
    tour = Tour(organisation_id=org.id, vacancy=vacancy, created_by_id=actor.id,
                state=TourState.requested, **_fields(data))
    tour.invites = [TourInvite(application=a) for a in apps]
    db.session.add(tour)
    db.session.flush()
    for app in apps:
        if app.stage in BEFORE_TOUR:
            stages.move(app, Stage.tour, actor=actor)
    record("tour_proposed", tour, invited=len(apps))
    _tell_coordinators(tour)
    want_translations(tour)
    db.session.flush()
    return tour


INSTRUCTIONS = ("meeting_point", "what_to_bring", "transport_note")


def instructions_about(tour: Tour) -> str:
    return f"tour:{tour.id}"


def want_translations(tour: Tour) -> int:
    """The employer's instructions are Dutch: ask machine translations into the invitees'
    languages (made by `portal tick` when the provider is on; nothing happens without)."""
    languages = sorted({i.application.ui_language for i in tour.invites
                        if i.application.ui_language and i.application.ui_language != "nl"})
    return sum(machine_texts.want(instructions_about(tour), getattr(tour, name), "nl", languages)
               for name in INSTRUCTIONS)


def translated_instructions(tour: Tour, lang: str) -> dict[str, str | None]:
    """Machine translations of the instructions that are ready, by field."""
    return {name: machine_texts.found(instructions_about(tour), getattr(tour, name), "nl", lang)
            for name in INSTRUCTIONS}


def _fields(data: TourData) -> dict[str, Any]:
    return dict(starts_at=data.starts_at, duration_minutes=data.duration_minutes,
                address=clean_line(data.address), capacity=data.capacity,
                meeting_point=clean_line(data.meeting_point),
                what_to_bring=clean_text(data.what_to_bring),
                transport_note=clean_text(data.transport_note))


def reschedule(tour: Tour, data: TourData, *, actor: User) -> None:
    """The employer changes the proposal: the coordinator has to confirm again and the
    reminder goes out again for the new moment."""
    if tour.state not in (TourState.requested, TourState.confirmed):
        raise TourError(_("Deze rondleiding kan niet meer worden gewijzigd."))
    _check(data, len(tour.invites), utcnow())
    for key, value in _fields(data).items():
        setattr(tour, key, value)
    tour.state = TourState.requested
    tour.confirmed_at = tour.confirmed_by_id = None
    for invite in tour.invites:
        invite.reminded_at = None
    record("tour_rescheduled", tour)
    _tell_coordinators(tour)
    want_translations(tour)
    db.session.flush()


def coordinator_ids(tour: Tour) -> set[int]:
    locations = {i.application.azc_location_id for i in tour.invites} - {None}
    if not locations:
        return set()
    return set(db.session.scalars(
        select(coordinator_location.c.user_id)
        .where(coordinator_location.c.location_id.in_(locations))))


def _tell_coordinators(tour: Tour) -> None:
    ids = coordinator_ids(tour)
    if not ids:
        return
    users = db.session.scalars(select(User).where(
        User.id.in_(ids), User.role == Role.coordinator, User.active.is_(True)))
    for user in users:
        with force_locale("nl"):
            queue_template(user.email, _("Rondleiding om te bevestigen"),
                           "tours/mail_coordinator.txt", tour=tour)


def may_coordinate(user: User, tour: Tour) -> bool:
    return access.is_admin(user) or any(
        access.may_see_location(user, i.application.azc_location_id) for i in tour.invites)


def confirm(tour: Tour, *, actor: User) -> None:
    if tour.state != TourState.requested:
        raise TourError(_("Alleen een aangevraagde rondleiding kan worden bevestigd."))
    if tour.starts_at <= utcnow():
        raise TourError(_("Deze rondleiding ligt in het verleden."))
    tour.state = TourState.confirmed
    tour.confirmed_at = utcnow()
    tour.confirmed_by_id = actor.id
    tour.coordinator_note = None
    record("tour_confirmed", tour)
    _tell_employer(tour, _("De rondleiding is bevestigd door het azc."))
    db.session.flush()


def ask_other_time(tour: Tour, note: str, *, actor: User) -> None:
    """The coordinator proposes another moment; the tour stays (or goes back to) requested."""
    note = clean_text(note)
    if not note:
        raise TourError(_("Schrijf welk moment wel kan."), "note")
    if tour.state not in (TourState.requested, TourState.confirmed):
        raise TourError(_("Deze rondleiding kan niet meer worden gewijzigd."))
    tour.state = TourState.requested
    tour.confirmed_at = tour.confirmed_by_id = None
    tour.coordinator_note = note[:2000]
    record("tour_other_time_asked", tour)
    _tell_employer(tour, _("Het azc vraagt om een ander moment voor de rondleiding."))
    db.session.flush()


def cancel(tour: Tour, *, actor: User) -> None:
    if tour.state not in (TourState.requested, TourState.confirmed):
        raise TourError(_("Deze rondleiding kan niet meer worden geannuleerd."))
    tour.state = TourState.cancelled
    tour.cancelled_at = utcnow()
    record("tour_cancelled", tour)
    db.session.flush()


def _tell_employer(tour: Tour, text: str) -> None:
    creator = db.session.get(User, tour.created_by_id) if tour.created_by_id else None
    if creator is None or not creator.active:
        return
    with force_locale("nl"):
        queue_template(creator.email, text, "tours/mail_employer.txt", tour=tour, text=text)


def record_attendance(tour: Tour, marks: dict[int, Attendance], *, actor: User) -> int:
    """`marks`: invite id -> attendance, for the invites this user may mark. A no-show moves
    the applicant to no_show (reason missed_tour). Returns how many were recorded."""
    now = utcnow()
    if tour.state not in (TourState.confirmed, TourState.held, TourState.requested):
        raise TourError(_("Voor een geannuleerde rondleiding legt u geen aanwezigheid vast."))
    if tour.starts_at > now:
        raise TourError(_("Aanwezigheid vastleggen kan pas als de rondleiding begonnen is."))
    by_id = {i.id: i for i in tour.invites}
    recorded = 0
    for invite_id, mark in marks.items():
        invite = by_id.get(invite_id)
        if invite is None or mark == Attendance.unknown or invite.attendance == mark:
            continue
        app = invite.application
        if mark == Attendance.no_show and app.stage in OPEN_STAGES:
            stages.move(app, Stage.no_show, actor=actor, reason="missed_tour", system=True)
        elif (mark == Attendance.attended and app.stage == Stage.no_show
              and app.stage_reason == "missed_tour"):
            _undo_no_show(app, actor, now)
        invite.attendance = mark
        invite.recorded_at = now
        invite.recorded_by_id = actor.id
        recorded += 1
    if recorded and tour.state != TourState.held:
        tour.state = TourState.held
        tour.held_at = now
    if recorded:
        record("tour_attendance_recorded", tour, recorded=recorded)
    db.session.flush()
    return recorded


def _undo_no_show(app: Application, actor: User, now: datetime) -> None:
    """A wrongly ticked no-show is corrected: back to the tour stage, with an event."""
    app.events.append(ApplicationEvent(from_stage=app.stage, to_stage=Stage.tour,
                                       actor_id=actor.id, reason=None, created_at=now))
    app.stage = Stage.tour
    app.stage_reason = None


# --------------------------------------------------------------------------- reminders

def send_reminders(now: datetime) -> int:
    """Job for `portal tick`: mail invitees (with an email address) of confirmed tours that
    start 24-48 hours from now, once each."""
    due = db.session.scalars(
        select(TourInvite).join(Tour).join(Application, Application.id == TourInvite.application_id)
        .where(Tour.state == TourState.confirmed,
               Tour.starts_at >= now + REMIND_FROM, Tour.starts_at < now + REMIND_UNTIL,
               TourInvite.reminded_at.is_(None), TourInvite.attendance == Attendance.unknown,
               Application.email.is_not(None), Application.erased_at.is_(None),
               Application.stage.in_(OPEN_STAGES))
        .options(joinedload(TourInvite.tour), joinedload(TourInvite.application)
                 .joinedload(Application.vacancy))
    ).all()
    for invite in due:
        app = invite.application
        if not app.email:  # never so: the query keeps invitees with an address
            continue
        lang = app.ui_language or "nl"
        with force_locale(lang):
            title = localize(app.vacancy, lang).title.text
            subject = _("Morgen: rondleiding bij %(title)s", title=title)
            body = render_template(
                "tours/mail_reminder.txt", tour=invite.tour, application=app, title=title,
                translated=translated_instructions(invite.tour, lang),
                dutch_note=label("note.nl", lang) if lang != "nl" else None,
                machine_note=label("note.machine", lang))
        moment = invite.tour.starts_at.strftime("%Y%m%d%H%M")
        queue(app.email, subject, body, dedupe_key=f"tour-reminder-{invite.id}-{moment}",
              about=app.outbox_key, resident=True, kind="tours/mail_reminder.txt")
        invite.reminded_at = now
    db.session.flush()
    return len(due)

