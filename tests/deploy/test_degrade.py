"""Degrade, do not break. Redis away: rate limits fall back to each worker's memory (and say
so loudly in the log), sign-in, password reset and apply keep working, /healthz answers 200
"degraded". Database away: /healthz answers 503 (the balancer stops sending traffic) and pages
a friendly 503, never a traceback. PostgreSQL restarting: 503 pages, then recovery by itself."""
from __future__ import annotations

import logging

from sqlalchemy import func, select

from portal import db
from portal.applicants.models import Application
from portal.db import Base, make_engine
from portal.extensions import limiter
from tests.deploy.conftest import closed_port

SIGN_IN_IP_LIMIT = 10  # accounts/limits.py: 10 per minute per address


def apply_form(i: int, location_id: int) -> dict:
    return {"name": f"Bewoner {i}", "phone": f"+316{30000000 + i}", "residence_status": "status_holder",
            "azc_location": str(location_id), "lang1": "ar", "level1": "good",
            "submission_key": f"redis-down-{i:04d}"}


def test_with_redis_unreachable_requests_work_limits_hold_per_worker_and_the_log_says_so(
        make_app, make, db_session, caplog):
    loc = make.location(code="RDS")
    vacancy = make.vacancy(locations=[loc])
    db_session.commit()
    app = make_app(RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{closed_port()}/0")
    client = app.test_client()

    with caplog.at_level(logging.WARNING):
        res = client.post(f"/v/{vacancy.code}/{loc.code}/solliciteren", data=apply_form(1, loc.id))
        assert res.status_code == 200 and "/s/" in res.get_data(as_text=True)
        assert client.post("/wachtwoord-vergeten", data={"email": "iemand@example.nl"}).status_code == 200
        # sign-in still limited, now by this worker's own memory: the 11th attempt is refused
        answers = [client.post("/inloggen", data={"email": f"x{i}@example.nl", "password": "fout"},
                               environ_base={"REMOTE_ADDR": "198.51.100.7"}).status_code
                   for i in range(SIGN_IN_IP_LIMIT + 1)]
    assert answers == [200] * SIGN_IN_IP_LIMIT + [429]
    degraded = [r for r in caplog.records if "RATE LIMITS DEGRADED" in r.getMessage()]
    assert degraded and all(r.levelno == logging.ERROR for r in degraded)
    db_session.expire_all()
    assert db_session.scalar(select(func.count()).select_from(Application)) == 1

    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json == {"status": "degraded", "database": "ok", "redis": "unreachable"}


def test_healthz_with_every_dependency_up(make_app):
    assert make_app().test_client().get("/healthz").json == {"status": "ok", "database": "ok"}
    redis_app = make_app(RATELIMIT_STORAGE_URI="redis://127.0.0.1:6379/0")
    if limiter.storage.check():  # Redis runs here (CI starts it)
        assert redis_app.test_client().get("/healthz").json == {
            "status": "ok", "database": "ok", "redis": "ok"}


def test_with_the_database_unreachable_healthz_is_503_and_pages_say_so_kindly(make_app, caplog):
    app = make_app(DATABASE_URL=f"postgresql://portal@127.0.0.1:{closed_port()}/portal")
    client = app.test_client()
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json == {"status": "error", "database": "unreachable"}
    with caplog.at_level(logging.ERROR):
        for path in ("/v/ABC123", "/", "/v/ABC123/solliciteren"):
            res = client.get(path + "?lang=ar")
            html = res.get_data(as_text=True)
            assert res.status_code == 503, path
            assert res.headers["Retry-After"] and "Traceback" not in html and "psycopg" not in html
            assert 'lang="ar"' in html and 'dir="rtl"' in html
    assert "database unavailable: OperationalError" in caplog.text


def test_postgresql_restarting_gives_503_pages_then_recovers_by_itself(throwaway_postgres, make_app):
    """Stop the server under a running app (its pool holds live connections), then start it."""
    pg = throwaway_postgres
    engine = make_engine(pg.url)
    Base.metadata.create_all(engine)
    engine.dispose()
    app = make_app(DATABASE_URL=pg.url)
    with app.app_context():
        from tests.factories import Factory

        vacancy = Factory().vacancy()
        db.session.commit()
        code = vacancy.code
    client = app.test_client()
    assert client.get(f"/v/{code}").status_code == 200
    assert client.get("/healthz").status_code == 200

    pg.stop("fast")
    for path in (f"/v/{code}", "/healthz", "/"):
        res = client.get(path)
        assert res.status_code == 503, path
        assert "Traceback" not in res.get_data(as_text=True)

    pg.start()
    # The pool's connections died with the old server: pre-ping replaces them, no restart needed.
    assert client.get(f"/v/{code}").status_code == 200
    assert client.get("/healthz").json["status"] == "ok"
    assert client.get("/").status_code == 200
