"""The page-view counter on the QR landing page. It runs on the hot path, so it is one
statement: an upsert that adds 1 to today's row (no SELECT first, no race between workers)."""
from __future__ import annotations

from sqlalchemy.dialects import postgresql, sqlite

from portal import db
from portal.clock import today
from portal.dashboard.models import NO_LOCATION, VacancyView

_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def count_view(vacancy_id: int, language: str, location_id: int | None) -> None:
    """Count one view; flushes nothing else and never commits (the view does)."""
    insert = _INSERTS[db.session.get_bind().dialect.name]
    stmt = insert(VacancyView).values(
        vacancy_id=vacancy_id, language=(language or "")[:5],
        location_id=location_id or NO_LOCATION, day=today(), count=1,
    )
    stmt = stmt.on_conflict_do_update(
        index_elements=["vacancy_id", "language", "location_id", "day"],
        set_={"count": VacancyView.count + 1},
    )
    db.session.execute(stmt)
