"""Overdue TWV cancellations on the dashboard follow the adviser list's rule to the day."""
from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from portal import clock, db
from portal.accounts.models import Role
from portal.clock import AMS
from portal.dashboard import queries_work
from portal.dashboard.queries import Scope
from portal.placements import queries as placement_queries
from portal.placements.models import Placement, TwvState
from portal.vacancies.models import ContractType


@pytest.mark.parametrize("late_evening", [False, True])
def test_overdue_matches_the_cancellations_list(make, db_session, late_evening):
    clock.move_to(datetime(2026, 3, 16, 10, 0, tzinfo=UTC))
    region = make.region()
    adviser = make.user(Role.adviser, region=region)
    org = make.organisation(region)
    vac = make.vacancy(org)
    day = clock.today()
    # reported 8..12 days ago (at 23:30 Dutch time: the UTC date is a day earlier in summer
    # and winter alike), some with an end date after the report
    for age in range(8, 13):
        for end_shift in (None, 0, 2):
            reported = day - timedelta(days=age)
            moment = datetime.combine(reported, time(23, 30) if late_evening else time(9, 0), AMS)
            end = None if end_shift is None else reported + timedelta(days=end_shift)
            db.session.add(Placement(
                application=make.application(vac), organisation=org, vacancy=vac,
                start_date=reported - timedelta(days=30), hours_per_week=20,
                contract_type=ContractType.temporary, twv_needed=True,
                twv_state=TwvState.cancellation_requested, end_date=end,
                cancellation_requested_at=moment.astimezone(UTC)))
    db_session.commit()
    rows = placement_queries.awaiting_cancellation(adviser, day)
    figures = queries_work.placements(Scope(start=day - timedelta(days=90), end=day,
                                            region_id=region.id))
    assert figures["cancellations_pending"] == len(rows) == 15
    assert figures["cancellations_overdue"] == sum(1 for _p, _age, overdue in rows if overdue)
    assert 0 < figures["cancellations_overdue"] < 15
