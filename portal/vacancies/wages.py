"""The statutory minimum wage (21+, per hour) as dated rows an admin extends. The vacancy
check, the guidance pages (`{{ minimum_wage }}`) and the admin warning all read this table."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from portal import db
from portal.clock import today
from portal.guidance.signals import page_values
from portal.templating import money, nice_date
from portal.vacancies.models import MinimumWage

# The statutory amounts change on 1 January and 1 July.
CHANGE_MONTHS = (1, 7)
# The coming change is flagged this long before it takes effect: the government publishes
# the new amounts a few months ahead, and a warning that is always on gets ignored.
COMING_LEAD_DAYS = 92


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


def rows_around(on: date) -> tuple[MinimumWage | None, MinimumWage | None]:
    """(the row in force on `on`, the next row the table already has): what a wage field
    shows next to it, since a vacancy that starts after the next change must pay that."""
    upcoming = db.session.scalars(
        select(MinimumWage).where(MinimumWage.valid_from > on)
        .order_by(MinimumWage.valid_from).limit(1)).first()
    return wage_row_on(on), upcoming


def change_dates(on: date) -> tuple[date, date]:
    """(the change day in force on `on`, the next change day after it)."""
    current = date(on.year, max(m for m in CHANGE_MONTHS if m <= on.month), 1)
    later = [date(on.year, m, 1) for m in CHANGE_MONTHS if date(on.year, m, 1) > on]
    coming = later[0] if later else date(on.year + 1, CHANGE_MONTHS[0], 1)
    return current, coming


def missing_change_dates(on: date | None = None) -> list[date]:
    """Change days the table has no row for: the one in force now, and the coming one once
    it is less than COMING_LEAD_DAYS away. Empty means the table is up to date. The admin
    home page and `portal tick` both report this list."""
    on = on or today()
    current, coming = change_dates(on)
    wanted = [current] + ([coming] if coming - on <= timedelta(days=COMING_LEAD_DAYS) else [])
    present = set(db.session.scalars(
        select(MinimumWage.valid_from).where(MinimumWage.valid_from.in_(wanted))))
    return [d for d in wanted if d not in present]


@page_values.connect
def _guidance_values(_sender) -> dict[str, str]:
    """`{{ minimum_wage }}` and `{{ minimum_wage_since }}` on guidance pages."""
    row = wage_row_on(today())
    if row is None:
        return {}
    return {"minimum_wage": money(row.cents_per_hour), "minimum_wage_since": nice_date(row.valid_from)}
