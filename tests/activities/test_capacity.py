"""Capacity is kept by the database, not by a check in Python that another request cannot
see: 60 residents signing up at the same moment for 20 places give exactly 20 places and 40
on the waiting list, nobody lost (SQLite in the default run, PostgreSQL in the PostgreSQL run)."""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from portal.activities.models import SeatPool, SignUp, SignUpStatus

N = 60


def _post(url: str, data: dict) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode()
    req = urllib.request.Request(url, data=body, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=120) as res:
            return res.status, res.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _form(i: int) -> dict:
    return {"name": f"Bewoner {i}", "phone": f"+3162{i:07d}", "azc_location": "-1",
            "language": "ar"}


def test_60_at_once_for_20_places(serve, build, db_session):
    activity = build(capacity=20)
    server = serve(WTF_CSRF_ENABLED=False)
    url = f"{server.url}/a/{activity.code}"
    with ThreadPoolExecutor(max_workers=30) as pool:
        answers = list(pool.map(lambda i: _post(url, _form(i)), range(N)))
    assert [s for s, _ in answers].count(200) == N, {s for s, _ in answers}
    assert all("/t/" in html for _, html in answers)  # everyone got a link: nobody lost
    db_session.expire_all()
    counts = dict(db_session.execute(select(SignUp.status, func.count()).group_by(SignUp.status)).all())
    assert counts == {SignUpStatus.confirmed: 20, SignUpStatus.waiting: 40}
    assert db_session.scalar(select(SeatPool.taken)) == 20
    assert len(set(db_session.scalars(select(SignUp.phone)))) == N


def test_cancellations_and_sign_ups_at_once_lose_no_place(serve, build, db_session, client):
    """Ten of the twenty cancel while twenty more sign up: every freed place is filled from the
    waiting list or by a newcomer, never more than 20, never a free place while people wait."""
    activity = build(capacity=20)
    server = serve(WTF_CSRF_ENABLED=False)
    url = f"{server.url}/a/{activity.code}"
    first = [_post(url, _form(i))[1] for i in range(25)]  # 20 places, 5 waiting
    import re

    tokens = [re.search(r"/t/([\w-]{20,})", html).group(1) for html in first[:10]]
    jobs = [("cancel", t) for t in tokens] + [("new", i) for i in range(100, 120)]

    def run(job):
        kind, value = job
        if kind == "cancel":
            return _post(f"{server.url}/t/{value}/afmelden", {})[0]
        return _post(url, _form(value))[0]

    with ThreadPoolExecutor(max_workers=15) as pool:
        statuses = list(pool.map(run, jobs))
    assert all(s in (200, 303) for s in statuses), statuses
    db_session.expire_all()
    counts = dict(db_session.execute(select(SignUp.status, func.count()).group_by(SignUp.status)).all())
    assert counts[SignUpStatus.cancelled] == 10
    assert counts[SignUpStatus.confirmed] == 20
    assert counts[SignUpStatus.waiting] == 45 - 10 - 20
    assert db_session.scalar(select(SeatPool.taken)) == 20


def test_the_database_refuses_more_taken_than_capacity(build, db_session):
    activity = build(capacity=2)
    with pytest.raises(IntegrityError):
        db_session.execute(update(SeatPool).where(SeatPool.activity_id == activity.id)
                           .values(taken=3))
        db_session.flush()
    db_session.rollback()
