"""Races against a real threaded server (SQLite here, PostgreSQL in the PostgreSQL run): ten
taps on "yes" at once make one application; "yes" and "no" at once leave one answer; ten
advisers' clicks on "propose" at once make one proposal."""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from portal.accounts.models import Role
from portal.applicants.models import Application
from portal.talent.models import Proposal, ProposalState, Residence

AGENT = "race-test"  # the signed-in session is bound to the browser's address and agent


def _post(url: str, data: dict | None = None, cookie: str | None = None) -> int:
    headers = {"User-Agent": AGENT} | ({"Cookie": cookie} if cookie else {})
    req = urllib.request.Request(url, data=urllib.parse.urlencode(data or {}).encode(),
                                 method="POST", headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as res:
            return res.status
    except urllib.error.HTTPError as exc:
        return exc.code


@pytest.fixture
def setting(make, world, db_session):
    vacancy = make.vacancy(make.organisation(world.region), locations=[world.azc])
    selam = make.profile(world.azc, residence=Residence.status_holder)
    db_session.commit()
    return vacancy, selam


def test_ten_taps_on_yes_make_one_application(serve, make, world, setting, db_session):
    vacancy, selam = setting
    proposal = make.proposal(selam, vacancy, adviser=world.adviser)
    db_session.commit()
    server = serve(WTF_CSRF_ENABLED=False)
    url = f"{server.url}/profiel/{selam.plain_token}/voorstel/{proposal.id}/ja"
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda _: _post(url), range(10)))
    assert all(s < 500 for s in statuses), statuses
    db_session.expire_all()
    assert db_session.scalar(select(func.count(Application.id))) == 1
    assert db_session.get(Proposal, proposal.id).state == ProposalState.accepted


def test_yes_and_no_at_once_leave_one_answer(serve, make, world, setting, db_session):
    vacancy, selam = setting
    proposal = make.proposal(selam, vacancy, adviser=world.adviser)
    db_session.commit()
    server = serve(WTF_CSRF_ENABLED=False)
    base = f"{server.url}/profiel/{selam.plain_token}/voorstel/{proposal.id}/"
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda i: _post(base + ("ja" if i % 2 else "nee")), range(10)))
    assert all(s < 500 for s in statuses), statuses
    db_session.expire_all()
    state = db_session.get(Proposal, proposal.id).state
    applications = db_session.scalar(select(func.count(Application.id)))
    assert (state, applications) in ((ProposalState.accepted, 1), (ProposalState.declined, 0))


def test_many_advisers_proposing_at_once_make_one_proposal(serve, app, make, login, world,
                                                           setting, db_session):
    vacancy, selam = setting
    advisers = [world.adviser] + [make.user(Role.adviser, region=world.region) for _ in range(5)]
    db_session.commit()
    server = serve(WTF_CSRF_ENABLED=False)
    cookies = []
    for adviser in advisers:
        client = app.test_client()
        client.environ_base["HTTP_USER_AGENT"] = AGENT
        login(adviser, on=client)
        cookie = client.get_cookie("session")
        cookies.append(f"session={cookie.value}")
    url = f"{server.url}/adviseur/talent/vacatures/{vacancy.id}/voorstellen"
    with ThreadPoolExecutor(max_workers=len(cookies) * 2) as pool:
        statuses = list(pool.map(lambda i: _post(url, {"profile": str(selam.id)},
                                                 cookies[i % len(cookies)]),
                                 range(len(cookies) * 2)))
    assert all(s < 500 for s in statuses), statuses
    db_session.expire_all()
    assert db_session.scalar(select(func.count(Proposal.id))) == 1
