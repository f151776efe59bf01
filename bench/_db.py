"""The bench scripts' databases, in one place: a fresh PostgreSQL database per script (dropped
and created again, so every run starts empty) or a SQLite file in a temporary folder.

PostgreSQL is reached through $BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/postgres), whose database is only used to drop and create
the bench database next to it."""
from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, text

PG_ADMIN = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def engine(url: str, **kwargs) -> Engine:
    """An engine for a postgresql:// URL as the portal writes it (psycopg 3 driver)."""
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://"), **kwargs)


def fresh_postgres(name: str) -> str:
    """Drop and create database `name` next to PG_ADMIN's; its URL."""
    admin = engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + "/" + name


def database(kind: str, tmp: str | Path, name: str) -> str:
    """"sqlite": a file in `tmp`; "postgresql": a fresh database `name`."""
    if kind == "sqlite":
        return f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
    return fresh_postgres(name)
