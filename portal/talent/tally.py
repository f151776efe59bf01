"""Counts of the talent pool per month, azc and event, written when the event happens (the
rows they are about may be erased the next minute). One upsert per event: two requests
counting at the same moment both count (ON CONFLICT adds, on SQLite and PostgreSQL alike)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite

from portal import db
from portal.clock import AMS, utcnow
from portal.regions.models import Location
from portal.talent.models import TalentTally, TallyKind

_INSERTS: dict[str, Callable[..., sqlite.Insert | postgresql.Insert]] = {
    "sqlite": sqlite.insert, "postgresql": postgresql.insert}


def month_of(moment: datetime) -> date:
    """The first day of the Dutch calendar month the moment falls in."""
    return moment.astimezone(AMS).date().replace(day=1)


def count(kind: TallyKind, location_id: int, *, n: int = 1, when: datetime | None = None) -> None:
    """Add n to the month's count of `kind` at the azc. Flushes nothing else; never commits."""
    region_id = db.session.scalar(select(Location.region_id).where(Location.id == location_id))
    if region_id is None:
        return  # a location that is gone counts nowhere
    insert = _INSERTS[db.session.get_bind().dialect.name]
    stmt = insert(TalentTally).values(month=month_of(when or utcnow()), location_id=location_id,
                                      kind=kind, region_id=region_id, count=n)
    stmt = stmt.on_conflict_do_update(index_elements=["month", "location_id", "kind"],
                                      set_={"count": TalentTally.count + stmt.excluded.count})
    db.session.execute(stmt)
