"""The advisers' matching pages: search, a profile, the matching list and suggestions; every
view of profiles is an audit event; coordinators only look; nothing is exportable; the
employer's "help me find candidates" puts the vacancy on the list."""
from __future__ import annotations

import re

from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.notifications.models import OutboxMessage
from portal.talent.models import MatchRequest, Proposal
from portal.vacancies.models import VacancyStatus


def _audits(db_session, action):
    return db_session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_the_adviser_searches_by_language_and_work_and_it_is_audited(client, login, world,
                                                                     setting, db_session):
    _org, _vacancy, selam, yonas, far, _member = setting
    login(world.adviser)
    res = client.get("/talent/profielen/?taal=ti&werk=role.cleaner")
    assert res.status_code == 200 and "no-store" in res.headers["Cache-Control"]
    html = res.get_data(as_text=True)
    assert "Selam Tesfay" in html and "Yonas Kidane" not in html and "Ver Weg" not in html
    [event] = _audits(db_session, "talent.profiles_listed")
    assert event.actor_id == world.adviser.id and event.detail["profile_ids"] == [selam.id]
    links = re.findall(r'href="([^"]*)"', html)
    assert not [href for href in links if "csv" in href.lower() or "export" in href.lower()]


def test_a_search_for_nonsense_shows_all_and_never_fails(client, login, world, setting):
    login(world.adviser)
    res = client.get("/talent/profielen/?azc=abc&taal=xx&niveau=zz&werk=%00&beschikbaar=1"
                     "&status=--&pagina=-4")
    assert res.status_code == 200
    assert "Selam Tesfay" in res.get_data(as_text=True)


def test_a_coordinator_looks_at_their_azc_read_only(client, login, world, setting, db_session):
    _org, vacancy, selam, yonas, _far, _member = setting
    login(world.coordinator)
    html = client.get("/talent/profielen/").get_data(as_text=True)
    assert "Selam Tesfay" in html and "Yonas Kidane" not in html
    page = client.get(f"/talent/profielen/{selam.id}")
    assert page.status_code == 200
    assert "als coördinator" in page.get_data(as_text=True)
    assert f"/profiel/{selam.id}/voorstellen" not in page.get_data(as_text=True)
    assert client.get(f"/talent/profielen/{yonas.id}").status_code == 404
    assert client.get(f"/adviseur/talent/vacatures/{vacancy.id}").status_code == 403
    res = client.post(f"/adviseur/talent/vacatures/{vacancy.id}/voorstellen",
                      data={"profile": str(selam.id)})
    assert res.status_code == 403
    assert db_session.scalar(select(Proposal)) is None
    assert _audits(db_session, "talent.profile_viewed")[0].actor_id == world.coordinator.id


def test_members_and_other_regions_see_no_profile(client, login, world, setting):
    _org, vacancy, selam, _yonas, _far, member = setting
    login(member)
    assert client.get("/talent/profielen/").status_code == 403
    assert client.get(f"/talent/profielen/{selam.id}").status_code == 403
    login(world.far_adviser)
    assert client.get(f"/talent/profielen/{selam.id}").status_code == 404
    assert client.get(f"/adviseur/talent/vacatures/{vacancy.id}").status_code == 404
    assert "Selam Tesfay" not in client.get("/talent/profielen/").get_data(as_text=True)


def test_suggestions_show_reasons_and_propose_from_there(client, login, world, setting,
                                                         db_session, provider):
    _org, vacancy, selam, _yonas, _far, _member = setting
    login(world.adviser)
    res = client.get(f"/adviseur/talent/vacatures/{vacancy.id}")
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    assert "Selam Tesfay" in html and "Score" in html and "De poster hangt in het eigen azc" in html
    assert _audits(db_session, "talent.profiles_suggested")
    res = client.post(f"/adviseur/talent/vacatures/{vacancy.id}/voorstellen",
                      data={"profile": str(selam.id)})
    assert res.status_code == 302 and f"#profiel-{selam.id}" in res.headers["Location"]
    html = client.get(res.headers["Location"]).get_data(as_text=True)
    assert "Voorgesteld. De bewoner krijgt een bericht" in html and "Wacht op antwoord" in html


