"""Slots are computed, not stored: a series runs on certain Dutch calendar days, each day is
cut into slots of slot_minutes from start_time to end_time (Dutch wall-clock time, so a slot
at 10:00 stays at 10:00 across a clock change). A slot has a key for URLs: S<series>T<UTC>."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from portal import db
from portal.activities.times import local_moment
from portal.clock import AMS
from portal.werkbalie.models import Appointment, AppointmentStatus, SlotSeries

KEY = re.compile(r"^S(\d{1,9})T(\d{12})$")
MAX_DAYS = 184  # a series runs at most half a year ahead


@dataclass(frozen=True)
class Slot:
    series: SlotSeries
    starts_at: datetime
    ends_at: datetime

    @property
    def key(self) -> str:
        return f"S{self.series.id}T{self.starts_at.astimezone(UTC):%Y%m%d%H%M}"

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(AMS)


def runs_on(series: SlotSeries, day: date) -> bool:
    if not series.first_day <= day <= series.last_day:
        return False
    return series.weekday is None or day.weekday() == series.weekday


def slots_on(series: SlotSeries, day: date) -> list[Slot]:
    if not runs_on(series, day):
        return []
    out = []
    start, end = local_moment(day, series.start_time), local_moment(day, series.end_time)
    if start is None or end is None:
        return []  # desk hours inside the hour the clock skips: none that night
    step = timedelta(minutes=series.slot_minutes)
    while start + step <= end:
        out.append(Slot(series, start, start + step))
        start += step
    return out


def taken(series_ids: list[int], since: datetime, until: datetime) -> set[tuple[int, datetime]]:
    rows = db.session.execute(select(Appointment.series_id, Appointment.starts_at).where(
        Appointment.series_id.in_(series_ids), Appointment.starts_at >= since,
        Appointment.starts_at < until, Appointment.status != AppointmentStatus.cancelled)).all()
    return {(series_id, starts) for series_id, starts in rows}


def active_series(location_id: int, first: date, last: date) -> list[SlotSeries]:
    return list(db.session.scalars(select(SlotSeries).where(
        SlotSeries.location_id == location_id, SlotSeries.active.is_(True),
        SlotSeries.first_day <= last, SlotSeries.last_day >= first).order_by(SlotSeries.id)))


def free_slots(location_id: int, now: datetime, days: int = 28) -> list[Slot]:
    """Free slots at an azc from now on, for `days` days, in time order."""
    first = now.astimezone(AMS).date()
    last = first + timedelta(days=days)
    series = active_series(location_id, first, last)
    if not series:
        return []
    busy = taken([s.id for s in series], now, now + timedelta(days=days + 1))
    found = []
    for n in range(days + 1):
        day = first + timedelta(days=n)
        for s in series:
            found += [slot for slot in slots_on(s, day)
                      if slot.starts_at > now and (s.id, slot.starts_at) not in busy]
    return sorted(found, key=lambda slot: (slot.starts_at, slot.series.id))


def from_key(key: str) -> tuple[int, datetime] | None:
    match = KEY.match(key or "")
    if not match:
        return None
    try:
        moment = datetime.strptime(match.group(2), "%Y%m%d%H%M").replace(tzinfo=UTC)
    except ValueError:
        return None
    return int(match.group(1)), moment


def find(key: str) -> Slot | None:
    """The slot a key names, if it is a real slot of an active series (free or not)."""
    parsed = from_key(key)
    if parsed is None:
        return None
    series = db.session.get(SlotSeries, parsed[0])
    if series is None or not series.active:
        return None
    day = parsed[1].astimezone(AMS).date()
    return next((s for s in slots_on(series, day) if s.starts_at == parsed[1]), None)


def overlaps(a: SlotSeries, b: SlotSeries) -> date | None:
    """The first day on which both run at overlapping times, or None."""
    if not (a.start_time < b.end_time and b.start_time < a.end_time):
        return None
    first, last = max(a.first_day, b.first_day), min(a.last_day, b.last_day)
    day = first
    while day <= last:
        if runs_on(a, day) and runs_on(b, day):
            return day
        day += timedelta(days=1)
    return None
