"""The few SQL expressions that differ between SQLite and PostgreSQL, and small helpers for
numbers SQL cannot aggregate portably (medians)."""
from __future__ import annotations

import statistics
from datetime import date, datetime, timedelta, timezone
from typing import Iterable

from sqlalchemy import extract, func, literal_column
from sqlalchemy.sql import ColumnElement

from portal import db
from portal.db import ColumnArg
from portal.clock import AMS


def _dialect() -> str:
    return db.session.get_bind().dialect.name


def seconds_between(start, end) -> ColumnElement:
    if _dialect() == "postgresql":
        return extract("epoch", end - start)
    return (func.julianday(end) - func.julianday(start)) * 86400.0


def days_between(start: ColumnArg, end: ColumnArg) -> ColumnElement:
    """Whole days between two DATE columns."""
    if _dialect() == "postgresql":
        return end - start
    return func.julianday(end) - func.julianday(start)


def utc_hour(column: ColumnElement) -> ColumnElement:
    """'YYYY-MM-DD HH' of a UTC timestamp: grouping by hour keeps the number of groups small
    while Python can still put every hour on the right Dutch calendar day (DST moves by
    whole hours). Constants are literals: PostgreSQL only matches a GROUP BY expression to
    the selected one when they are written identically, bound parameters included."""
    if _dialect() == "postgresql":
        return func.to_char(func.timezone(literal_column("'UTC'"), column),
                            literal_column("'YYYY-MM-DD HH24'"))
    return func.strftime(literal_column("'%Y-%m-%d %H'"), column)


def hour_to_local_date(bucket: str) -> date:
    moment = datetime.strptime(bucket, "%Y-%m-%d %H").replace(tzinfo=timezone.utc)
    return moment.astimezone(AMS).date()


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


def sql_median(values) -> float | None:
    """The median of a one-column SELECT, computed in the database (window functions work on
    SQLite ≥ 3.25 and PostgreSQL), so thousands of values are not fetched into Python."""
    from sqlalchemy import or_, select

    sub = values.subquery()
    v = sub.c[0]
    ranked = select(v.label("v"), func.row_number().over(order_by=v).label("rn"),
                    func.count().over().label("n")).where(v.is_not(None)).subquery()
    result = db.session.scalar(select(func.avg(ranked.c.v)).where(or_(
        ranked.c.rn == (ranked.c.n + 1) // 2, ranked.c.rn == (ranked.c.n + 2) // 2)))
    return None if result is None else float(result)
