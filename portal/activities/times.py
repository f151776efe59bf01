"""Dutch wall-clock times of sessions and desk hours, and how they read on a page.

Staff type a date and a time in Amsterdam; the database keeps UTC. On the night the clocks go
forward the hour 02:00-03:00 does not exist: such a time is refused, never silently moved."""
from __future__ import annotations

from datetime import UTC, date, datetime, time

from flask_babel import format_datetime

from portal.clock import AMS


def local_moment(day: date, at: time) -> datetime | None:
    """The UTC moment of a Dutch date and time, or None when that time does not exist there."""
    moment = datetime.combine(day, at, AMS)
    back = moment.astimezone(UTC).astimezone(AMS)
    if (back.date(), back.time()) != (day, at):
        return None
    return moment.astimezone(UTC)


def when(starts_at: datetime, ends_at: datetime | None = None) -> str:
    """"zaterdag 27 maart 2027, 10:00–12:30" in the language of the page (Dutch time)."""
    text = str(format_datetime(starts_at, "EEEE d MMMM y, HH:mm"))
    if ends_at is not None:
        text += "–" + str(format_datetime(ends_at, "HH:mm"))
    return text


def short_when(starts_at: datetime) -> str:
    """"za 27 mrt 10:00": for text messages and lists."""
    return str(format_datetime(starts_at, "EEE d MMM HH:mm"))
