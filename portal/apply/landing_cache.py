"""A per-worker cache of the rendered QR landing page of OPEN vacancies.

The landing page is the hot path (every poster scan). One small SELECT reads what decides
whether the page may change — the vacancy's status and last change, the organisation's status,
today's date — and the rendered HTML is reused while those are the same. A suspended or closed
vacancy therefore never shows from cache: the version changes at once. Names that can change
without touching the vacancy (organisation, azc) are bounded by a short time to live.
Nothing personal is on the page, so sharing it between readers is safe."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from portal import db
from portal.clock import today
from portal.organisations.models import OrgStatus
from portal.vacancies.models import VacancyStatus

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


_PROBE = (
    "SELECT v.id, v.status, v.updated_at, v.closing_date, o.status, "
    "(SELECT l.id FROM location l WHERE l.code = %(loc)s) "
    "FROM vacancy v JOIN organisation o ON o.id = v.organisation_id WHERE v.code = %(code)s"
)
_PUBLISHED, _APPROVED = VacancyStatus.published.value, OrgStatus.approved.value


def probe(code: str, location_code: str | None) -> Probe | None:
    """One query: ids and the version of the vacancy, or None (let the full view decide).
    Plain driver SQL on purpose: this runs on every poster scan, and the ORM's statement
    machinery costs more than the query itself. Values are compared as text, so it does not
    matter that SQLite returns dates as strings and PostgreSQL as date objects."""
    loc = location_code.upper() if location_code else None
    engine = db.engine()
    sql = _PROBE if engine.dialect.paramstyle == "pyformat" else _PROBE.replace(
        "%(loc)s", ":loc").replace("%(code)s", ":code")
    # A pooled connection of its own: a cache hit then never opens an ORM session.
    with engine.connect() as conn:
        row = conn.exec_driver_sql(sql, {"code": code.upper(), "loc": loc}).first()
    if row is None or (loc and row[5] is None):
        return None
    day = today().isoformat()
    is_open = row[1] == _PUBLISHED and str(row[3]) >= day and row[4] == _APPROVED
    return Probe(vacancy_id=row[0], location_id=row[5] if loc else None,
                 is_open=is_open, version=(str(row[2]), day))


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
