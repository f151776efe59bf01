"""One holder at a time, across processes and hosts: two `portal tick` runs started together
(cron on two hosts, or a slow tick overlapping the next) must not do the same work twice.

PostgreSQL: a session-level advisory lock (pg_try_advisory_lock) on a connection of its own,
released when the block ends or, if the process dies, when its connection closes.
SQLite (one host by nature): an flock on a file next to the database file, released by the
kernel when the process dies. Neither blocks: a second holder is told no and goes away."""
from __future__ import annotations

import fcntl
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import current_app
from sqlalchemy import text

from portal import db


@contextmanager
def exclusive(name: str) -> Iterator[bool]:
    """`with exclusive("tick") as mine:` — mine is False when someone else holds it."""
    engine = db.engine()
    if engine.dialect.name == "postgresql":
        with _advisory(engine, name) as mine:
            yield mine
    else:
        with _lock_file(_lock_path(engine, name)) as mine:
            yield mine


def _key(name: str) -> int:
    """A stable signed 64-bit key for the name (advisory locks are numbered)."""
    return int.from_bytes(hashlib.sha256(f"portal:{name}".encode()).digest()[:8], "big", signed=True)


@contextmanager
def _advisory(engine, name: str) -> Iterator[bool]:
    key = _key(name)
    with engine.connect() as conn:
        mine = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar())
        conn.commit()
        try:
            yield mine
        finally:
            if mine:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()


def _lock_path(engine, name: str) -> Path:
    database = engine.url.database
    if database and database != ":memory:":
        return Path(f"{database}.{name}.lock")
    return Path(current_app.instance_path) / f"{name}.lock"


@contextmanager
def _lock_file(path: Path) -> Iterator[bool]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
