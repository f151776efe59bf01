"""No application is lost under load: 200 residents apply at the same moment against a real
threaded server (SQLite in the default run, PostgreSQL in the PostgreSQL run)."""
from __future__ import annotations

import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from portal.applicants.models import Application

N = 200


def _post(url: str, data: dict) -> int:
    body = urllib.parse.urlencode(data).encode()
    req = urllib.request.Request(url, data=body, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=60) as res:
            return res.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_200_concurrent_applications_all_stored(serve, make, db_session):
    loc = make.location(code="ZDM")
    vacancy = make.vacancy(locations=[loc])
    db_session.commit()
    server = serve(WTF_CSRF_ENABLED=False)
    url = f"{server.url}/v/{vacancy.code}/{loc.code}/solliciteren"

    def apply(i: int) -> int:
        return _post(url, {
            "name": f"Bewoner {i}", "phone": f"+316{20000000 + i}", "residence_status": "status_holder",
            "azc_location": str(loc.id), "lang1": "ar", "level1": "good",
            "submission_key": f"key-{i:04d}",
        })

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(apply, range(N)))

    assert statuses.count(200) == N, {s: statuses.count(s) for s in set(statuses)}
    db_session.expire_all()
    stored = db_session.scalar(select(func.count()).select_from(Application)
                               .where(Application.vacancy_id == vacancy.id))
    assert stored == N
    phones = db_session.scalars(select(Application.phone)).all()
    assert len(set(phones)) == N


def test_double_submit_under_concurrency_creates_one(serve, make, db_session):
    loc = make.location(code="PMR")
    vacancy = make.vacancy(locations=[loc])
    db_session.commit()
    server = serve(WTF_CSRF_ENABLED=False)
    url = f"{server.url}/v/{vacancy.code}/{loc.code}/solliciteren"
    data = {"name": "Amina", "phone": "0612345678", "residence_status": "status_holder",
            "azc_location": str(loc.id), "lang1": "ti", "level1": "good", "submission_key": "same-key-1"}
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda _: _post(url, data), range(10)))
    assert set(statuses) == {200}
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(Application)) == 1
