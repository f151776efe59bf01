"""Issue 18, done when: a coordinator creates a two-part training with 20 places and prints its
poster; residents sign up from the QR code in Tigrinya and Arabic; the 21st waits and moves up
when someone cancels; reminders go out; attendance is ticked and the no-show figure shows on
the dashboard; a resident books a Werkbalie slot and the adviser records the outcome."""
from __future__ import annotations

import itertools
import re
from datetime import time, timedelta

from sqlalchemy import select

from portal import ticker
from portal.activities.models import Activity, SignUp, SignUpStatus
from portal.clock import move_to, today, utcnow
from portal.notifications.models import OutboxMessage
from portal.werkbalie.models import Appointment, AppointmentStatus
from tests.activities.test_staff import _form as training_form

_ips = (f"10.5.{a}.{b}" for a, b in itertools.product(range(1, 250), repeat=2))


def _tick():
    ticker.run(utcnow(), lambda *args, **kwargs: None)


def _sign_up(client, qr_path, n, lang):
    res = client.post(f"{qr_path}?lang={lang}", environ_base={"REMOTE_ADDR": next(_ips)}, data={
        "name": "ሰላም" if lang == "ti" else "سلام", "name_latin": f"Resident {n}",
        "phone": f"+3161{n:07d}", "email": f"r{n}@example.org", "azc_location": "-1",
        "language": lang})
    assert res.status_code == 200 and f'<html lang="{lang}"' in res.text
    return re.search(r"/t/([\w-]{20,})", res.text).group(1)


def test_the_whole_journey(client, app, world, login, db_session, mails):
    # A coordinator creates a two-part training with 20 places and prints its poster.
    login(world.coordinator)
    assert client.post("/activiteiten/nieuw", data=training_form(world)).status_code == 302
    activity = db_session.scalar(select(Activity))
    poster = client.get(f"/activiteiten/{activity.id}/poster.pdf")
    assert poster.status_code == 200 and poster.data.startswith(b"%PDF")
    client.post("/uitloggen")

    # Residents sign up from the QR code (its upper-case address) in Tigrinya and Arabic.
    qr_path = f"/A/{activity.code}"
    tokens = [_sign_up(client, qr_path, n, "ti" if n % 2 else "ar") for n in range(21)]
    db_session.expire_all()
    statuses = [s.status for s in db_session.scalars(select(SignUp).order_by(SignUp.id))]
    assert statuses == [SignUpStatus.confirmed] * 20 + [SignUpStatus.waiting]
    assert {s.ui_language for s in db_session.scalars(select(SignUp))} == {"ti", "ar"}

    # Someone cannot come: the 21st moves up and is told.
    client.post(f"/t/{tokens[3]}/afmelden")
    db_session.expire_all()
    last = db_session.scalar(select(SignUp).order_by(SignUp.id.desc()))
    assert last.status == SignUpStatus.confirmed
    promoted = db_session.scalar(select(OutboxMessage).where(
        OutboxMessage.about == last.outbox_key, OutboxMessage.kind == "activities/mail_promoted.txt"))
    assert promoted is not None

    # Reminders go out the day before and two hours before the first part.
    first = activity.sessions[0]
    for before in (timedelta(hours=23), timedelta(hours=1)):
        move_to(first.starts_at - before)
        _tick()
    db_session.expire_all()
    reminders = db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "activities/mail_reminder.txt")).all()
    assert len(reminders) == 2 * 20 and all(m.sent_at for m in reminders)

    # Attendance is ticked: 14 came, 6 did not.
    move_to(first.starts_at + timedelta(minutes=10))
    login(world.coordinator)
    people = db_session.scalars(select(SignUp).where(SignUp.status == SignUpStatus.confirmed)
                                .order_by(SignUp.id)).all()
    marks = {f"s{p.id}": ("no_show" if i < 6 else "attended") for i, p in enumerate(people)}
    url = f"/activiteiten/{activity.id}/sessies/{first.id}/aanwezig"
    assert client.post(url, data=marks).status_code == 302

    # The no-show figure shows on the region adviser's dashboard.
    login(world.adviser)
    day = first.local_start.date()
    page = client.get("/adviseur/cijfers", query_string={
        "start": (day - timedelta(days=1)).isoformat(), "end": (day + timedelta(days=1)).isoformat()})
    assert page.status_code == 200
    section = page.text.split('id="kop-activities"', 1)[1]
    assert "Werken in Nederland" in section and ">30<" in section.replace(" ", "")  # 6 of 20

    # A resident books a Werkbalie slot; the adviser records the outcome.
    move_to(None)
    login(world.adviser)
    hours = {"location": str(world.azc.id), "host": "UWV werkgeversadviseur", "weekday": "-1",
             "first_day": (today() + timedelta(days=3)).isoformat(), "start_time": "10:00",
             "end_time": "11:00", "slot_minutes": "15", "languages": ["nl", "ti"], "place": "Kamer 3"}
    assert client.post("/werkbalie/tijden", data=hours).status_code == 302
    client.post("/uitloggen")
    key = re.search(r"tijd=(S\d+T\d{12})", client.get("/w/ZDM?lang=ti").text).group(1)
    booked = client.post("/w/ZDM/boeken?lang=ti", environ_base={"REMOTE_ADDR": next(_ips)}, data={
        "slot": key, "name": "ዳዊት", "name_latin": "Dawit Haile", "phone": "0687654321",
        "language": "ti"})
    assert "/b/" in booked.text
    appointment = db_session.scalar(select(Appointment))
    assert appointment.local_start.time() == time(10, 0)
    move_to(appointment.starts_at + timedelta(minutes=3))
    login(world.adviser)
    client.post(f"/werkbalie/afspraken/{appointment.id}/aanwezig", data={"came": "yes"})
    client.post(f"/werkbalie/afspraken/{appointment.id}/uitkomst",
                data={"note": "Cv gemaakt; stelt zich voor bij Bakkerij Zon."})
    db_session.expire_all()
    done = db_session.get(Appointment, appointment.id)
    assert done.status == AppointmentStatus.attended and "Bakkerij Zon" in done.outcome_note
