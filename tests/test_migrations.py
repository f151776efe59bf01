"""Alembic: one head, and `upgrade head` on an empty database equals the models."""
from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

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


def test_every_enum_column_has_its_check_constraint_after_upgrade(fresh_app):
    """A status/stage/state column accepts only its enum's values, in the database too
    (a later batch migration on SQLite could silently drop a CHECK: this notices)."""
    from sqlalchemy import Enum, inspect

    from portal.blueprints import all_blueprints

    all_blueprints()
    upgrade(fresh_app)
    inspector = inspect(fresh_app.extensions["db_engine"])
    missing = []
    for table in Base.metadata.sorted_tables:
        checks = {c["name"]: c["sqltext"] for c in inspector.get_check_constraints(table.name)}
        for column in table.columns:
            if isinstance(column.type, Enum):
                sql = checks.get(f"ck_{table.name}_{column.name}", "")
                if not all(f"'{value}'" in sql for value in column.type.enums):
                    missing.append(f"{table.name}.{column.name}")
    assert missing == []


def test_sqlite_copying_a_table_keeps_the_rows_that_point_to_it(tmp_path):
    """Batch mode on SQLite drops and recreates tables; foreign keys must be off meanwhile, or
    ON DELETE CASCADE empties the child tables (here: a coordinator's locations)."""
    if os.environ.get("PORTAL_TEST_DATABASE_URL"):
        return  # PostgreSQL alters tables in place; nothing is copied
    app = _fresh_app(tmp_path)
    try:
        upgrade(app, "2026_11_30_outbox")
        with app.extensions["db_engine"].begin() as conn:
            conn.execute(text("INSERT INTO region (id, name) VALUES (1, 'Noord')"))
            conn.execute(text("INSERT INTO location (id, code, name, city, region_id, active) "
                              "VALUES (1, 'ZDM', 'azc Zaandam', 'Zaandam', 1, 1)"))
            conn.execute(text(
                "INSERT INTO user (id, email, name, role, active, session_version, created_at) "
                "VALUES (1, 'c@example.org', 'C', 'coordinator', 1, 1, '2026-11-01 10:00:00')"))
            conn.execute(text("INSERT INTO coordinator_location (user_id, location_id) VALUES (1, 1)"))
        upgrade(app)
        with app.extensions["db_engine"].connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM coordinator_location")).scalar() == 1
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1  # on again
    finally:
        app.extensions["db_engine"].dispose()


def test_one_open_application_per_phone_index_stays_partial(fresh_app):
    """Only OPEN applications are unique per vacancy and phone: a later migration that copies
    the table must keep the WHERE, or a resident could never apply again after withdrawing."""
    upgrade(fresh_app)
    engine = fresh_app.extensions["db_engine"]
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            sql = conn.execute(text("SELECT sql FROM sqlite_master WHERE name = 'uq_application_open_phone'")).scalar()
        else:
            sql = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_application_open_phone'")).scalar()
    assert sql and "UNIQUE" in sql.upper() and "WHERE" in sql.upper() and "withdrawn" not in sql
