"""The page-view counter on the QR landing page, without cookies or personal data.

Every poster scan lands here, so the counter must not make each scan wait for a database
write (on SQLite several workers would queue for the one write lock). Each worker keeps a
small in-memory tally and writes it every VIEW_FLUSH_SECONDS as upserts that add to today's
row (no SELECT first, no race between workers). A crashed worker loses at most those seconds
of page views — acceptable for a statistic, never used for anything else. With
VIEW_FLUSH_SECONDS = 0 (the default under test) every view is written at once."""
from __future__ import annotations

import threading
import time
from collections import Counter

from flask import current_app
from sqlalchemy import bindparam
from sqlalchemy.dialects import postgresql, sqlite

from portal import db
from portal.apply.signals import vacancy_viewed
from portal.clock import today
from portal.dashboard.models import NO_LOCATION, VacancyView

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
DEFAULT_FLUSH_SECONDS = 5

_lock = threading.Lock()
_tally: Counter = Counter()
_last_flush = time.monotonic()


def count_view(vacancy_id: int, language: str, location_id: int | None) -> bool:
    """Count one view. Returns True when it wrote to the session (the caller commits)."""
    key = (vacancy_id, (language or "")[:5], location_id or NO_LOCATION, today())
    with _lock:
        _tally[key] += 1
    interval = current_app.config.get("VIEW_FLUSH_SECONDS",
                                      0 if current_app.testing else DEFAULT_FLUSH_SECONDS)
    if interval and time.monotonic() - _last_flush < interval:
        return False
    return flush()


@vacancy_viewed.connect
def _vacancy_viewed(vacancy_id: int, *, language: str, location_id: int | None, **_kw) -> bool:
    return count_view(vacancy_id, language, location_id)


def flush() -> bool:
    """Write the tally to the database session (one upsert per key)."""
    global _last_flush
    with _lock:
        items = list(_tally.items())
        _tally.clear()
        _last_flush = time.monotonic()
    if not items:
        return False
    insert = _INSERTS[db.session.get_bind().dialect.name]
    stmt = insert(VacancyView).values(
        vacancy_id=bindparam("v"), language=bindparam("lang"), location_id=bindparam("loc"),
        day=bindparam("day"), count=bindparam("n"),
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["vacancy_id", "language", "location_id", "day"],
        set_={"count": VacancyView.count + stmt.excluded.count},
    )
    for (vacancy_id, language, location_id, day), n in items:
        db.session.execute(stmt, {"v": vacancy_id, "lang": language, "loc": location_id,
                                  "day": day, "n": n})
    return True
