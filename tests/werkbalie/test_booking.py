"""A resident books a Werkbalie slot from the QR poster page, sees, moves and cancels it with
the private link; one slot holds one appointment and a phone number one future appointment,
also when two people click at the same moment."""
from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import time

from sqlalchemy import func, select

from portal.activities.times import local_moment
from portal.clock import move_to
from portal.werkbalie import slots
from portal.werkbalie.models import Appointment, AppointmentStatus
from tests.werkbalie.conftest import booking_form, post


def _first_key(client, code="ZDM", lang="nl") -> str:
    page = client.get(f"/w/{code}?lang={lang}")
    assert page.status_code == 200
    return re.search(r"tijd=(S\d+T\d{12})", page.text).group(1)


def test_the_agenda_shows_tuesday_slots_in_dutch_time(client, hours):
    page = client.get("/w/ZDM?lang=ar")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    assert page.text.count("tijd=S") == 8 * 4  # 8 slots of 15 minutes, four Tuesdays
    assert ">10:00<" in page.text and ">11:45<" in page.text and ">12:00<" not in page.text
    assert client.get("/W/ZDM").status_code == 200


def test_book_see_move_and_cancel(client, hours, db_session):
    key = _first_key(client)
    res = post(client, "/w/ZDM/boeken", booking_form(key, email="yonas@example.org"), lang="ar")
    assert res.status_code == 200, res.text
    token = re.search(r"/b/([\w-]{20,})", res.text).group(1)
    db_session.expire_all()
    appointment = db_session.scalar(select(Appointment))
    assert appointment.status == AppointmentStatus.booked and appointment.ui_language == "ar"
    assert appointment.local_start.strftime("%H:%M") == "10:00"
    status = client.get(f"/b/{token}")
    assert status.status_code == 200 and status.headers["Cache-Control"] == "no-store"
    assert "BEGIN:VEVENT" in client.get(f"/b/{token}/agenda.ics").text
    # Move to 10:30 the same day.
    later = slots.find(key)
    other = next(s for s in slots.slots_on(later.series, later.local_start.date())
                 if s.local_start.strftime("%H:%M") == "10:30")
    assert client.post(f"/b/{token}/verzetten", data={"slot": other.key}).status_code == 303
    db_session.expire_all()
    assert db_session.scalar(select(Appointment)).local_start.strftime("%H:%M") == "10:30"
    # The freed 10:00 slot is offered again; 10:30 is not.
    page = client.get("/w/ZDM").text
    assert key in page and other.key not in page
    assert client.post(f"/b/{token}/afzeggen").status_code == 303
    db_session.expire_all()
    assert db_session.scalar(select(Appointment)).status == AppointmentStatus.cancelled


def test_one_future_appointment_per_phone(client, hours, db_session):
    first, second = re.findall(r"tijd=(S\d+T\d{12})", client.get("/w/ZDM").text)[:2]
    assert "/b/" in post(client, "/w/ZDM/boeken", booking_form(first)).text
    again = post(client, "/w/ZDM/boeken", booking_form(second, name="Iemand"))
    assert again.status_code == 200 and "/b/" not in again.text
    assert db_session.scalar(select(func.count()).select_from(Appointment)) == 1
    # Once that appointment has gone by, the number may book again.
    db_session.expire_all()
    booked = db_session.scalar(select(Appointment))
    move_to(booked.ends_at)
    third = re.findall(r"tijd=(S\d+T\d{12})", client.get("/w/ZDM").text)[0]
    assert "/b/" in post(client, "/w/ZDM/boeken", booking_form(third)).text


def test_a_slot_taken_or_gone_gets_a_clear_message(client, hours, db_session):
    key = _first_key(client)
    post(client, "/w/ZDM/boeken", booking_form(key))
    taken = post(client, "/w/ZDM/boeken", booking_form(key, phone="0687654321"))
    assert taken.status_code == 422 and "net door iemand anders" in taken.text
    gone = client.get("/w/ZDM/boeken?tijd=S999T202001011000")
    assert gone.status_code == 302
    move_to(slots.find(key).starts_at)
    past = post(client, "/w/ZDM/boeken", booking_form(key, phone="0611112222"))
    assert past.status_code == 422 and "al voorbij" in past.text
    assert db_session.scalar(select(func.count()).select_from(Appointment)) == 1


def _post(url: str, data: dict) -> str:
    body = urllib.parse.urlencode(data).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=body), timeout=60) as res:
            return res.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.read().decode()


def test_twenty_people_clicking_one_slot_at_once_give_one_appointment(serve, hours, db_session,
                                                                     client):
    key = _first_key(client)
    server = serve(WTF_CSRF_ENABLED=False)
    with ThreadPoolExecutor(max_workers=20) as pool:
        pages = list(pool.map(lambda i: _post(f"{server.url}/w/ZDM/boeken", booking_form(
            key, phone=f"+3165{i:07d}", name=f"Bewoner {i}")), range(20)))
    assert sum("/b/" in html for html in pages) == 1
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(Appointment)) == 1


def test_one_phone_in_ten_tabs_gets_one_appointment(serve, hours, db_session, client):
    keys = re.findall(r"tijd=(S\d+T\d{12})", client.get("/w/ZDM").text)[:10]
    server = serve(WTF_CSRF_ENABLED=False)
    with ThreadPoolExecutor(max_workers=10) as pool:
        pages = list(pool.map(lambda k: _post(f"{server.url}/w/ZDM/boeken", booking_form(k)), keys))
    assert sum("/b/" in html for html in pages) == 1
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(Appointment)) == 1


def test_desk_hours_inside_the_skipped_hour_make_no_slots(world, db_session):
    import datetime as dt

    from portal.werkbalie.models import SlotSeries

    year = dt.date.today().year + 1
    day = max(d for d in (dt.date(year, 3, 31) - dt.timedelta(days=i) for i in range(7))
              if d.weekday() == 6)
    series = SlotSeries(location_id=world.azc.id, host="x", weekday=None, first_day=day,
                        last_day=day, start_time=time(2, 0), end_time=time(4, 0), slot_minutes=30,
                        languages=["nl"], place="")
    assert slots.slots_on(series, day) == []
    series.start_time = time(9, 0)
    series.end_time = time(10, 0)
    found = slots.slots_on(series, day)
    assert [s.starts_at for s in found] == [local_moment(day, time(9, 0)), local_moment(day, time(9, 30))]


def test_the_notice_board_points_to_the_desk(client, hours):
    board = client.get("/l/ZDM?lang=ti").text
    assert 'href="/w/ZDM"' in board
