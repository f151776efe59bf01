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

from sqlalchemy import select

from portal import db
from portal.clock import today
from portal.organisations.models import Organisation, OrgStatus
from portal.regions.models import Location
from portal.vacancies.models import Vacancy, VacancyStatus

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


def probe(code: str, location_code: str | None) -> Probe | None:
    """One query: ids and the version of an open vacancy, or None (let the full view decide)."""
    loc_id = (select(Location.id).where(Location.code == location_code.upper()).scalar_subquery()
              if location_code else None)
    cols = [Vacancy.id, Vacancy.status, Vacancy.updated_at, Vacancy.closing_date, Organisation.status]
    if loc_id is not None:
        cols.append(loc_id.label("loc_id"))
    row = db.session.execute(
        select(*cols).join(Organisation, Vacancy.organisation_id == Organisation.id)
        .where(Vacancy.code == code.upper())
    ).first()
    if row is None or (location_code and row[-1] is None):
        return None
    day = today()
    is_open = (row[1] == VacancyStatus.published and row[3] >= day and row[4] == OrgStatus.approved)
    return Probe(vacancy_id=row[0], location_id=row[5] if location_code else None,
                 is_open=is_open, version=(row[2], day))


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
