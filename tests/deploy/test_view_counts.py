"""No lost page views: gunicorn (the shipped config) restarted gracefully in the middle of a run
of poster scans, then stopped; every scan is in the database. And a worker writes its tally
every few seconds without waiting for the next scan."""
from __future__ import annotations

import signal

from sqlalchemy import func, select

from portal.dashboard.models import VacancyView
from tests.deploy.conftest import Gunicorn, get, production_env, wait_until

FAKE_TOKEN = "Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA"


def stored_views(db_session) -> int:
    db_session.expire_all()
    return db_session.scalar(select(func.coalesce(func.sum(VacancyView.count), 0)))


def scan(server: Gunicorn, code: str, times: int) -> None:
    for i in range(times):
        status, _html = get(f"{server.url}/v/{code}?lang={'ar' if i % 2 else 'nl'}", timeout=60)
        assert status == 200


def env(database_url: str, flush_seconds: int) -> dict[str, str]:
    # memory:// limits with two workers: allowed here by SINGLE_WORKER (no limits are tested)
    return production_env(database_url, RATELIMIT_STORAGE_URI="memory://", PORTAL_SINGLE_WORKER="1",
                          PORTAL_VIEW_FLUSH_SECONDS=str(flush_seconds))


def test_a_graceful_restart_and_a_stop_in_the_middle_lose_no_view(make, db_session, database_url):
    vacancy = make.vacancy()
    db_session.commit()
    # An hour between writes: only the writes on the way out can save these views.
    server = Gunicorn(env(database_url, 3600), workers=2)
    try:
        scan(server, vacancy.code, 100)
        booted = server.log().count("Booting worker")
        server.signal(signal.SIGHUP)  # new workers, the old ones finish and leave
        wait_until(lambda: server.log().count("Booting worker") >= booted + 2, 60, "new workers")
        wait_until(server.answers, 60, "the new workers")
        scan(server, vacancy.code, 50)
        assert stored_views(db_session) < 150  # the new workers still hold theirs
        get(f"{server.url}/s/{FAKE_TOKEN}?lang=ar&note=private")
    finally:
        assert server.stop() == 0
    assert stored_views(db_session) == 150
    log = server.log()
    assert "/s/…" in log and FAKE_TOKEN not in log and "note=private" not in log  # access log


def test_a_worker_writes_its_tally_within_seconds_without_more_scans(make, db_session, database_url):
    vacancy = make.vacancy()
    db_session.commit()
    server = Gunicorn(env(database_url, 1), workers=2)
    try:
        scan(server, vacancy.code, 30)
        wait_until(lambda: stored_views(db_session) == 30, 15, "30 views in the database")
    finally:
        server.stop()
