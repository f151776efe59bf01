"""Tours through the browser: propose, calendar file, coordinator pages, access."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.applicants.models import Stage
from portal.clock import AMS, move_to, today, utcnow
from portal.tours import services
from portal.tours.models import Tour, TourState
from tests.tours.helpers import form, propose, tour_data


def test_member_proposes_from_the_list(client, login, world, db_session):
    login(world.member)
    url = f"/rondleidingen/nieuw?application={world.a1.id}&application={world.a2.id}"
    page = client.get(url).get_data(as_text=True)
    assert "Samira Haddad" in page and "Yonas Tesfay" in page
    r = client.post(url, data={**form(), "applications": [world.a1.id, world.a2.id]})
    assert r.status_code == 302
    tour = db_session.scalar(select(Tour))
    assert tour.state == TourState.requested and len(tour.invites) == 2
    local = tour.starts_at.astimezone(AMS)
    assert (local.hour, local.minute) == (10, 0)  # entered as Dutch time, stored as UTC
    db_session.expire_all()
    assert world.a1.stage == Stage.tour


def test_proposal_errors_are_shown_next_to_fields(client, login, world, db_session):
    login(world.member)
    url = f"/rondleidingen/nieuw?application={world.a1.id}&application={world.a2.id}"
    r = client.post(url, data={**form(capacity="1"), "applications": [world.a1.id, world.a2.id]})
    assert r.status_code == 422 and "minstens zo groot" in r.get_data(as_text=True)
    r = client.post(url, data={**form(days=-2), "applications": [world.a1.id]})
    assert r.status_code == 422 and "in de toekomst" in r.get_data(as_text=True)
    assert db_session.scalar(select(Tour)) is None


def test_propose_from_a_vacancy_lists_its_open_applicants(client, login, world):
    login(world.member)
    html = client.get(f"/rondleidingen/nieuw?vacancy={world.v1.id}").get_data(as_text=True)
    assert "Samira Haddad" in html and "Reza Ahmadi" not in html


def test_ics_download(client, login, world, db_session):
    world.a1.name = "Samira, Haddad"
    tour = propose(world, meeting_point="Receptie; ingang B, achter")
    db_session.commit()
    login(world.member)
    r = client.get(f"/rondleidingen/{tour.id}.ics")
    assert r.status_code == 200 and r.mimetype == "text/calendar"
    text = r.get_data(as_text=True)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "BEGIN:VEVENT\r\n" in text
    assert f"DTSTART:{tour.starts_at.strftime('%Y%m%dT%H%M%SZ')}\r\n" in text
    assert "DTEND:" in text and "UID:tour-" in text and "STATUS:TENTATIVE" in text
    unfolded = text.replace("\r\n ", "")
    assert "Receptie\\; ingang B\\, achter" in unfolded
    assert "Hemkade 12\\, Zaandam" in unfolded
    for personal in ("Samira", "Yonas", "+316", "example.org"):
        assert personal not in unfolded
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_ics_escaping_and_folding():
    from portal.tours.ics import escape, fold

    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    long = "DESCRIPTION:" + "é" * 100
    assert all(len(part.encode()) <= 75 for part in fold(long).split("\r\n"))
    assert fold(long).replace("\r\n ", "") == long


def test_coordinator_list_per_week_and_confirm(client, login, world, db_session):
    tour = propose(world)
    db_session.commit()
    login(world.coordinator)
    html = client.get("/coordinator/rondleidingen").get_data(as_text=True)
    week = tour.starts_at.astimezone(AMS).isocalendar()[1]
    assert f"Week {week}" in html and "Bakkerij Zon" in html
    r = client.post(f"/coordinator/rondleidingen/{tour.id}/bevestigen")
    assert r.status_code == 302
    db_session.expire_all()
    assert tour.state == TourState.confirmed


def test_coordinator_asks_other_time(client, login, world, db_session):
    tour = propose(world)
    db_session.commit()
    login(world.coordinator)
    r = client.post(f"/coordinator/rondleidingen/{tour.id}/ander-moment", data={"note": ""})
    assert r.status_code == 422
    client.post(f"/coordinator/rondleidingen/{tour.id}/ander-moment",
                data={"note": "Dinsdag is er taalles"})
    db_session.expire_all()
    assert tour.state == TourState.requested and tour.coordinator_note == "Dinsdag is er taalles"
    login(world.member)
    assert "Dinsdag is er taalles" in client.get(f"/rondleidingen/{tour.id}").get_data(as_text=True)


def test_coordinator_sees_only_own_residents_and_records_attendance(client, login, world, db_session):
    tour = propose(world)  # a1 lives in Zaandam (the coordinator's), a2 in Purmerend
    services.confirm(tour, actor=world.coordinator)
    db_session.commit()
    login(world.coordinator)
    html = client.get(f"/coordinator/rondleidingen/{tour.id}").get_data(as_text=True)
    assert "Samira Haddad" in html and "Yonas Tesfay" not in html
    move_to(tour.starts_at + timedelta(hours=3))
    own, other = tour.invites
    client.post(f"/coordinator/rondleidingen/{tour.id}/aanwezigheid",
                data={f"i{own.id}": "no_show", f"i{other.id}": "no_show"})
    db_session.expire_all()
    assert world.a1.stage == Stage.no_show
    assert world.a2.stage == Stage.tour  # not theirs to mark
    assert tour.state == TourState.held


def test_employer_records_attendance(client, login, world, db_session):
    tour = propose(world)
    services.confirm(tour, actor=world.coordinator)
    db_session.commit()
    move_to(tour.starts_at + timedelta(hours=3))
    login(world.member)
    first, second = tour.invites
    client.post(f"/rondleidingen/{tour.id}/aanwezigheid",
                data={f"i{first.id}": "attended", f"i{second.id}": "no_show"})
    db_session.expire_all()
    assert tour.state == TourState.held and world.a2.stage == Stage.no_show


def test_coordinator_reminder_list_for_tomorrow(client, login, world, db_session):
    tomorrow_ten = (utcnow().astimezone(AMS) + timedelta(days=1)).replace(
        hour=10, minute=0, second=0, microsecond=0)
    tour = services.propose(world.org, [world.a1, world.a2], tour_data(starts_at=tomorrow_ten),
                            actor=world.member)
    db_session.commit()
    login(world.coordinator)
    html = client.get("/coordinator/rondleidingen").get_data(as_text=True)
    assert "Morgen: herinner deze bewoners" in html
    part = html.split("Morgen: herinner deze bewoners")[1].split("</section>")[0]
    assert "<bdi>Samira Haddad</bdi> (azc Zaandam)" in part and "Yonas" not in part
    assert tour.starts_at.astimezone(AMS).date() == today() + timedelta(days=1)


@pytest.mark.parametrize("who", ["other_member", "adviser", "other_adviser"])
def test_employer_tour_urls_are_404_for_others(client, login, world, db_session, who):
    tour = propose(world)
    db_session.commit()
    login(getattr(world, who))
    for url in (f"/rondleidingen/{tour.id}", f"/rondleidingen/{tour.id}.ics",
                f"/rondleidingen/{tour.id}/wijzigen"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/rondleidingen/{tour.id}/annuleren").status_code == 404
    assert client.post(f"/rondleidingen/{tour.id}/aanwezigheid").status_code == 404


def test_coordinator_of_other_locations_and_members_get_404(client, login, world, make, db_session):
    tour = propose(world, apps=[world.a2])  # lives in Purmerend only
    db_session.commit()
    login(world.coordinator)  # Zaandam
    assert client.get(f"/coordinator/rondleidingen/{tour.id}").status_code == 404
    assert client.post(f"/coordinator/rondleidingen/{tour.id}/bevestigen").status_code == 404
    assert "Bakkerij Zon" not in client.get("/coordinator/rondleidingen").get_data(as_text=True)
    login(world.member)
    assert client.get("/coordinator/rondleidingen").status_code == 404
    assert client.get(f"/coordinator/rondleidingen/{tour.id}").status_code == 404


def test_member_cancels(client, login, world, db_session):
    tour = propose(world)
    db_session.commit()
    login(world.member)
    client.post(f"/rondleidingen/{tour.id}/annuleren")
    db_session.expire_all()
    assert tour.state == TourState.cancelled


def test_member_reschedules(client, login, world, db_session):
    tour = propose(world)
    services.confirm(tour, actor=world.coordinator)
    db_session.commit()
    login(world.member)
    r = client.post(f"/rondleidingen/{tour.id}/wijzigen", data=form(days=6))
    assert r.status_code == 302
    db_session.expire_all()
    assert tour.state == TourState.requested
    assert tour.starts_at.astimezone(AMS).date() == today() + timedelta(days=6)


def test_resident_view_has_stage_message_and_tour(app, world, db_session):
    from portal.applicants import services as stages
    from portal.apply.status import status_view as resident_view

    stages.move(world.a1, Stage.contacted, actor=world.member, message="Welkom!")
    tour = propose(world)
    db_session.commit()
    with app.test_request_context("/"):
        view = resident_view(world.a1)
    assert view["stage"] == "tour" and view["message"] == "Welkom!"
    assert len(view["tours"]) == 1
    t = view["tours"][0]
    assert t["address"] == "Hemkade 12, Zaandam" and t["meeting_point"] == "Receptie, ingang B"
    assert t["what_to_bring"] == "Dichte schoenen" and t["transport_note"] == "Bus 391 tot Hemkade"
    assert t["confirmed"] is False and t["when"]
    services.cancel(tour, actor=world.member)
    with app.test_request_context("/"):
        assert resident_view(world.a1)["tours"] == []


def test_pages_render_for_the_member(client, login, world, db_session):
    tour = propose(world)
    services.ask_other_time(tour, "Liever middag", actor=world.coordinator)
    db_session.commit()
    login(world.member)
    index = client.get("/rondleidingen/").get_data(as_text=True)
    assert "Ander moment gevraagd" in index and f"/rondleidingen/{tour.id}" in index
    edit = client.get(f"/rondleidingen/{tour.id}/wijzigen")
    assert edit.status_code == 200 and "Hemkade 12, Zaandam" in edit.get_data(as_text=True)
    detail = client.get(f"/sollicitanten/{world.a1.id}").get_data(as_text=True)
    assert f"/rondleidingen/{tour.id}" in detail and "Aangevraagd" in detail
    assert client.get("/rondleidingen/?lang=en").status_code == 200
