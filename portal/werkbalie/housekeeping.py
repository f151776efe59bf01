"""`portal tick` jobs of the Werkbalie agenda: reminders (as for activities: the day before
and two hours before), bookings that went by unmarked become "past", and the retention purge
(as for applications: 4 weeks after the appointment, a year after consent for those who asked;
the outcome note goes with it). Idempotent; they flush, never commit."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select

from portal import db
from portal.activities.housekeeping import DAY_BEFORE, SHORTLY
from portal.werkbalie import booking
from portal.werkbalie.models import Appointment, AppointmentStatus


def send_reminders(now: datetime) -> int:
    due = db.session.scalars(select(Appointment).where(
        Appointment.status == AppointmentStatus.booked, Appointment.starts_at > now,
        Appointment.starts_at <= now + DAY_BEFORE).order_by(Appointment.starts_at)).all()
    queued = 0
    for appointment in due:
        soon = appointment.starts_at - now <= SHORTLY
        if not soon and appointment.created_at > appointment.starts_at - DAY_BEFORE:
            continue  # booked less than a day ahead: the short reminder is enough
        kind = "soon" if soon else "day"
        stamp = appointment.starts_at.strftime("%Y%m%d%H%M")
        queued += booking.tell(appointment, "reminder", soon=soon,
                               dedupe=f"wb-rem:{appointment.id}:{kind}:{stamp}")
    db.session.flush()
    return queued


def lapse_past(now: datetime) -> int:
    return booking.lapse(now)


def purge_expired(now: datetime) -> int:
    cfg = current_app.config
    cutoff = now - timedelta(weeks=cfg["RETENTION_WEEKS"])
    keep = timedelta(days=cfg["RETENTION_CONSENT_DAYS"])
    due = db.session.scalars(select(Appointment).where(Appointment.starts_at < cutoff)
                             .order_by(Appointment.id)).all()
    erased = 0
    for appointment in due:
        if appointment.keep_longer and now < appointment.consent_at + keep:
            continue
        booking.erase(appointment)
        erased += 1
    return erased
