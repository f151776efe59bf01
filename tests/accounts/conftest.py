import pytest
from flask import g


@pytest.fixture(autouse=True)
def _load_user_per_request(app):
    """The test app context (and so `g`) outlives each request; in production every request
    has its own. Forget Flask-Login's cached user so each request loads it from its own cookie,
    as it does in production (otherwise one client's user leaks into another client's request)."""

    def _forget():
        g.pop("_login_user", None)

    app.before_request_funcs.setdefault(None, []).insert(0, _forget)


@pytest.fixture
def cheap_unknown_account_check(monkeypatch):
    """Unknown addresses are checked against a dummy argon2 hash to equal a real check's time;
    tests that try hundreds of unknown addresses use a cheap dummy to stay fast."""
    from argon2 import PasswordHasher

    from portal import security

    monkeypatch.setattr(security, "_DUMMY_HASH",
                        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("x"))
