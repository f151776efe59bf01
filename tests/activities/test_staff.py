"""Staff pages: a coordinator creates an activity for their own azc (the form has spare
session rows; times are Dutch), prints its poster, sees who signed up, ticks who came.
Advisers work in their region, admins everywhere; nobody else sees anything."""
from __future__ import annotations

import subprocess
from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.activities.models import Activity, SignUp, SignUpStatus
from portal.clock import move_to, today
from portal.notifications.models import OutboxMessage
from tests.activities.conftest import post_signup, signup_form
from tests.conftest import require_or_skip


def _form(world, **overrides) -> dict:
    day = today() + timedelta(days=10)
    data = {
        "kind": "training", "audience": "residents", "title": "Werken in Nederland",
        "description": "Contracten, loon en je rechten.", "languages": ["nl", "ar", "ti"],
        "location": str(world.azc.id), "capacity": "20", "together": "y",
        "sessions-0-day": day.isoformat(), "sessions-0-start": "10:00", "sessions-0-end": "12:30",
        "sessions-0-place_kind": "room", "sessions-0-place": "Lokaal 2",
        "sessions-1-day": (day + timedelta(days=7)).isoformat(), "sessions-1-start": "10:00",
        "sessions-1-end": "12:30", "sessions-1-place_kind": "room", "sessions-1-place": "Lokaal 2",
    }
    data.update(overrides)
    return data


def test_a_coordinator_creates_a_two_part_training_and_prints_its_poster(client, world, login,
                                                                       db_session):
    login(world.coordinator)
    assert client.get("/activiteiten/nieuw").status_code == 200
    res = client.post("/activiteiten/nieuw", data=_form(world))
    assert res.status_code == 302, res.text
    activity = db_session.scalar(select(Activity))
    assert activity.location_id == world.azc.id and len(activity.sessions) == 2
    assert [s.local_start.strftime("%H:%M") for s in activity.sessions] == ["10:00", "10:00"]
    assert len(activity.pools) == 1 and activity.pools[0].capacity == 20
    page = client.get(f"/activiteiten/{activity.id}")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    pdf = client.get(f"/activiteiten/{activity.id}/poster.pdf")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert pdf.data.startswith(b"%PDF")