def test_propose_from_the_profile_page(client, login, world, setting, db_session):
    _org, vacancy, selam, _yonas, _far, _member = setting
    login(world.adviser)
    page = client.get(f"/talent/profielen/{selam.id}").get_data(as_text=True)
    assert "Schoonmaker hotel" in page
    res = client.post(f"/talent/profielen/{selam.id}/voorstellen",
                      data={"vacancy": str(vacancy.id)})
    assert res.status_code == 302
    assert db_session.scalar(select(Proposal)).vacancy_id == vacancy.id
    res = client.post(f"/talent/profielen/{selam.id}/voorstellen", data={"vacancy": "999"})
    assert res.status_code == 302
    assert "Kies een open vacature" in client.get(res.headers["Location"]).get_data(as_text=True)


def test_a_closed_vacancy_cannot_be_proposed_for(client, login, world, setting, db_session):
    _org, vacancy, selam, _yonas, _far, _member = setting
    vacancy.status = VacancyStatus.closed
    db_session.commit()
    login(world.adviser)
    assert "niet open" in client.get(f"/adviseur/talent/vacatures/{vacancy.id}").get_data(as_text=True)
    res = client.post(f"/adviseur/talent/vacatures/{vacancy.id}/voorstellen",
                      data={"profile": str(selam.id)})
    assert res.status_code == 302
    assert db_session.scalar(select(Proposal)) is None


def test_help_me_find_candidates(client, app, login, world, setting, db_session):
    _org, vacancy, _selam, _yonas, _far, member = setting
    login(member)
    page = client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True)
    assert "Help mij kandidaten vinden" in page
    res = client.post(f"/vacatures/{vacancy.id}/kandidaten-zoeken")
    assert res.status_code == 302
    assert "Uw adviseur zoekt kandidaten" in client.get(res.headers["Location"]).get_data(as_text=True)
    request = db_session.scalar(select(MatchRequest))
    assert request.vacancy_id == vacancy.id and request.requested_by_id == member.id
    mail = db_session.scalar(select(OutboxMessage).where(OutboxMessage.to_addr == world.adviser.email))
    assert "/adviseur/talent/vacatures/" in mail.body
    client.post(f"/vacatures/{vacancy.id}/kandidaten-zoeken")
    assert db_session.scalar(select(MatchRequest)).id == request.id
    adviser = app.test_client()
    login(world.adviser, on=adviser)
    listed = adviser.get("/adviseur/talent/vacatures").get_data(as_text=True)
    assert "Kandidaten gevraagd" in listed
    assert "De werkgever vroeg om kandidaten" in adviser.get(
        f"/adviseur/talent/vacatures/{vacancy.id}").get_data(as_text=True)
    adviser.post(f"/adviseur/talent/vacatures/{vacancy.id}/afgehandeld")
    db_session.refresh(request)
    assert request.handled_at is not None
    assert "Kandidaten gevraagd" not in adviser.get("/adviseur/talent/vacatures").get_data(as_text=True)


def test_candidates_only_for_an_open_vacancy_of_ones_own(client, login, make, world, setting,
                                                         db_session):
    org, vacancy, _selam, _yonas, _far, member = setting
    draft = make.vacancy(org, status=VacancyStatus.draft)
    stranger = make.user(organisation=make.organisation(world.region))
    db_session.commit()
    login(member)
    res = client.post(f"/vacatures/{draft.id}/kandidaten-zoeken")
    assert "open vacature" in client.get(res.headers["Location"]).get_data(as_text=True)
    login(stranger)
    assert client.post(f"/vacatures/{vacancy.id}/kandidaten-zoeken").status_code == 404
    assert db_session.scalar(select(MatchRequest)) is None


def test_without_mail_or_text_messages_the_adviser_is_told_to_call(client, login, world, setting,
                                                                   db_session):
    """No SMS provider and no e-mail address: no message can go, and the page says so instead
    of promising one."""
    _org, vacancy, selam, _yonas, _far, _member = setting
    assert selam.email is None
    login(world.adviser)
    res = client.post(f"/adviseur/talent/vacatures/{vacancy.id}/voorstellen",
                      data={"profile": str(selam.id)})
    html = client.get(res.headers["Location"]).get_data(as_text=True)
    assert "de bewoner krijgt geen bericht" in html and "Bel de bewoner" in html
    assert "De bewoner krijgt een bericht in de eigen taal" not in html
    assert db_session.scalar(select(Proposal)).vacancy_id == vacancy.id
