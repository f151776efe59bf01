"""Shared fixtures. One database per xdist worker (SQLite file, or a PostgreSQL database
when PORTAL_TEST_DATABASE_URL is set); tables are emptied between tests."""
from __future__ import annotations

import os
import socket
import threading

import pytest
from sqlalchemy import create_engine, text
from werkzeug.serving import make_server

import portal.models  # noqa: F401
from portal import clock, create_app
from portal.db import Base, make_engine
from tests import factories
from tests.csrf_client import CsrfClient

PG_URL = os.environ.get("PORTAL_TEST_DATABASE_URL")
IN_CI = os.environ.get("CI") == "true"


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "gw")


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    if PG_URL:
        base, _, dbname = PG_URL.rpartition("/")
        name = f"{dbname}_{_worker()}"
        admin = create_engine(f"{base}/{dbname}".replace("postgresql://", "postgresql+psycopg://"),
                              isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = f"{base}/{name}"
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    from portal.blueprints import all_blueprints

    all_blueprints()  # import every feature, so models imported only by views are known too
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def smtp_server():
    """A real SMTP server (aiosmtpd) that keeps what it receives."""
    from aiosmtpd.controller import Controller

    class Handler:
        def __init__(self):
            self.messages: list = []

        async def handle_DATA(self, server, session, envelope):
            from email import message_from_bytes, policy

            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
            return "250 OK"

    handler = Handler()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    controller.port_number = port
    controller.messages = handler.messages
    yield controller
    controller.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def app(database_url, smtp_server, tmp_path):
    overrides = {
        "ENV": "testing",
        "SECRET_KEY": "test-secret-key-not-for-production",
        "DATABASE_URL": database_url,
        "WTF_CSRF_ENABLED": True,  # the test client adds a valid token; csrf=False posts without
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": smtp_server.port_number,
        "BASE_URL": "https://werk.example.nl",
        "SERVER_NAME": None,
    }
    app = create_app(overrides)
    app.test_client_class = CsrfClient
    # pytest-flask keeps one app context (and so one `g`) around the whole test; in production
    # every request has its own. Forget per-request caches so each request is on its own.
    app.before_request_funcs.setdefault(None, []).insert(0, _fresh_request_state)
    _empty_tables(app)
    smtp_server.messages.clear()
    clock.move_to(None)
    with app.app_context():
        yield app
    clock.move_to(None)
    app.extensions["db_engine"].dispose()


def _fresh_request_state() -> None:
    import flask_babel
    from flask import g

    g.pop("_login_user", None)
    g.pop("locale", None)
    g.pop("csrf_token", None)  # flask-wtf caches the signed token (and its check) per request
    g.pop("csrf_valid", None)
    flask_babel.refresh()


def _empty_tables(app) -> None:
    engine = app.extensions["db_engine"]
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            conn.execute(text("PRAGMA foreign_keys=OFF"))
            for t in tables:  # table names from our own metadata, not from input
                conn.execute(text(f'DELETE FROM "{t}"'))  # noqa: S608
            conn.execute(text("DELETE FROM sqlite_sequence")) if _has_sequence(conn) else None
    if engine.dialect.name == "sqlite":
        # PRAGMA foreign_keys is a no-op inside a transaction, so switching it back on above
        # left this pooled connection without foreign keys for the whole test. New connections
        # get them from the connect hook (portal/db.py).
        engine.dispose()


def _has_sequence(conn) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM sqlite_master WHERE name='sqlite_sequence'")).first())


@pytest.fixture
def db_session(app):
    from portal import db

    return db.session


@pytest.fixture
def make(app):
    """Factories bound to the test database: make.user(...), make.organisation(...), ..."""
    return factories.Factory()


@pytest.fixture
def login(client):
    """login(user) signs the test client in as that user (two-factor done for staff);
    login(user, on=other_client) signs in another client."""
    from flask_login.utils import _create_identifier

    def _login(user, on=None):
        client_ = on or client
        with client_.application.test_request_context(environ_base=client_.environ_base):
            ident = _create_identifier()
        from flask import g

        g.pop("_login_user", None)
        with client_.session_transaction() as sess:
            sess["_user_id"] = user.get_id()
            sess["_fresh"] = True
            sess["_id"] = ident
            sess["2fa_ok"] = True
        return user

    return _login


@pytest.fixture
def mails(smtp_server):
    """Messages the real SMTP server received during this test."""
    return smtp_server.messages


def require_or_skip(condition: bool, reason: str) -> None:
    """Outside CI a missing tool skips; in CI it fails (a skipped browser or PostgreSQL test
    there would hide a broken feature)."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def serve(app):
    """serve(**overrides) runs the app (same database and settings as `app`) on a free port in
    a real threaded WSGI server and returns it (.url, .app)."""
    servers = []

    def _serve(**overrides):
        keys = ("ENV", "SECRET_KEY", "DATABASE_URL", "MAIL_SERVER", "MAIL_PORT", "BASE_URL")
        server_app = create_app({**{k: app.config[k] for k in keys},
                                 "WTF_CSRF_ENABLED": True, "RATELIMIT_ENABLED": False, **overrides})
        server = make_server("127.0.0.1", 0, server_app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        server.url = f"http://127.0.0.1:{server.server_port}"
        server.app = server_app
        servers.append(server)
        return server

    yield _serve
    for server in servers:
        server.shutdown()
        server.server_close()
        server.app.extensions["db_engine"].dispose()


@pytest.fixture
def live_server(serve):
    return serve()
