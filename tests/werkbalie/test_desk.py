"""Staff at the Werkbalie: publish desk hours (no overlaps), book for a resident at the desk,
see the day's list, mark who came, write a short outcome, link an application or start one
with the resident's consent (recorded as entered at the desk by them)."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from portal.applicants.models import Application, ApplicationSource
from portal.clock import move_to, utcnow
from portal.werkbalie import slots
from portal.werkbalie.models import Appointment, AppointmentStatus, SlotSeries
from tests.werkbalie.conftest import booking_form, next_weekday


def _hours_form(world, **overrides) -> dict:
    first = next_weekday(3)
    data = {"location": str(world.azc.id), "host": "Werkgeversservicepunt Zaanstreek",
            "weekday": "3", "first_day": first.isoformat(),
            "last_day": (first + timedelta(weeks=4)).isoformat(), "start_time": "13:00",
            "end_time": "15:00", "slot_minutes": "20", "languages": ["nl", "ti"], "place": "Kamer 1"}
    data.update(overrides)
    return data


def test_hours_are_published_and_overlaps_refused(client, world, login, db_session):
    login(world.coordinator)
    assert client.post("/werkbalie/tijden", data=_hours_form(world)).status_code == 302
    overlap = client.post("/werkbalie/tijden", data=_hours_form(world, start_time="14:00",
                                                                end_time="16:00"))
    assert overlap.status_code == 422 and "overlappen" in overlap.text
    elsewhere = client.post("/werkbalie/tijden", data=_hours_form(world, place="Kamer 2",
                                                                  start_time="14:00"))
    assert elsewhere.status_code == 422  # the same person cannot sit in two rooms
    assert client.post("/werkbalie/tijden", data=_hours_form(world, start_time="15:00",
                                                             end_time="16:00")).status_code == 302
    bad = client.post("/werkbalie/tijden", data=_hours_form(world, end_time="12:00"))
    assert bad.status_code == 422 and "einde" in bad.text.lower()
    far = client.post("/werkbalie/tijden", data=_hours_form(world, location=str(world.far.id)))
    assert far.status_code == 422  # not this coordinator's azc
    assert len(db_session.scalars(select(SlotSeries)).all()) == 2


def test_the_desk_books_marks_and_writes_the_outcome(client, world, login, hours, db_session):
    login(world.coordinator)
    page = client.get("/werkbalie/ZDM/boeken")
    key = re.search(r'option value="(S\d+T\d{12})"', page.text).group(1)
    res = client.post("/werkbalie/ZDM/boeken", data=booking_form(key, name="ዳዊት ሃይለ",
                                                                 name_latin="Dawit Haile",
                                                                 language="ar"))
    assert res.status_code == 200 and "/b/" in res.text
    db_session.expire_all()
    appointment = db_session.scalar(select(Appointment))
    assert appointment.booked_by_id == world.coordinator.id and appointment.ui_language == "ar"
    day = appointment.local_start.date().isoformat()
    login(world.adviser)
    listing = client.get(f"/werkbalie/?azc=ZDM&dag={day}")
    assert "Dawit Haile" in listing.text and listing.headers["Cache-Control"] == "no-store"
    early = client.post(f"/werkbalie/afspraken/{appointment.id}/aanwezig", data={"came": "yes"})
    assert early.status_code == 302
    db_session.expire_all()
    assert db_session.get(Appointment, appointment.id).status == AppointmentStatus.booked
    move_to(appointment.starts_at + timedelta(minutes=2))
    client.post(f"/werkbalie/afspraken/{appointment.id}/aanwezig", data={"came": "yes", "terug": "dag"})
    res = client.post(f"/werkbalie/afspraken/{appointment.id}/uitkomst",
                      data={"note": "Cv besproken. Volgende week bellen over orderpicker."})
    assert res.status_code == 302
    db_session.expire_all()
    done = db_session.get(Appointment, appointment.id)
    assert done.status == AppointmentStatus.attended and done.outcome_by_id == world.adviser.id
    assert "orderpicker" in client.get(f"/werkbalie/afspraken/{appointment.id}").text


def test_an_application_started_at_the_desk_says_by_whom(client, world, login, hours, make,
                                                        db_session):
    org = make.organisation(world.region, name="Bakkerij Zon")
    vacancy = make.vacancy(org, locations=[world.azc], title="Hulp in de bakkerij")
    appointment = make.appointment(hours, name="Yonas Kidane", phone="+31612345678")
    db_session.commit()
    login(world.adviser)
    url = f"/werkbalie/afspraken/{appointment.id}/solliciteren"
    form = client.get(url)
    assert "Hulp in de bakkerij" in form.text
    without = client.post(url, data={"vacancy": str(vacancy.id), "residence_status": "status_holder"})
    assert without.status_code == 422 and "toestemming" in without.text
    res = client.post(url, data={"vacancy": str(vacancy.id), "residence_status": "status_holder",
                                 "consent": "y"})
    assert res.status_code == 200 and "/s/" in res.text
    db_session.expire_all()
    application = db_session.scalar(select(Application))
    assert application.source == ApplicationSource.desk and application.phone == "+31612345678"
    event = application.events[0]
    assert event.actor_id == world.adviser.id and event.reason == "desk"
    assert db_session.get(Appointment, appointment.id).application_id == application.id
    # The employer sees who entered it at the desk.
    member = make.user(organisation=org)
    db_session.commit()
    login(member)
    detail = client.get(f"/sollicitanten/{application.id}").text
    assert "Ingevoerd aan de balie" in detail and (world.adviser.name in detail)


def test_linking_an_existing_application(client, world, login, hours, make, db_session):
    org = make.organisation(world.region)
    application = make.application(make.vacancy(org, locations=[world.azc]), phone="+31612345678",
                                   azc_location=world.azc)
    appointment = make.appointment(hours, phone="+31612345678")
    db_session.commit()
    login(world.coordinator)
    page = client.get(f"/werkbalie/afspraken/{appointment.id}")
    assert application.reference in page.text
    client.post(f"/werkbalie/afspraken/{appointment.id}/koppelen",
                data={"application": str(application.id)})
    db_session.expire_all()
    assert db_session.get(Appointment, appointment.id).application_id == application.id


def test_stopping_hours_cancels_and_tells(client, world, login, hours, make, db_session):
    appointment = make.appointment(hours, email="yonas@example.org",
                                   starts_at=slots.free_slots(world.azc.id, utcnow())[0].starts_at)
    db_session.commit()
    login(world.adviser)
    client.post(f"/werkbalie/tijden/{hours.id}/stoppen")
    db_session.expire_all()
    assert db_session.get(Appointment, appointment.id).status == AppointmentStatus.cancelled
    assert client.get("/w/ZDM").text.count("tijd=S") == 0


def test_who_reaches_the_desk(client, world, login, hours, make, db_session, app):
    appointment = make.appointment(hours)
    db_session.commit()
    for user, ok in ((world.coordinator, True), (world.adviser, True), (world.admin, True),
                     (world.coordinator2, False), (world.far_adviser, False)):
        c = app.test_client()
        login(user, on=c)
        status = c.get(f"/werkbalie/afspraken/{appointment.id}").status_code
        assert (status == 200) == ok, (user.email, status)
    member = app.test_client()
    login(world.member, on=member)
    assert member.get("/werkbalie/").status_code == 403
