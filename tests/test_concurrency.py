"""No application is lost under load: 200 residents apply at the same moment against a real
threaded server (SQLite in the default run, PostgreSQL in the PostgreSQL run)."""
from __future__ import annotations

import re
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from portal.applicants.models import Application
from tests.live_browser import LiveBrowser

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


FORM_FIELDS = ("csrf_token", "submission_key")


def _answers(loc) -> dict:
    return {"name": "Amina", "phone": "0612345678", "residence_status": "status_holder",
            "azc_location": str(loc.id), "lang1": "ti", "level1": "good"}


def test_double_click_in_one_browser_shows_one_link_at_once(serve, make, db_session):
    """Ten copies of one form from one browser at the same moment (CSRF on): one row, and
    every answer carries the same status link, which works."""
    loc = make.location(code="DBL")
    vacancy = make.vacancy(locations=[loc])
    db_session.commit()
    server = serve()
    path = f"/v/{vacancy.code}/{loc.code}/solliciteren"
    browser = LiveBrowser(server.url)
    data = _answers(loc) | browser.hidden_fields(path, *FORM_FIELDS)
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda _: browser.request(path, data), range(10)))
    assert {status for status, _html in answers} == {200}
    links = {m.group(1) for _s, html in answers for m in re.finditer(r"/s/([\w-]{20,})", html)}
    assert len(links) == 1, [html[:200] for _s, html in answers if "/s/" not in html]
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(Application)) == 1
    assert browser.request(f"/s/{links.pop()}")[0] == 200


def test_two_tabs_with_one_phone_at_once_store_one_application(serve, make, db_session):
    """Two forms (two tabs, two submission keys) with the same phone, sent at the same moment
    many times over: the database keeps one open application, the others get the friendly
    "you already applied" page."""
    loc = make.location(code="TAB")
    vacancy = make.vacancy(locations=[loc])
    db_session.commit()
    server = serve()
    path = f"/v/{vacancy.code}/{loc.code}/solliciteren"
    tabs = [LiveBrowser(server.url) for _ in range(10)]
    forms = [tab.hidden_fields(path, *FORM_FIELDS) for tab in tabs]
    with ThreadPoolExecutor(max_workers=10) as pool:
        answers = list(pool.map(lambda i: tabs[i].request(path, _answers(loc) | forms[i]),
                                range(10)))
    assert {status for status, _html in answers} == {200}
    assert sum("/s/" in html for _s, html in answers) == 1
    assert sum("Je hebt al gesolliciteerd" in html for _s, html in answers) == 9
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(Application)) == 1
