"""Appointments at the Werkbalie: booked by a resident (QR poster, notice board) or by staff
at the desk; cancelled or moved through the private link; marked and given a short outcome
by staff, who may link an application or start one with the resident's consent.

One slot holds one appointment and a phone number one future appointment: both are unique
indexes, so two people (or two tabs) at the same moment get one booking and a clear message.
An appointment whose time went by unmarked becomes "past" and no longer holds the number."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from portal import db
from portal.activities import reach
from portal.activities.links import new_link, token_for
from portal.applicants.models import Application
from portal.apply import services as apply_services
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError
from portal.notifications.services import forget
from portal.text import clean_text
from portal.urls import absolute_url
from portal.werkbalie.models import Appointment, AppointmentStatus
from portal.werkbalie.slots import Slot

MAX_NOTE = 500


class BookingError(DomainError):
    """A booking that cannot be: the message is for the resident, in their language."""


class AlreadyBooked(Exception):
    def __init__(self, appointment: Appointment):
        super().__init__("already booked")
        self.appointment = appointment


SLOT_TAKEN = _l("Deze tijd is net door iemand anders gekozen. Kies een andere tijd.")


@dataclass
class BookingData:
    name: str
    phone: str  # E.164
    name_latin: str | None = None
    email: str | None = None
    language: str | None = None
    keep_longer: bool = False


@dataclass
class Booked:
    appointment: Appointment
    token: str


def link_url(appointment: Appointment) -> str:
    return absolute_url("werkbalie_public.booking_status",
                        booking_token=token_for(appointment.link_nonce))


def lapse(now: datetime, phone: str | None = None) -> int:
    """Bookings whose time went by without a mark become "past" (they no longer count as the
    phone's future appointment). For one phone, or all (the tick). Returns how many."""
    stmt = (update(Appointment)
            .where(Appointment.status == AppointmentStatus.booked, Appointment.ends_at <= now)
            .values(status=AppointmentStatus.past).execution_options(synchronize_session=False))
    if phone is not None:
        stmt = stmt.where(Appointment.phone == phone)
    return db.session.execute(stmt).rowcount or 0  # type: ignore[attr-defined]


def future_booking(phone: str) -> Appointment | None:
    return db.session.scalar(select(Appointment).where(
        Appointment.phone == phone, Appointment.status == AppointmentStatus.booked))


def _check_slot(slot: Slot, now: datetime) -> None:
    if not slot.series.active:
        raise BookingError(SLOT_TAKEN, "slot")
    if slot.starts_at <= now:
        raise BookingError(_l("Deze tijd is al voorbij. Kies een andere tijd."), "slot")


def book(slot: Slot, data: BookingData, *, ui_language: str, by_staff_id: int | None = None) -> Booked:
    """Raises AlreadyBooked when the phone has a future appointment, BookingError for a slot
    that went by; a slot taken at the same moment makes the database refuse the insert
    (IntegrityError: the view rolls back and calls `why_refused`)."""
    now = utcnow()
    _check_slot(slot, now)
    lapse(now, data.phone)
    existing = future_booking(data.phone)
    if existing is not None:
        raise AlreadyBooked(existing)
    link = new_link()
    appointment = Appointment(
        series_id=slot.series.id, location_id=slot.series.location_id, starts_at=slot.starts_at,
        ends_at=slot.ends_at, status=AppointmentStatus.booked, name=data.name,
        name_latin=data.name_latin or None, phone=data.phone, email=data.email or None,
        language=data.language, ui_language=ui_language, keep_longer=data.keep_longer,
        consent_at=now, token_hash=link.token_hash, link_nonce=link.nonce,
        booked_by_id=by_staff_id, created_at=now)
    db.session.add(appointment)
    db.session.flush()
    tell(appointment, "booked")
    return Booked(appointment, link.token)


def why_refused(phone: str) -> Exception:
    """After the database refused a booking: the phone's other booking, or the slot."""
    existing = future_booking(phone)
    return AlreadyBooked(existing) if existing is not None else BookingError(SLOT_TAKEN, "slot")


def move(appointment: Appointment, slot: Slot) -> None:
    """Another time, same link. The database refuses a slot someone took meanwhile."""
    now = utcnow()
    if appointment.status != AppointmentStatus.booked or appointment.starts_at <= now:
        raise BookingError(_l("Deze afspraak kan niet meer worden verzet."))
    _check_slot(slot, now)
    if slot.series.location_id != appointment.location_id:
        raise BookingError(SLOT_TAKEN, "slot")
    appointment.series_id, appointment.starts_at = slot.series.id, slot.starts_at
    appointment.ends_at = slot.ends_at
    db.session.flush()
    tell(appointment, "moved")


def cancel(appointment: Appointment, *, by_staff: bool = False) -> None:
    if appointment.status != AppointmentStatus.booked:
        raise BookingError(_l("Deze afspraak is al afgezegd of voorbij."))
    if appointment.starts_at <= utcnow() and not by_staff:
        raise BookingError(_l("Deze afspraak is al begonnen."))
    appointment.status, appointment.cancelled_at = AppointmentStatus.cancelled, utcnow()
    db.session.flush()
    if by_staff:
        tell(appointment, "cancelled")


def tell(appointment: Appointment, name: str, **extra) -> int:
    subjects = {
        "booked": _l("Je afspraak bij de Werkbalie"),
        "moved": _l("Je afspraak bij de Werkbalie is verzet"),
        "cancelled": _l("Je afspraak bij de Werkbalie gaat niet door"),
        "reminder": _l("Herinnering: je afspraak bij de Werkbalie"),
    }
    agenda = absolute_url("werkbalie_public.agenda", location_code=appointment.location.code)
    host = reach.dutch_only(appointment.series.host, appointment.ui_language or "nl")
    return reach.tell(appointment, "werkbalie", name, subjects[name], appointment=appointment,
                      host=host, link=link_url(appointment), agenda=agenda, **extra)


def erase(appointment: Appointment) -> None:
    """The resident's "erase my data", or the retention purge: the row and its mail go."""
    forget(appointment.outbox_key)
    db.session.delete(appointment)
    db.session.flush()


# --- staff at the desk -----------------------------------------------------------------------

def mark(appointment: Appointment, came: bool, *, actor) -> None:
    if appointment.status == AppointmentStatus.cancelled:
        raise DomainError(_l("Deze afspraak is afgezegd."))
    if appointment.starts_at > utcnow():
        raise DomainError(_l("Wie er kwam, vult u in vanaf het begin van de afspraak."))
    appointment.status = AppointmentStatus.attended if came else AppointmentStatus.no_show
    appointment.marked_at, appointment.marked_by_id = utcnow(), actor.id
    record("werkbalie_attendance", appointment, came=came)
    db.session.flush()


def write_outcome(appointment: Appointment, note: str, *, actor) -> None:
    """A short note on what was agreed. No health, religion, asylum story or other special
    categories: the form says so; it is erased with the appointment."""
    if appointment.status == AppointmentStatus.cancelled:
        raise DomainError(_l("Deze afspraak is afgezegd."))
    appointment.outcome_note = clean_text(note, MAX_NOTE) or None
    appointment.outcome_by_id, appointment.outcome_at = actor.id, utcnow()
    record("werkbalie_outcome_written", appointment)
    db.session.flush()


def link_application(appointment: Appointment, application: Application, *, actor) -> None:
    appointment.application_id = application.id
    record("werkbalie_application_linked", appointment, application=application.id)
    db.session.flush()


def start_application(appointment: Appointment, vacancy, data: apply_services.ApplicationData,
                      *, actor) -> apply_services.Submitted:
    """The assisted apply of the desk: the application is the resident's, made with their
    consent; its history says it was entered at the desk and by whom."""
    result = apply_services.submit(vacancy, data, poster_location=None,
                                   ui_language=appointment.ui_language, entered_by_id=actor.id)
    appointment.application_id = result.application.id
    record("werkbalie_application_started", appointment, application=result.application.id)
    db.session.flush()
    return result
