"""Appointments get the same reminders as activities (once each, from `portal tick`), an
appointment that went by unmarked stops holding the phone number, and personal data and the
outcome note are erased 4 weeks after the appointment (as for applications) or at once
through the private link."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import db, ticker
from portal.clock import move_to, utcnow
from portal.db import Base
from portal.notifications.models import OutboxMessage
from portal.werkbalie import booking, slots
from portal.werkbalie.models import Appointment, AppointmentStatus


def _tick() -> None:
    ticker.run(utcnow(), lambda *args, **kwargs: None)


def _book(hours, **fields):
    """The first free slot at least two days ahead (the reminders' window is a day)."""
    now = utcnow()
    slot = next(s for s in slots.free_slots(hours.location_id, now)
                if s.starts_at > now + timedelta(days=2))
    data = booking.BookingData(name="Yonas Kidane", phone="+31612345678", language="ar", **fields)
    result = booking.book(slot, data, ui_language="ar")
    db.session.commit()
    return result


def test_reminders_once_the_day_before_and_two_hours_before(app, hours, mails):
    result = _book(hours, email="yonas@example.org")
    start = result.appointment.starts_at
    kinds = "werkbalie/mail_reminder.txt"

    def reminders_at(delta):
        move_to(start - delta)
        _tick()
        db.session.expire_all()
        return len(db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind == kinds)).all())

    assert reminders_at(timedelta(hours=25)) == 0
    assert reminders_at(timedelta(hours=23)) == 1
    assert reminders_at(timedelta(hours=22)) == 1
    assert reminders_at(timedelta(hours=1)) == 2
    assert reminders_at(timedelta(minutes=30)) == 2
    assert len(mails) == 3  # booked, the day before, two hours before
    assert all(result.appointment.local_start.strftime("%H:%M") in m.get_content() for m in mails)


def test_an_appointment_gone_by_frees_the_phone_number(app, hours):
    first = _book(hours)
    move_to(first.appointment.ends_at + timedelta(minutes=1))
    _tick()
    db.session.expire_all()
    assert db.session.get(Appointment, first.appointment.id).status == AppointmentStatus.past
    second = _book(hours)
    assert second.appointment.id != first.appointment.id


def _stored() -> str:
    db.session.expire_all()
    with db.engine().connect() as conn:
        return "\n".join(f"{t.name}: {conn.execute(select(t)).all()!r}"
                         for t in Base.metadata.sorted_tables)


def test_the_purge_erases_the_appointment_and_its_outcome(app, hours, world):
    result = _book(hours, email="yonas@example.org")
    appointment = result.appointment
    move_to(appointment.starts_at + timedelta(minutes=1))
    booking.write_outcome(appointment, "Cv besproken (GEHEIM-NOTITIE).", actor=world.adviser)
    db.session.commit()
    move_to(appointment.starts_at + timedelta(weeks=4) - timedelta(hours=1))
    _tick()
    assert "GEHEIM-NOTITIE" in _stored()
    move_to(appointment.starts_at + timedelta(weeks=4, hours=1))
    _tick()
    stored = _stored()
    for secret in ("Yonas", "612345678", "yonas@example.org", "GEHEIM-NOTITIE", result.token,
                   appointment.token_hash, appointment.link_nonce):
        assert secret not in stored, secret


def test_erasing_through_the_link_leaves_nothing(client, hours):
    result = _book(hours, email="yonas@example.org")
    assert client.post(f"/b/{result.token}/wissen").status_code == 200
    stored = _stored()
    for secret in ("Yonas", "612345678", "yonas@example.org", result.token):
        assert secret not in stored, secret
    assert client.get(f"/b/{result.token}").status_code == 404
