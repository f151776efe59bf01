"""The client address behind proxies (PORTAL_TRUSTED_PROXIES), shared rate-limit storage in
production, and the hot paths that the limiter skips. CSRF is on in every app made here."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from portal import create_app
from portal.audit.models import AuditEvent
from portal.extensions import limiter

TOKEN_RE = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@pytest.fixture
def make_app(app, database_url, smtp_server):
    """make_app(**overrides): an app on the test database with CSRF on (and a fresh limiter
    storage: every init_app gives the shared limiter new counters)."""
    made = []

    def _make(**overrides):
        new = create_app({"ENV": "testing", "SECRET_KEY": "proxy-test", "DATABASE_URL": database_url,
                          "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": smtp_server.port_number,
                          "BASE_URL": "https://werk.example.nl", "WTF_CSRF_ENABLED": True,
                          **overrides})
        made.append(new)
        return new

    yield _make
    for made_app in made:
        made_app.extensions["db_engine"].dispose()


def csrf_token(client, path: str, **kw) -> str:
    return TOKEN_RE.search(client.get(path, **kw).get_data(as_text=True)).group(1)


def forgot_until_limited(client, headers: dict) -> int:
    """Post the 'forgot password' form (a different address each time, so only the per-address
    limit counts) until it answers 429; return how many were answered first."""
    token = csrf_token(client, "/wachtwoord-vergeten", headers=headers)
    for i in range(200):
        res = client.post("/wachtwoord-vergeten", headers=headers,
                          data={"email": f"nobody{i}@example.nl", "csrf_token": token})
        if res.status_code == 429:
            return i
        assert res.status_code == 200
    raise AssertionError("never limited")


PROXY = {"REMOTE_ADDR": "10.0.0.2"}  # the load balancer: every request comes from here


def test_behind_a_trusted_proxy_limits_follow_x_forwarded_for(make_app):
    client = make_app(TRUSTED_PROXIES=1).test_client()
    client.environ_base.update(PROXY)
    allowed = forgot_until_limited(client, {"X-Forwarded-For": "203.0.113.1"})
    assert allowed >= 1
    # Another resident behind the same balancer is not stopped by the first one's limit.
    token = csrf_token(client, "/wachtwoord-vergeten", headers={"X-Forwarded-For": "203.0.113.2"})
    res = client.post("/wachtwoord-vergeten", headers={"X-Forwarded-For": "203.0.113.2"},
                      data={"email": "someone@example.nl", "csrf_token": token})
    assert res.status_code == 200


def test_without_trusted_proxies_x_forwarded_for_is_ignored(make_app):
    client = make_app().test_client()  # PORTAL_TRUSTED_PROXIES defaults to 0
    client.environ_base.update(PROXY)
    forgot_until_limited(client, {"X-Forwarded-For": "203.0.113.1"})
    # A made-up header does not buy a fresh limit.
    token = csrf_token(client, "/wachtwoord-vergeten", headers={"X-Forwarded-For": "203.0.113.2"})
    res = client.post("/wachtwoord-vergeten", headers={"X-Forwarded-For": "203.0.113.2"},
                      data={"email": "someone@example.nl", "csrf_token": token})
    assert res.status_code == 429


@pytest.mark.parametrize("proxies, expected", [(1, "203.0.113.7"), (0, "10.0.0.2")])
def test_audit_log_records_the_client_address(make_app, db_session, proxies, expected):
    client = make_app(TRUSTED_PROXIES=proxies).test_client()
    client.environ_base.update(PROXY)
    headers = {"X-Forwarded-For": "203.0.113.7"}
    token = csrf_token(client, "/inloggen", headers=headers)
    res = client.post("/inloggen", headers=headers, data={
        "email": "nobody@example.nl", "password": "wrong password!!", "csrf_token": token})
    assert res.status_code == 200
    db_session.expire_all()
    event = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "sign_in_failed")).one()
    assert event.ip == expected


def test_trusted_proxies_read_from_the_environment(monkeypatch, make_app):
    monkeypatch.setenv("PORTAL_TRUSTED_PROXIES", "2")
    assert make_app().config["TRUSTED_PROXIES"] == 2


# --- production needs shared limit counters ---------------------------------------------------

def production(database_url, **overrides):
    return create_app({"ENV": "production", "SECRET_KEY": "s" * 40, "DATABASE_URL": database_url,
                       "BASE_URL": "https://werk.example.nl", "MAIL_SERVER": "smtp.example.nl",
                       **overrides})


def test_production_refuses_memory_rate_limits(database_url, monkeypatch):
    monkeypatch.delenv("RATELIMIT_STORAGE_URI", raising=False)
    monkeypatch.delenv("PORTAL_SINGLE_WORKER", raising=False)
    with pytest.raises(RuntimeError, match="RATELIMIT_STORAGE_URI") as caught:
        production(database_url)
    assert "PORTAL_SINGLE_WORKER" in str(caught.value)  # and says the way out


@pytest.mark.parametrize("how", ["redis", "single worker setting", "single worker env"])
def test_production_starts_with_shared_storage_or_one_worker(database_url, monkeypatch, how):
    monkeypatch.delenv("RATELIMIT_STORAGE_URI", raising=False)
    overrides = {}
    if how == "redis":
        monkeypatch.setenv("RATELIMIT_STORAGE_URI", "redis://127.0.0.1:6379/0")
    elif how == "single worker setting":
        overrides["SINGLE_WORKER"] = True
    else:
        monkeypatch.setenv("PORTAL_SINGLE_WORKER", "1")
    prod = production(database_url, **overrides)
    assert prod.config["ENV"] == "production"
    prod.extensions["db_engine"].dispose()


# --- hot paths --------------------------------------------------------------------------------

def test_limiter_skips_the_hot_paths_but_not_forms(client, monkeypatch, vacancy_page):
    """The QR landing page and the health check are read far more than anything else: the
    limiter must not even resolve its rules for them (without timing anything)."""
    resolved = []
    real = limiter.limit_manager.resolve_limits

    def spy(app, endpoint, *args, **kw):
        resolved.append(endpoint)
        return real(app, endpoint, *args, **kw)

    monkeypatch.setattr(limiter.limit_manager, "resolve_limits", spy)
    assert client.get(vacancy_page).status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/static/css/resident.css").status_code in (200, 404)
    assert resolved == []
    client.post("/wachtwoord-vergeten", data={"email": "x@example.nl"})
    assert "accounts.forgot_password" in resolved


@pytest.fixture
def vacancy_page(make, db_session) -> str:
    loc = make.location(code="ZDM")
    make.vacancy(locations=[loc], code="HOT234")
    db_session.commit()
    return "/v/HOT234/ZDM"
