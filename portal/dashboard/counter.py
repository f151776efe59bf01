"""The page-view counter on the QR landing page, without cookies or personal data.

Every poster scan lands here, so a scan must not wait for a database write (on SQLite several
workers would queue for the one write lock). Each worker process keeps a small tally in memory
and a background thread writes it every VIEW_FLUSH_SECONDS (5 by default) as upserts that add
to today's row (no SELECT first, no race between workers or instances). No count is lost when a
worker stops: a graceful stop or restart (SIGHUP/SIGTERM to gunicorn, max_requests) writes the
rest on the way out, and a tally that could not be written (database away) is kept for the next
round. Only a killed process (SIGKILL, a crash) loses its last few seconds — acceptable for a
statistic, never used for anything else. With VIEW_FLUSH_SECONDS = 0 (the default under test)
every view is written at once, in the request's own transaction."""
from __future__ import annotations

import atexit
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from flask import Flask, current_app
from sqlalchemy import bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from portal import db
from portal.apply.signals import vacancy_viewed
from portal.clock import today
from portal.dashboard.models import NO_LOCATION, VacancyView

log = logging.getLogger(__name__)

_INSERTS: dict[str, Callable[..., sqlite.Insert | postgresql.Insert]] = {
    "sqlite": sqlite.insert, "postgresql": postgresql.insert}
DEFAULT_FLUSH_SECONDS = 5

Key = tuple
_lock = threading.Lock()  # guards the tally
_writing = threading.Lock()  # one write at a time: the exit write waits for a running one
_tally: Counter = Counter()


def count_view(vacancy_id: int, language: str, location_id: int | None) -> bool:
    """Count one view. Returns True when it wrote to the session (the caller commits)."""
    key = (vacancy_id, (language or "")[:5], location_id or NO_LOCATION, today())
    with _lock:
        _tally[key] += 1
    interval = flush_seconds(current_app)
    if not interval:
        return flush()
    _writer.start(current_app, interval)
    return False


@vacancy_viewed.connect
def _vacancy_viewed(vacancy_id: int, *, language: str, location_id: int | None, **_kw) -> bool:
    return count_view(vacancy_id, language, location_id)


def flush_seconds(app: Flask) -> float:
    configured = app.config.get("VIEW_FLUSH_SECONDS")
    if configured in (None, ""):
        return 0 if app.testing else DEFAULT_FLUSH_SECONDS
    return float(configured)


def _take() -> list[tuple[Key, int]]:
    with _lock:
        items = list(_tally.items())
        _tally.clear()
    return items


def _give_back(items: Iterable[tuple[Key, int]]) -> None:
    with _lock:
        for key, n in items:
            _tally[key] += n


def _write(items: list[tuple[Key, int]], execute: Callable[..., Any], dialect: str) -> None:
    insert = _INSERTS[dialect]
    stmt = insert(VacancyView).values(
        vacancy_id=bindparam("v"), language=bindparam("lang"), location_id=bindparam("loc"),
        day=bindparam("day"), count=bindparam("n"),
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["vacancy_id", "language", "location_id", "day"],
        set_={"count": VacancyView.count + stmt.excluded.count},
    )
    # One order for every writer: two workers leaving together (a restart) upsert the same rows,
    # and in their own arrival order they would lock them crosswise and deadlock (PostgreSQL
    # aborts one; a worker on its way out then loses its tally).
    for (vacancy_id, language, location_id, day), n in sorted(items):
        execute(stmt, {"v": vacancy_id, "lang": language, "loc": location_id, "day": day, "n": n})


def flush() -> bool:
    """Write the tally into the request's database session (one upsert per key); the caller
    commits. Returns False when there was nothing to write."""
    items = _take()
    if not items:
        return False
    _write(items, db.session.execute, db.session.get_bind().dialect.name)
    return True


class _Writer:
    """The background writer of one worker process (started by its first counted view; a
    forked child starts its own)."""

    def __init__(self) -> None:
        self.pid: int | None = None
        self.app: Flask | None = None

    def start(self, app: Flask, interval: float) -> None:
        if self.pid == os.getpid():
            return
        with _lock:
            if self.pid == os.getpid():
                return
            self.pid, self.app = os.getpid(), app._get_current_object()  # type: ignore[attr-defined]
        threading.Thread(target=self._loop, args=(interval,), name="view-counter",
                         daemon=True).start()
        atexit.register(self.write_on_exit)  # sys.exit of a gunicorn worker runs it

    def _loop(self, interval: float) -> None:
        while True:
            time.sleep(interval)
            self.write_now()

    def write_now(self) -> int:
        """Write the tally in a transaction of its own; returns how many views were written."""
        if self.app is None or self.pid != os.getpid():
            return 0
        with _writing:
            items = _take()
            if not items:
                return 0
            try:
                with self.app.app_context():
                    engine = db.engine()
                    with engine.begin() as conn:
                        _write(items, conn.execute, engine.dialect.name)
            except SQLAlchemyError as exc:
                _give_back(items)  # the database is away: try again next round
                log.error("page views not written yet (%s); kept for the next round",
                          type(exc).__name__)
                return 0
        return sum(n for _key, n in items)


    def write_on_exit(self, attempts: int = 3) -> None:
        """The last write of a leaving worker: no next round to keep a tally for, so a failed
        write (the database busy for a moment) is tried again before the count is given up."""
        for attempt in range(attempts):
            self.write_now()
            with _lock:
                if not _tally:
                    return
            time.sleep(0.5 * (attempt + 1))
        log.error("page views lost on exit: the database could not be reached")


_writer = _Writer()
write_now = _writer.write_now
