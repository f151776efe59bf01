"""Alembic: one head, and `upgrade head` on an empty database equals the models."""
from __future__ import annotations

import os

import pytest

from sqlalchemy import create_engine, text

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

import portal.models  # noqa: F401
from portal import create_app
from portal.db import Base
from portal.migrate import alembic_config, upgrade


def _fresh_app(tmp_path):
    """An empty database: SQLite, or a new PostgreSQL database in the PostgreSQL run."""
    pg = os.environ.get("PORTAL_TEST_DATABASE_URL")
    if pg:
        base, _, dbname = pg.rpartition("/")
        name = f"{dbname}_migr_{os.environ.get('PYTEST_XDIST_WORKER', 'gw')}"
        admin = create_engine(f"{base}/{dbname}".replace("postgresql://", "postgresql+psycopg://"),
                              isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = f"{base}/{name}"
    else:
        url = f"sqlite:///{tmp_path}/migrations.sqlite3"
    return create_app({"ENV": "testing", "SECRET_KEY": "x", "DATABASE_URL": url})


@pytest.fixture
def fresh_app(tmp_path):
    app = _fresh_app(tmp_path)
    yield app
    app.extensions["db_engine"].dispose()


def test_single_head(fresh_app):
    script = ScriptDirectory.from_config(alembic_config(fresh_app))
    assert len(script.get_heads()) == 1


def test_upgrade_head_matches_models(fresh_app):
    from portal.blueprints import all_blueprints

    all_blueprints()  # models that only views import must be in the migration too
    upgrade(fresh_app)
    engine = fresh_app.extensions["db_engine"]
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == [], diff


def test_migrations_run_twice_is_noop(fresh_app):
    upgrade(fresh_app)
    upgrade(fresh_app)  # idempotent: `make run` migrates on every start
