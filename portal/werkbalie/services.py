"""Desk hours (staff): publish weekly or one-day hours at an azc, stop them. Hours may not
overlap those of the same person, or of the same room, at that azc. Functions flush, never
commit; a broken rule raises AgendaError naming its form field."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from flask_babel import gettext as _
from sqlalchemy import or_, select

from portal import db
from portal.accounts.models import User
from portal.audit.services import record
from portal.clock import today, utcnow
from portal.domain import DomainError
from portal.text import clean_line
from portal.werkbalie import booking
from portal.werkbalie.models import Appointment, AppointmentStatus, SlotSeries
from portal.werkbalie.slots import MAX_DAYS, overlaps


class AgendaError(DomainError):
    """A broken rule of the desk hours; see portal.domain.DomainError."""


@dataclass
class SeriesData:
    location_id: int
    host: str
    weekday: int | None  # None: one day only
    first_day: date
    last_day: date
    start_time: time
    end_time: time
    slot_minutes: int = 15
    languages: list[str] = field(default_factory=list)
    place: str = ""


def _check(data: SeriesData) -> None:
    if data.end_time <= data.start_time:
        raise AgendaError(_("Het einde ligt na het begin."), "end_time")
    if data.first_day < today():
        raise AgendaError(_("Kies een dag vanaf vandaag."), "first_day")
    if data.last_day < data.first_day:
        raise AgendaError(_("De laatste dag ligt op of na de eerste."), "last_day")
    if data.last_day > today() + timedelta(days=MAX_DAYS):
        raise AgendaError(_("Plan hoogstens een half jaar vooruit."), "last_day")
    if not data.languages:
        raise AgendaError(_("Kies minstens één taal."), "languages")
    if not clean_line(data.host):
        raise AgendaError(_("Vul in wie er zit, bijvoorbeeld: UWV werkgeversadviseur."), "host")


def publish(data: SeriesData, *, actor: User) -> SlotSeries:
    if data.weekday is None:
        data.last_day = data.first_day
    _check(data)
    series = SlotSeries(
        location_id=data.location_id, host=clean_line(data.host, 120), weekday=data.weekday,
        first_day=data.first_day, last_day=data.last_day, start_time=data.start_time,
        end_time=data.end_time, slot_minutes=data.slot_minutes, languages=list(data.languages),
        place=clean_line(data.place, 200), created_by_id=actor.id, active=True)
    _refuse_overlap(series)
    db.session.add(series)
    db.session.flush()
    record("werkbalie_hours_published", series)
    return series


def _refuse_overlap(series: SlotSeries) -> None:
    same = [SlotSeries.created_by_id == series.created_by_id]
    if series.place:
        same.append(SlotSeries.place == series.place)
    others = db.session.scalars(select(SlotSeries).where(
        SlotSeries.location_id == series.location_id, SlotSeries.active.is_(True), or_(*same)))
    for other in others:
        day = overlaps(series, other)
        if day is not None:
            raise AgendaError(_("Deze tijden overlappen met spreekuur dat er al is op %(day)s "
                                "(%(start)s–%(end)s). Kies andere tijden of een andere ruimte.",
                                day=day.strftime("%d-%m-%Y"), start=other.start_time.strftime("%H:%M"),
                                end=other.end_time.strftime("%H:%M")), "start_time")


def stop(series: SlotSeries, *, actor: User) -> int:
    """No more bookings; future appointments are cancelled and the residents told. Returns
    how many were cancelled."""
    series.active = False
    future = db.session.scalars(select(Appointment).where(
        Appointment.series_id == series.id, Appointment.status == AppointmentStatus.booked,
        Appointment.starts_at > utcnow())).all()
    for appointment in future:
        booking.cancel(appointment, by_staff=True)
    record("werkbalie_hours_stopped", series, cancelled=len(future))
    db.session.flush()
    return len(future)
