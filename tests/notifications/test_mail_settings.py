"""Without a mail server, mail is printed (status links included): fine on a developer's
machine, never in production, which refuses to start instead."""
from __future__ import annotations

import pytest

from portal import create_app


def _app(database_url, env, **overrides):
    return create_app({"ENV": env, "SECRET_KEY": "s" * 40, "DATABASE_URL": database_url,
                       "BASE_URL": "https://werk.example.nl", "SINGLE_WORKER": True, **overrides})


def test_production_refuses_to_start_without_a_mail_server(database_url, monkeypatch):
    monkeypatch.delenv("PORTAL_MAIL_SERVER", raising=False)
    with pytest.raises(RuntimeError, match="PORTAL_MAIL_SERVER"):
        _app(database_url, "production")
    with pytest.raises(RuntimeError, match="PORTAL_MAIL_SERVER"):
        _app(database_url, "production", MAIL_SERVER="")


def test_production_starts_with_a_mail_server_from_the_environment(database_url, monkeypatch):
    monkeypatch.setenv("PORTAL_MAIL_SERVER", "smtp.example.nl")
    prod = _app(database_url, "production")
    assert prod.config["MAIL_SERVER"] == "smtp.example.nl"
    prod.extensions["db_engine"].dispose()


def test_development_keeps_the_console(database_url, monkeypatch):
    monkeypatch.delenv("PORTAL_MAIL_SERVER", raising=False)
    dev = _app(database_url, "development")
    assert dev.config["MAIL_SERVER"] is None
    dev.extensions["db_engine"].dispose()
