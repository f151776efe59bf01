"""One rule for "this vacancy is open" (vacancies.queries.open_clause): the QR landing page
(and its cache probe), the notice board, the public feed and poster, the dashboard count and
the retention purge all follow it, so no surface can disagree with another."""
from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select

from portal import db
from portal.applicants.models import Application
from portal.apply.housekeeping import purge_expired
from portal.clock import AMS, today
from portal.dashboard import queries as dashboard
from portal.organisations.models import OrgStatus
from portal.vacancies.models import VacancyStatus

NOT_OPEN = {
    "draft": {"status": VacancyStatus.draft},
    "closed": {"status": VacancyStatus.closed},
    "filled": {"status": VacancyStatus.filled},
    "expired": {"status": VacancyStatus.expired},
    "suspended": {"status": VacancyStatus.suspended},
    "past closing date, expiry job not run yet": {"closing_date": -1},
    "organisation suspended": {"org": OrgStatus.suspended},
    "organisation not yet approved": {"org": OrgStatus.pending},
}


def _make_not_open(vacancy, change: dict) -> None:
    if "org" in change:
        vacancy.organisation.status = change["org"]
    elif "closing_date" in change:
        vacancy.closing_date = today() + timedelta(days=change["closing_date"])
    else:
        vacancy.status = change["status"]


def _surfaces(client, vacancy, location) -> dict:
    region = vacancy.organisation.region_id
    scope = dashboard.Scope(start=today() - timedelta(days=30), end=today(), region_id=region)
    feed = client.get("/api/v1/vacancies").get_json()["vacancies"]
    return {
        "landing": f"/v/{vacancy.code}/{location.code}/solliciteren" in client.get(
            f"/v/{vacancy.code}/{location.code}").get_data(as_text=True),
        "board": f"/v/{vacancy.code}/" in client.get(f"/l/{location.code}").get_data(as_text=True),
        "feed": any(item["code"] == vacancy.code for item in feed),
        "poster": client.get(f"/api/v1/vacancies/{vacancy.code}/poster.pdf").status_code == 200,
        "dashboard": dashboard.vacancies(scope)["open_now"] == 1,
    }


def test_an_open_vacancy_is_open_everywhere(client, make, db_session):
    azc = make.location(code="ZDM")
    vacancy = make.vacancy(locations=[azc])
    db_session.commit()
    assert _surfaces(client, vacancy, azc) == dict.fromkeys(
        ("landing", "board", "feed", "poster", "dashboard"), True)


@pytest.mark.parametrize("case", list(NOT_OPEN))
def test_a_vacancy_that_is_not_open_is_closed_everywhere(client, make, db_session, case):
    azc = make.location(code="ZDM")
    vacancy = make.vacancy(locations=[azc])
    db_session.commit()
    client.get(f"/v/{vacancy.code}/{azc.code}")  # in the landing cache while open
    _make_not_open(vacancy, NOT_OPEN[case])
    db_session.commit()
    assert _surfaces(client, vacancy, azc) == dict.fromkeys(
        ("landing", "board", "feed", "poster", "dashboard"), False)


def _noon(day):
    return datetime.combine(day, time(12), AMS)


@pytest.mark.parametrize("case", [c for c in NOT_OPEN if c != "draft"])
def test_applications_are_purged_four_weeks_after_the_vacancy_stopped_being_open(
        make, db_session, case):
    """Whatever ended it (closed, filled, expired, suspended by an adviser, simply past its
    closing date, its organisation suspended), the personal data goes after the retention
    period. A suspended vacancy's applicants used to be a case a broken rule could forget."""
    closing = today() - timedelta(days=40)
    vacancy = make.vacancy(closing_date=closing, closed_at=None)
    _make_not_open(vacancy, {**NOT_OPEN[case], "closing_date": -40}
                   if "closing_date" in NOT_OPEN[case] else NOT_OPEN[case])
    gone = make.application(vacancy, name="Samira Haddad")
    still_open = make.vacancy(closing_date=today() + timedelta(days=30))
    kept = make.application(still_open, name="Yonas Tesfay")
    db_session.commit()

    # The day after closing plus four weeks: not a minute earlier...
    assert purge_expired(_noon(closing + timedelta(days=28))) == 0
    # ...and after it, erased.
    assert purge_expired(_noon(closing + timedelta(days=30))) == 1
    db_session.commit()
    db.session.expire_all()
    names = dict(db.session.execute(select(Application.id, Application.name)).all())
    assert names == {gone.id: None, kept.id: "Yonas Tesfay"}


def test_a_vacancy_suspended_before_its_closing_date_is_purged_after_that_date(make, db_session):
    closing = today() + timedelta(days=10)
    vacancy = make.vacancy(closing_date=closing, status=VacancyStatus.suspended, closed_at=None)
    make.application(vacancy)
    db_session.commit()
    assert purge_expired(_noon(closing + timedelta(days=20))) == 0
    assert purge_expired(_noon(closing + timedelta(days=30))) == 1
