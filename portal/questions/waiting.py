"""How long an organisation has been waiting, counted in working days.

Working days are Monday to Friday in Amsterdam time. Public holidays are deliberately
ignored: the highlight is a nudge for the adviser, not a legal term, and a holiday table
would need yearly upkeep for little gain."""
from __future__ import annotations

from datetime import datetime, timedelta

from portal.clock import AMS

ANSWER_WORKING_DAYS = 2


def working_deadline(since: datetime, days: int = ANSWER_WORKING_DAYS) -> datetime:
    """The moment `days` working days after `since`. A question asked in the weekend
    starts counting on Monday 00:00."""
    local = since.astimezone(AMS)
    if local.weekday() >= 5:
        monday = local.date() + timedelta(days=7 - local.weekday())
        local = datetime(monday.year, monday.month, monday.day, tzinfo=AMS)
    day = local
    left = days
    while left:
        day += timedelta(days=1)
        if day.weekday() < 5:
            left -= 1
    # Re-attach the zone on the wall-clock time so a DST change does not shift the hour.
    return day.replace(tzinfo=AMS)


def is_overdue(since: datetime | None, now: datetime, days: int = ANSWER_WORKING_DAYS) -> bool:
    return since is not None and now > working_deadline(since, days)
