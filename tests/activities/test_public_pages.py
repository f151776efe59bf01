"""The resident's side: the azc's notice board lists what one can sign up for; the pages are
small, script-free, right-to-left in Arabic and Farsi; the calendar file; employer sessions
(signed in or by email) with the webinar link for those who have a place."""
from __future__ import annotations

import re

from sqlalchemy import select

from portal.activities import services
from portal.activities.models import ActivityKind, Audience, PlaceKind, SignUp, SignUpStatus
from portal.notifications.models import OutboxMessage
from tests.activities.conftest import link_of, post_signup, session_data, signup_form

BUDGET = 30 * 1024


def test_the_notice_board_lists_activities_to_sign_up_for(client, build, world, db_session):
    training = build(title="Werken in Nederland")
    build(title="Webinar voor werkgevers", location=None, kind=ActivityKind.employer_session,
          audience=Audience.employers, actor=world.adviser)
    gone = build(title="Gaat niet door")
    services.cancel(gone, actor=world.coordinator)
    db_session.commit()
    page = client.get("/l/ZDM?lang=ar").text
    assert f"/a/{training.code}" in page and "Werken in Nederland" in page
    assert "Webinar voor werkgevers" not in page and "Gaat niet door" not in page


def test_resident_pages_are_small_script_free_and_mirror_in_arabic(client, build):
    activity = build(capacity=1)
    post_signup(client, activity, signup_form())
    pages = {}
    for lang in ("ar", "fa", "ti"):
        pages[f"activity-{lang}"] = client.get(f"/a/{activity.code}?lang={lang}")
        done = post_signup(client, activity, signup_form(), lang=lang)  # full: waiting list
        pages[f"done-{lang}"] = done
        token = link_of(done.text)
        pages[f"status-{lang}"] = client.get(f"/t/{token}?lang={lang}")
        pages[f"erase-{lang}"] = client.get(f"/t/{token}/wissen?lang={lang}")
    sheet = client.get(re.search(r'<link rel="stylesheet" href="([^"]+)"',
                                 pages["activity-ar"].text).group(1))
    css = len(sheet.data)
    sheet.close()
    for name, res in pages.items():
        html = res.text
        assert res.status_code == 200, name
        assert "<script" not in html, name
        assert len(res.data) + css < BUDGET, (name, len(res.data) + css)
        direction = "rtl" if name.endswith(("ar", "fa")) else "ltr"
        assert f'dir="{direction}"' in html.split(">", 2)[1], name


def test_the_calendar_file_has_every_part_in_utc(client, build, db_session, world):
    activity = build()
    token = link_of(post_signup(client, activity, signup_form()).text)
    res = client.get(f"/t/{token}/agenda.ics")
    assert res.mimetype == "text/calendar"
    body = res.get_data(as_text=True)
    starts = re.findall(r"DTSTART:(\d{8}T\d{6}Z)", body)
    assert starts == [s.starts_at.strftime("%Y%m%dT%H%M%SZ") for s in activity.sessions]
    assert body.count("STATUS:CONFIRMED") == 2
    services.cancel(activity, actor=world.coordinator)
    db_session.commit()
    assert client.get(f"/t/{token}/agenda.ics").get_data(as_text=True).count("STATUS:CANCELLED") == 2


def test_a_date_must_be_chosen_when_each_session_is_separate(client, build, db_session):
    activity = build(together=False, capacity=1)
    res = post_signup(client, activity, signup_form())
    assert res.status_code == 422
    second = activity.pools[1]
    res = post_signup(client, activity, signup_form(pool=second))
    assert res.status_code == 200
    db_session.expire_all()
    assert db_session.scalar(select(SignUp.pool_id)) == second.id


def _webinar(build, world, capacity=1):
    return build(capacity=capacity, location=None, kind=ActivityKind.employer_session,
                 audience=Audience.employers, actor=world.adviser, languages=["nl"],
                 title="Een asielzoeker in dienst: de TWV",
                 sessions=[session_data(9, kind=PlaceKind.online, place="",
                                        url="https://meet.example.nl/twv")])


def test_employers_sign_up_by_email_and_get_the_webinar_link(client, build, world, db_session,
                                                             login):
    webinar = _webinar(build, world)
    login(world.member)
    form = client.get(f"/a/{webinar.code}").text
    assert world.member.email in form  # signed in: name and address filled in
    res = client.post(f"/a/{webinar.code}", data={"name": "Els de Boer", "email": world.member.email,
                                                   "organisation_name": "Bakkerij Zon"})
    assert res.status_code == 200
    token = link_of(res.text)
    assert "meet.example.nl/twv" in client.get(f"/t/{token}").text
    mail = db_session.scalar(select(OutboxMessage).where(OutboxMessage.to_addr == world.member.email))
    assert "https://meet.example.nl/twv" in mail.body
    again = client.post(f"/a/{webinar.code}", data={"name": "Els", "email": world.member.email.upper(),
                                                     "organisation_name": "Bakkerij Zon"})
    assert "/t/" not in again.text  # one sign-up per address
    anonymous = client.application.test_client()
    waiting = anonymous.post(f"/a/{webinar.code}", data={
        "name": "Piet", "email": "piet@example.nl", "organisation_name": "Kweker Oost"})
    wait_token = link_of(waiting.text)
    assert "meet.example.nl" not in anonymous.get(f"/t/{wait_token}").text  # no place: no link
    db_session.expire_all()
    assert [s.status for s in db_session.scalars(select(SignUp).order_by(SignUp.id))] == \
        [SignUpStatus.confirmed, SignUpStatus.waiting]


def test_employers_find_the_sessions_they_can_sign_up_for(client, build, world):
    webinar = _webinar(build, world)
    build(title="Alleen voor bewoners")
    page = client.get("/bijeenkomsten")
    assert page.status_code == 200
    assert f"/a/{webinar.code}" in page.text and "Alleen voor bewoners" not in page.text
