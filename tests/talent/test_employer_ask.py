"""The employer's vacancy page after "help me find candidates": it says that (and when) the
adviser was asked instead of offering the button again; an adviser proposing someone for that
vacancy marks the request handled (as the manual "Afgehandeld" does), and the page then says
when, with the button to ask again."""
from __future__ import annotations

from babel.dates import format_date
from sqlalchemy import select

from portal.audit.models import AuditEvent
from portal.clock import AMS
from portal.talent.models import MatchRequest, Proposal
from portal.vacancies.models import VacancyStatus

ASK = "Help mij kandidaten vinden"
AGAIN = "Opnieuw om kandidaten vragen"


def _page(client, vacancy) -> str:
    return client.get(f"/vacatures/{vacancy.id}").get_data(as_text=True)


def test_once_asked_the_page_says_when_instead_of_the_button(client, login, setting, db_session):
    _org, vacancy, _selam, _yonas, _far, member = setting
    login(member)
    assert ASK in _page(client, vacancy)
    client.post(f"/vacatures/{vacancy.id}/kandidaten-zoeken")
    asked = db_session.scalar(select(MatchRequest)).created_at
    day = format_date(asked.astimezone(AMS).date(), "long", locale="nl")  # "3 december 2026"
    page = _page(client, vacancy)
    assert f"U vroeg uw adviseur op {day} om kandidaten" in page
    assert ASK not in page and AGAIN not in page
    assert "kandidaten-zoeken" not in page  # no form to ask again while it is open


def test_proposing_someone_for_it_marks_the_request_handled(client, app, login, world, setting,
                                                            db_session):
    _org, vacancy, selam, _yonas, _far, member = setting
    login(member)
    client.post(f"/vacatures/{vacancy.id}/kandidaten-zoeken")
    adviser = app.test_client()
    login(world.adviser, on=adviser)
    assert "Kandidaten gevraagd" in adviser.get("/adviseur/talent/vacatures").get_data(as_text=True)
    res = adviser.post(f"/adviseur/talent/vacatures/{vacancy.id}/voorstellen",
                       data={"profile": str(selam.id)})
    assert res.status_code == 302
    assert db_session.scalar(select(Proposal)).vacancy_id == vacancy.id
    request = db_session.scalar(select(MatchRequest))
    db_session.refresh(request)
    assert request.handled_at is not None
    assert db_session.scalar(select(AuditEvent).where(
        AuditEvent.action == "talent.candidates_handled")) is not None
    # off the top of the matching list
    assert "Kandidaten gevraagd" not in adviser.get("/adviseur/talent/vacatures").get_data(
        as_text=True)
    # the employer sees it was handled, and may ask again
    page = _page(client, vacancy)
    assert "afgehandeld op" in page and AGAIN in page
    client.post(f"/vacatures/{vacancy.id}/kandidaten-zoeken")
    db_session.refresh(request)
    assert request.handled_at is None
    assert "U vroeg uw adviseur op" in _page(client, vacancy)


def test_the_manual_handled_still_works(client, app, login, world, setting, db_session):
    _org, vacancy, _selam, _yonas, _far, member = setting
    login(member)
    client.post(f"/vacatures/{vacancy.id}/kandidaten-zoeken")
    adviser = app.test_client()
    login(world.adviser, on=adviser)
    adviser.post(f"/adviseur/talent/vacatures/{vacancy.id}/afgehandeld")
    assert db_session.scalar(select(MatchRequest)).handled_at is not None
    assert AGAIN in _page(client, vacancy)


def test_a_proposal_without_a_request_changes_nothing_there(client, login, world, setting,
                                                            db_session):
    _org, vacancy, selam, _yonas, _far, member = setting
    login(world.adviser)
    client.post(f"/adviseur/talent/vacatures/{vacancy.id}/voorstellen",
                data={"profile": str(selam.id)})
    assert db_session.scalar(select(Proposal)) is not None
    assert db_session.scalar(select(MatchRequest)) is None
    login(member)
    assert ASK in _page(client, vacancy)


def test_no_part_for_a_vacancy_that_is_not_published(client, login, make, setting, db_session):
    org, _vacancy, _selam, _yonas, _far, member = setting
    draft = make.vacancy(org, status=VacancyStatus.draft)
    db_session.commit()
    login(member)
    page = _page(client, draft)
    assert ASK not in page and "Kandidaten via uw adviseur" not in page
