"""The statutory minimum wage (21+, per hour) as dated rows an admin extends."""
from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from portal import db
from portal.clock import today
from portal.vacancies.models import MinimumWage

# The admin screen warns when the newest row is older than this: a new half-year has started.
STALE_AFTER_DAYS = 183


def wage_row_on(day: date) -> MinimumWage | None:
    """The row in force on `day`: the greatest valid_from that is not after it."""
    return db.session.scalars(
        select(MinimumWage).where(MinimumWage.valid_from <= day)
        .order_by(MinimumWage.valid_from.desc()).limit(1)
    ).first()


def minimum_wage_on(day: date) -> int | None:
    """Cents per hour on `day`, or None when the table has no row that early."""
    row = wage_row_on(day)
    return row.cents_per_hour if row else None


def newest_wage_row_age_days(on: date | None = None) -> int | None:
    """Days since the newest row took effect (None: empty table). Over STALE_AFTER_DAYS
    usually means a 1 January or 1 July change has not been entered."""
    newest = db.session.scalar(select(func.max(MinimumWage.valid_from)))
    if newest is None:
        return None
    return ((on or today()) - newest).days


def newest_wage_row_is_stale(on: date | None = None) -> bool:
    age = newest_wage_row_age_days(on)
    return age is None or age > STALE_AFTER_DAYS
