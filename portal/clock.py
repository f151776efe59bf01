"""One place for "now", so time-driven rules can be tested with a moved clock."""
from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")
_offset = None  # set by tests through move_to()


def utcnow() -> datetime:
    now = datetime.now(UTC)
    return now + _offset if _offset is not None else now


def today() -> date:
    """Business dates (closing dates, start dates) are Dutch calendar dates."""
    return utcnow().astimezone(AMS).date()


def move_to(moment: datetime | None) -> None:
    global _offset
    _offset = None if moment is None else moment - datetime.now(UTC)
