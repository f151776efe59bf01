"""The few SQL expressions that differ between SQLite and PostgreSQL, and small helpers for
numbers SQL cannot aggregate portably (medians)."""
from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import Date, Integer, Text, case, cast, extract, func, literal_column, type_coerce
from sqlalchemy.sql import ColumnElement

from portal import db
from portal.clock import AMS
from portal.db import ColumnArg


def _dialect() -> str:
    return db.session.get_bind().dialect.name


def is_postgresql() -> bool:
    return _dialect() == "postgresql"


def seconds_between(start, end) -> ColumnElement:
    if _dialect() == "postgresql":
        return extract("epoch", end - start)
    return (func.julianday(end) - func.julianday(start)) * 86400.0


def days_between(start: ColumnArg, end: ColumnArg) -> ColumnElement:
    """Whole days between two DATE columns."""
    if _dialect() == "postgresql":
        return end - start
    return func.julianday(end) - func.julianday(start)


def _offsets(since: datetime, until: datetime) -> list[tuple[datetime | None, int]]:
    """Amsterdam's UTC offset in whole hours from `since` to `until`, as (valid before, hours)
    pairs: the last one has None (valid to the end). Found per day, then the hour."""
    def offset(moment: datetime) -> int:
        # An aware datetime in AMS always has an offset; `or` only satisfies the type.
        return int((moment.astimezone(AMS).utcoffset() or timedelta()).total_seconds() // 3600)

    result: list[tuple[datetime | None, int]] = []
    day = since.replace(minute=0, second=0, microsecond=0)
    current = offset(day)
    while day < until:
        nxt = day + timedelta(days=1)
        if offset(nxt) != current:
            change = next(day + timedelta(hours=h) for h in range(1, 25)
                          if offset(day + timedelta(hours=h)) != current)
            result.append((change, current))
            current = offset(change)
        day = nxt
    result.append((None, current))
    return result


def local_day(column: ColumnArg, since: datetime, until: datetime) -> ColumnElement:
    """The Dutch calendar day (a date) of a UTC moment between `since` and `until`, in the
    database: grouping by day keeps a year of applications to a few hundred groups.
    PostgreSQL knows the time zone (a cast to date: a quarter quicker than formatting text);
    SQLite gets a CASE with the offset between the daylight saving changes of the period (at
    most one change a half year), its 'YYYY-MM-DD' read back as a date. Constants are
    literals, so PostgreSQL sees the GROUP BY expression equal to the selected one."""
    if _dialect() == "postgresql":
        return cast(func.timezone(literal_column("'Europe/Amsterdam'"), column), Date)
    parts = _offsets(since, until)
    shifted = {hours: func.date(column, literal_column(f"'{hours:+d} hours'")) for _, hours in parts}
    if len(parts) == 1:
        return type_coerce(shifted[parts[0][1]], Date)
    return type_coerce(case(*[(column < literal_column(f"'{change:%Y-%m-%d %H:%M:%S.%f}'"), shifted[hours])
                              for change, hours in parts[:-1]], else_=shifted[parts[-1][1]]), Date)


def median(values: Iterable[float | None]) -> float | None:
    clean = [float(v) for v in values if v is not None]
    return statistics.median(clean) if clean else None


def _duration(seconds: float | None, unit: int) -> float | None:
    """A duration for people: one decimal, never below zero. Two moments stored a hair apart
    in the wrong order (clocks, julianday's floating point) once gave a median of "-0"; a
    wait cannot be negative, and + 0.0 turns -0.0 into 0.0."""
    if seconds is None:
        return None
    return round(max(seconds, 0.0) / unit, 1) + 0.0


def days(seconds: float | None) -> float | None:
    return _duration(seconds, 86400)


def hours(seconds: float | None) -> float | None:
    return _duration(seconds, 3600)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def materialized(stmt, name: str):
    """A WITH query worked out once (SQLite >= 3.35, PostgreSQL >= 12). As a plain subquery the
    database may copy its expressions into every outer use: a correlated subquery read in
    five CASEs was then evaluated five times per row."""
    return stmt.cte(name).prefix_with("MATERIALIZED")


def value_list(seconds: ColumnElement) -> ColumnElement:
    """An aggregate that hands all non-NULL durations of a group over as one text of whole
    seconds ("3600,0,86400"): SQLite sorts slowly (window functions over 100,000 rows took
    longer than the rest of the page), so medians and percentiles are taken in Python from
    one row instead. Whole seconds: exact enough for days with one decimal, and integers are
    written much faster than floats."""
    whole = cast(func.round(seconds), Integer)
    if _dialect() == "postgresql":
        return func.string_agg(cast(whole, Text), literal_column("','"))
    return func.group_concat(whole, literal_column("','"))


def parse_values(text: str | None) -> list[int]:
    return list(map(int, text.split(","))) if text else []
