"""Alembic: one head, and `upgrade head` on an empty database equals the models."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

import portal.models  # noqa: F401
from portal import create_app
from portal.db import Base
from portal.migrate import alembic_config, upgrade


def _fresh_app(tmp_path):
    return create_app({"ENV": "testing", "SECRET_KEY": "x",
                       "DATABASE_URL": f"sqlite:///{tmp_path}/migrations.sqlite3"})


def test_single_head(tmp_path):
    script = ScriptDirectory.from_config(alembic_config(_fresh_app(tmp_path)))
    assert len(script.get_heads()) == 1


def test_upgrade_head_matches_models(tmp_path):
    app = _fresh_app(tmp_path)
    upgrade(app)
    engine = app.extensions["db_engine"]
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}),
                                Base.metadata)
    assert diff == [], diff


def test_migrations_run_twice_is_noop(tmp_path):
    app = _fresh_app(tmp_path)
    upgrade(app)
    upgrade(app)  # idempotent: `make run` migrates on every start