def test_the_poster_qr_code_leads_to_the_sign_up_page(client, world, login, build, tmp_path):
    require_or_skip(subprocess.run(["which", "zbarimg"], capture_output=True).returncode == 0,
                    "zbarimg (zbar-tools) is not installed")
    require_or_skip(subprocess.run(["which", "pdftoppm"], capture_output=True).returncode == 0,
                    "pdftoppm (poppler-utils) is not installed")
    activity = build()
    login(world.coordinator)
    (tmp_path / "p.pdf").write_bytes(client.get(f"/activiteiten/{activity.id}/poster.pdf").data)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(tmp_path / "p.pdf"), str(tmp_path / "p")],
                   check=True)
    png = next(tmp_path.glob("p*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert out.stdout.strip() == f"HTTPS://WERK.EXAMPLE.NL/A/{activity.code}"
    text = subprocess.run(["pdftotext", str(tmp_path / "p.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "geldig tot" in text and activity.title in text


def test_a_time_the_clock_change_skips_is_refused(client, world, login, db_session):
    login(world.coordinator)
    # Last Sunday of March: 02:00 becomes 03:00 in Amsterdam.
    import datetime as dt

    year = today().year + 1
    day = max(d for d in (dt.date(year, 3, 31) - dt.timedelta(days=i) for i in range(7))
              if d.weekday() == 6)
    res = client.post("/activiteiten/nieuw", data=_form(
        world, **{"sessions-0-day": day.isoformat(), "sessions-0-start": "02:30",
                  "sessions-0-end": "04:00"}))
    assert res.status_code == 422
    assert "bestaat niet" in res.text
    assert db_session.scalar(select(Activity)) is None


@pytest.mark.parametrize("bad, message", [
    ({"sessions-0-end": "09:00"}, "15 minuten tot 12 uur"),
    ({"sessions-0-place": ""}, "ruimte of het adres"),
    ({"sessions-0-place_kind": "online", "sessions-0-online_url": "http://x"}, "https://"),
    ({"languages": []}, "minstens één taal"),
    ({"location": "0"}, "azc-locatie"),
])
def test_bad_input_gets_a_message_not_a_500(client, world, login, db_session, bad, message):
    login(world.coordinator)
    res = client.post("/activiteiten/nieuw", data=_form(world, **bad))
    assert res.status_code == 422, res.status_code
    assert message in res.text
    assert db_session.scalar(select(Activity)) is None


def test_who_sees_which_activity(client, world, login, build, app):
    here = build(location="azc")
    regional = build(location=None, actor=world.adviser, kind="employer_session",
                     audience="employers")
    allowed = {
        world.coordinator: {here.id}, world.coordinator2: set(), world.far_coordinator: set(),
        world.adviser: {here.id, regional.id}, world.far_adviser: set(),
        world.admin: {here.id, regional.id},
    }
    for user, ids in allowed.items():
        c = app.test_client()
        login(user, on=c)
        for activity in (here, regional):
            status = c.get(f"/activiteiten/{activity.id}").status_code
            assert (status == 200) == (activity.id in ids), (user.email, activity.id, status)
    member = app.test_client()
    login(world.member, on=member)
    assert member.get("/activiteiten/").status_code == 403
    assert member.get(f"/activiteiten/{here.id}").status_code == 403


def test_attendance_is_ticked_and_no_show_is_not_cancellation(client, world, login, build,
                                                              db_session):
    activity = build(capacity=3, sessions=None)
    for name in ("Amina", "Yonas", "Dawit"):
        post_signup(client, activity, signup_form(name=name))
    login(world.coordinator)
    session = activity.sessions[0]
    db_session.expire_all()
    people = {s.name: s for s in db_session.scalars(select(SignUp))}
    # Dawit cancels in time: he is not on the list.
    client.post(f"/activiteiten/{activity.id}/aanmeldingen/{people['Dawit'].id}/afmelden")
    url = f"/activiteiten/{activity.id}/sessies/{session.id}/aanwezig"
    early = client.get(url)
    assert "vanaf een uur voor het begin" in early.text
    move_to(session.starts_at + timedelta(minutes=5))
    page = client.get(url)
    assert "Amina" in page.text and "Dawit" not in page.text
    res = client.post(url, data={f"s{people['Amina'].id}": "attended",
                                 f"s{people['Yonas'].id}": "no_show"})
    assert res.status_code == 302
    db_session.expire_all()
    status = {s.name: s.status for s in db_session.scalars(select(SignUp))}
    assert status == {"Amina": SignUpStatus.attended, "Yonas": SignUpStatus.no_show,
                      "Dawit": SignUpStatus.cancelled}
    printed = client.get(f"/activiteiten/{activity.id}/sessies/{session.id}/lijst")
    assert printed.status_code == 200 and "Amina" in printed.text


def test_more_places_move_the_waiting_list_and_a_moved_session_is_told(client, world, login,
                                                                      build, db_session):
    activity = build(capacity=1)
    post_signup(client, activity, signup_form(email="een@example.org"))
    post_signup(client, activity, signup_form(email="twee@example.org"))  # waiting
    login(world.coordinator)
    form = client.get(f"/activiteiten/{activity.id}/bewerken").text
    assert "Lokaal 2" in form
    first, second = activity.sessions
    data = _form(world, capacity="2", **{
        "sessions-0-id": str(first.id), "sessions-0-day": first.local_start.date().isoformat(),
        "sessions-0-start": "13:00", "sessions-0-end": "15:30",
        "sessions-1-id": str(second.id), "sessions-1-day": second.local_start.date().isoformat(),
        "sessions-1-start": "10:00", "sessions-1-end": "12:30"})
    res = client.post(f"/activiteiten/{activity.id}/bewerken", data=data)
    assert res.status_code == 302, res.text
    db_session.expire_all()
    assert [s.status for s in db_session.scalars(select(SignUp).order_by(SignUp.id))] == \
        [SignUpStatus.confirmed, SignUpStatus.confirmed]
    changed = db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "activities/mail_changed.txt")).all()
    assert sorted(m.to_addr for m in changed) == ["een@example.org", "twee@example.org"]
    fewer = client.post(f"/activiteiten/{activity.id}/bewerken", data=dict(data, capacity="1"))
    assert fewer.status_code == 422 and "minstens zoveel" in fewer.text


def test_the_poster_calls_in_the_azcs_languages(client, world, login, build, db_session, tmp_path):
    require_or_skip(subprocess.run(["which", "pdftotext"], capture_output=True).returncode == 0,
                    "pdftotext (poppler-utils) is not installed")
    world.azc.languages = "ti"
    db_session.commit()
    activity = build(languages=["nl", "ar"])
    login(world.coordinator)
    (tmp_path / "p.pdf").write_bytes(client.get(f"/activiteiten/{activity.id}/poster.pdf").data)
    text = subprocess.run(["pdftotext", str(tmp_path / "p.pdf"), "-"], capture_output=True,
                          text=True).stdout
    assert "Scan en meld je aan" in text and "Scan to sign up" in text
    assert "ስካን" in text  # Tigrinya: the azc's language
    assert "Iskaan" not in text and "Tarayın" not in text  # Somali, Turkish: neither azc's nor the training's
