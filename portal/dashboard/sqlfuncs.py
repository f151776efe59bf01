"""The few SQL expressions that differ between SQLite and PostgreSQL, and small helpers for
numbers SQL cannot aggregate portably (medians)."""
from __future__ import annotations

import statistics
from datetime import date, datetime, timedelta, timezone
from typing import Iterable

from sqlalchemy import func, literal_column
from sqlalchemy.sql import ColumnElement

from portal import db
from portal.clock import AMS


def _dialect() -> str:
    return db.session.get_bind().dialect.name


def seconds_between(start, end) -> ColumnElement:
    if _dialect() == "postgresql":
        return func.extract("epoch", end - start)
    return (func.julianday(end) - func.julianday(start)) * 86400.0


def days_between(start: ColumnElement, end: ColumnElement) -> ColumnElement:
    """Whole days between two DATE columns."""
    if _dialect() == "postgresql":
        return end - start
    return func.julianday(end) - func.julianday(start)


def utc_hour(column: ColumnElement) -> ColumnElement:
    """'YYYY-MM-DD HH' of a UTC timestamp: grouping by hour keeps the number of groups small
    while Python can still put every hour on the right Dutch calendar day (DST moves by
    whole hours)."""
    if _dialect() == "postgresql":
        return func.to_char(func.timezone("UTC", column), literal_column("'YYYY-MM-DD HH24'"))
    return func.strftime("%Y-%m-%d %H", column)


def hour_to_local_date(bucket: str) -> date:
    moment = datetime.strptime(bucket, "%Y-%m-%d %H").replace(tzinfo=timezone.utc)
    return moment.astimezone(AMS).date()


def median(values: Iterable[float | None]) -> float | None:
    clean = [float(v) for v in values if v is not None]
    return statistics.median(clean) if clean else None


def days(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 86400, 1)


def hours(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 1)


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
