"""A per-worker cache of the rendered QR landing page of OPEN vacancies.

The landing page is the hot path (every poster scan). One small SELECT reads what decides
whether the page may change — the vacancy's status and last change, the organisation's status,
today's date — and the rendered HTML is reused while those are the same. A suspended or closed
vacancy therefore never shows from cache: the version changes at once. Names that can change
without touching the vacancy (organisation, azc) are bounded by a short time to live.
Nothing personal is on the page, so sharing it between readers is safe."""
from __future__ import annotations

import atexit
import functools
import os
import threading
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, literal_column, select

from portal import db
from portal.clock import today
from portal.organisations.models import Organisation
from portal.regions.models import Location
from portal.vacancies.models import Vacancy
from portal.vacancies.queries import open_clause

TTL_SECONDS = 60
MAX_ENTRIES = 2000

_lock = threading.Lock()
_pages: dict[tuple, tuple[tuple, float, str]] = {}


@dataclass(frozen=True)
class Probe:
    vacancy_id: int
    location_id: int | None
    is_open: bool
    version: tuple


def _statement(day: date, code: str, loc: str):
    # The "is it open" column is THE rule (vacancies.queries.open_clause), not a copy of it.
    return (select(Vacancy.id, Vacancy.updated_at, open_clause(on=day).label("is_open"),
                   select(Location.id).where(Location.code == literal_column(loc))
                   .scalar_subquery())
            .join(Organisation, Vacancy.organisation_id == Organisation.id)
            .where(Vacancy.code == literal_column(code)))


@functools.lru_cache(maxsize=8)
def _probe_sql(dialect, day: date) -> str:
    """The statement as plain driver SQL, compiled once a day per database: the date and the
    status values are literals, the codes driver parameters (named: psycopg and sqlite3 both
    take a dict)."""
    sql = str(_statement(day, "__code__", "__loc__").compile(
        dialect=dialect, compile_kwargs={"literal_binds": True}))
    style = "%({})s" if dialect.paramstyle == "pyformat" else ":{}"
    return sql.replace("__code__", style.format("code")).replace("__loc__", style.format("loc"))


def probe(code: str, location_code: str | None) -> Probe | None:
    """One query: ids and the version of the vacancy, or None (let the full view decide).
    Plain driver SQL on a pooled connection of its own, on purpose: this runs on every poster
    scan, the ORM's (and even Core's) statement machinery costs more than the query itself,
    and a cache hit then never opens a session."""
    loc = location_code.upper() if location_code else None
    day = today()
    engine = db.engine()
    sql, params = _probe_sql(engine.dialect, day), {"code": code.upper(), "loc": loc}
    try:
        row = _kept.fetch_one(engine, sql, params)
    except engine.dialect.loaded_dbapi.Error:
        _kept.drop()  # e.g. the server restarted; the pooled path below reconnects (pre-ping)
        with engine.connect() as conn:  # and its errors are SQLAlchemy's (a 503 page)
            row = conn.exec_driver_sql(sql, params).first()
    if row is None or (loc and row[3] is None):
        return None
    # Driver values: SQLite gives 0/1 and text, PostgreSQL booleans and datetimes.
    return Probe(vacancy_id=row[0], location_id=row[3] if loc else None,
                 is_open=bool(row[2]), version=(str(row[1]), day.isoformat()))


class _Kept:
    """One driver connection per process for the probe, kept between scans in autocommit: no
    pool checkout, no pre-ping, no ROLLBACK afterwards, so on PostgreSQL a scan costs one round
    trip instead of three. It is detached from the pool (its autocommit never reaches another
    user) and used under a lock (a sync worker runs one request at a time anyway)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.conn: Any = None  # the driver's own connection (sqlite3 or psycopg)
        self.engine: Engine | None = None
        self.pid = 0
        self.inherited: list = []  # a parent's connection after a fork: never used, never closed

    def fetch_one(self, engine, sql: str, params: dict):
        with self.lock:
            if self.conn is None or self.engine is not engine or self.pid != os.getpid():
                self._close_or_leave()
                fairy = engine.raw_connection()
                fairy.detach()
                self.conn, self.engine, self.pid = fairy.dbapi_connection, engine, os.getpid()
                if engine.dialect.name == "postgresql":
                    self.conn.autocommit = True
            cursor = self.conn.cursor()
            try:
                cursor.execute(sql, params)
                rows = cursor.fetchall()  # all: SQLite ends the read (and its snapshot) here
            finally:
                cursor.close()
            return rows[0] if rows else None

    def drop(self) -> None:
        with self.lock:
            self._close_or_leave()

    def _close_or_leave(self) -> None:
        conn, self.conn = self.conn, None
        if conn is None:
            return
        if self.pid != os.getpid():
            self.inherited.append(conn)  # closing it would end the parent's session too
            return
        try:
            conn.close()
        except Exception:  # noqa: BLE001, S110 - broken already; only forget it
            pass


_kept = _Kept()
atexit.register(_kept.drop)


def get(key: tuple, version: tuple) -> str | None:
    entry = _pages.get(key)
    if entry is None:
        return None
    stored_version, stored_at, html = entry
    if stored_version != version or time.monotonic() - stored_at > TTL_SECONDS:
        return None
    return html


def put(key: tuple, version: tuple, html: str) -> None:
    with _lock:
        if len(_pages) >= MAX_ENTRIES:
            _pages.clear()  # crude but bounded; a full cache refills from a few scans
        _pages[key] = (version, time.monotonic(), html)


def clear() -> None:
    with _lock:
        _pages.clear()
