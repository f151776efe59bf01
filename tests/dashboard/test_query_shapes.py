"""The dashboard's grouped queries (two periods in one pass, several figures in one row, Dutch
days grouped in the database) give what a straightforward count over the rows in Python gives,
on a small random world: placements with every end and TWV state, applications around a
daylight saving change, vacancies open and closed on either side of the reference days."""
from __future__ import annotations

import random
import statistics
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from portal import clock, db
from portal.applicants.models import (
    Application,
    ApplicationEvent,
    ApplicationSource,
    ResidenceStatus,
    Stage,
)
from portal.clock import AMS
from portal.dashboard import queries, queries_glance, queries_stalls, queries_work
from portal.dashboard.queries import NO_AZC, RANK, Scope
from portal.dashboard.sqlfuncs import week_start
from portal.placements.models import EndReason, Placement, TwvState
from portal.vacancies.models import Vacancy, VacancyStatus

NOW = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)


@pytest.fixture
def world(make, db_session):
    clock.move_to(NOW)
    rng = random.Random(16)
    region, elsewhere = make.region("Regio Vorm"), make.region("Regio Elders")
    azcs = [make.location(region), make.location(region), make.location(elsewhere), None]
    orgs = [make.organisation(region), make.organisation(region), make.organisation(elsewhere)]
    orgs[0].sector, orgs[1].sector, orgs[2].sector = "logistiek", "horeca", "logistiek"

    def moment(first: date, last: date) -> datetime:
        seconds = rng.randint(0, int((last - first).total_seconds()) + 86399)
        return datetime.combine(first, datetime.min.time(), UTC) + timedelta(seconds=seconds)

    vacancies = []
    for n in range(12):
        closed = moment(date(2025, 12, 1), date(2026, 3, 20)) if n % 3 else None
        vacancies.append(make.vacancy(
            orgs[n % 3], [loc for loc in azcs[:2] if rng.random() < 0.6],
            status=rng.choice(list(VacancyStatus)), published_at=moment(date(2025, 9, 1), date(2026, 3, 15)),
            closed_at=closed, closing_date=date(2026, 1, 1) + timedelta(days=rng.randint(-30, 120))))
    for _n in range(60):
        app = make.application(
            rng.choice(vacancies), azc_location_id=(loc := rng.choice(azcs)) and loc.id,
            created_at=moment(date(2025, 10, 20), date(2026, 3, 15)),
            source=rng.choice(list(ApplicationSource)), residence_status=rng.choice(list(ResidenceStatus)))
        _history(app, rng)
        if rng.random() < 0.7:
            start = app.created_at.date() + timedelta(days=rng.randint(-3, 60))
            end = start + timedelta(days=rng.randint(0, 130)) if rng.random() < 0.5 else None
            applied = start - timedelta(days=rng.randint(0, 50)) if rng.random() < 0.8 else None
            make.placement(
                app, twv_state=rng.choice(list(TwvState)), start_date=start, end_date=end,
                end_reason=end and rng.choice(list(EndReason)), twv_applied_on=applied,
                twv_decided_on=applied + timedelta(days=rng.randint(0, 60)) if applied and rng.random() < 0.6 else None,
                created_at=moment(date(2025, 10, 20), date(2026, 3, 15)))
    db_session.commit()
    return region, azcs


LADDER = [Stage.contacted, Stage.tour, Stage.assessment, Stage.offer, Stage.hired]


def _history(app: Application, rng: random.Random) -> None:
    """Steps up the ladder, sometimes two at one moment, one recorded a second before the
    application, an ending, a step back to "new"; some applications without any history."""
    when, stage = app.created_at, Stage.new
    for _n in range(rng.choice([0, 1, 2, 3, 5])):
        when += timedelta(seconds=rng.choice([0, -1, 3600, rng.randint(1, 20 * 86400)]))
        to = rng.choice([*LADDER, Stage.rejected, Stage.new])
        db.session.add(ApplicationEvent(application=app, from_stage=stage, to_stage=to, created_at=when))
        stage = to
    app.stage = stage


SCOPES = [dict(), dict(sector="logistiek"), dict(residence="status_holder"), dict(source="poster")]


def _scope(region, **kw) -> Scope:
    return Scope(start=date(2026, 1, 5), end=date(2026, 3, 15), region_id=region.id, **kw)


def _placements(scope: Scope) -> list[Placement]:
    """The placements the scope's filters select, read one by one."""
    result = []
    for p in db.session.scalars(select(Placement)):
        a = p.application
        if p.organisation.region_id != scope.region_id or scope.sector not in (None, p.organisation.sector):
            continue
        if scope.location_id is not None and a.azc_location_id != scope.location_id:
            continue
        if scope.residence not in (None, a.residence_status.value) or scope.source not in (None, a.source.value):
            continue
        result.append(p)
    return result


def _started(p: Placement) -> bool:
    return p.end_reason != EndReason.not_started


def _lasted(p: Placement, n_days: int) -> bool:
    return p.end_date is None or (p.end_date - p.start_date).days >= n_days


def _marks(scope: Scope, ps: list[Placement], n_days: int) -> tuple[list, list]:
    reached = [p for p in ps if _started(p) and scope.start - timedelta(days=n_days) <= p.start_date
               <= scope.reference_day() - timedelta(days=n_days)]
    return reached, [p for p in reached if _lasted(p, n_days)]


def _band_by_hand(scope: Scope) -> dict:
    ps, day = _placements(scope), scope.reference_day()
    working = [p for p in ps if p.start_date <= day and _started(p) and (p.end_date is None or p.end_date >= day)]
    started = [p for p in ps if scope.start <= p.start_date <= scope.end]
    reached, still = _marks(scope, ps, 91)
    waits = [max((p.start_date - p.application.created_at.astimezone(AMS).date()).days, 0)
             for p in started if _started(p)]
    end_of_day = datetime.combine(day + timedelta(days=1), datetime.min.time(), AMS)
    open_vacancies = sum(
        1 for v in db.session.scalars(select(Vacancy))
        if v.organisation.region_id == scope.region_id and scope.sector in (None, v.organisation.sector)
        and v.status != VacancyStatus.draft and v.published_at < end_of_day and v.closing_date >= day
        and (v.closed_at is None or v.closed_at >= end_of_day))
    per_azc: dict = defaultdict(Counter)
    for name, rows in (("started", started), ("working", working), ("reached_3m", reached), ("still_3m", still)):
        for p in rows:
            per_azc[p.application.azc_location_id or NO_AZC][name] += 1
    return {"working": len(working), "employers": len({p.organisation_id for p in working}),
            "hired": len(started), "reached": len(reached), "still": len(still),
            "open_vacancies": open_vacancies,
            "median_days_to_start": float(statistics.median(waits)) if waits else None,
            "per_azc": {k: dict(c) for k, c in per_azc.items()}}


def _band_of(figures: dict) -> dict:
    kept = figures["retained_3m"]
    return {"working": figures["working"], "employers": figures["employers"], "hired": figures["hired"],
            "reached": kept["reached"], "still": kept["still"], "open_vacancies": figures["open_vacancies"],
            "median_days_to_start": figures["median_days_to_start"],
            "per_azc": {k: {n: v for n, v in c.items() if v} for k, c in figures["per_azc"].items()
                        if any(c.values())}}


@pytest.mark.parametrize("filters", SCOPES)
def test_the_period_and_the_one_before_counted_together_equal_a_count_by_hand(world, filters):
    region, azcs = world
    scope = _scope(region, **filters)
    together = queries_glance.bands([scope, scope.previous()])
    assert [_band_of(b) for b in together] == [_band_by_hand(scope), _band_by_hand(scope.previous())]
    assert together[0]["hired"] > 0 and together[1]["working"] > 0  # the world is not empty
    with pytest.raises(ValueError):
        queries_glance.bands([scope, _scope(region, location_id=azcs[0].id)])


@pytest.mark.parametrize("filters", [*SCOPES, dict(location_id="first")])
def test_placements_and_permits_in_one_pass_equal_a_count_by_hand(world, filters):
    region, azcs = world
    if filters.get("location_id") == "first":
        filters = dict(location_id=azcs[0].id)
    scope = _scope(region, **filters)
    ps, figures = _placements(scope), queries_work.placements(scope)
    for name, n_days in (("six_weeks", 42), ("three_months", 91)):
        reached, still = _marks(scope, ps, n_days)
        assert (figures[name]["reached"], figures[name]["still"]) == (len(reached), len(still))
    assert figures["started"] == sum(1 for p in ps if scope.start <= p.start_date <= scope.end)

    day = clock.today()
    to_apply = [max((day - p.created_at.astimezone(AMS).date()).days, 0)
                for p in ps if p.twv_state == TwvState.to_apply]
    applied = [p for p in ps if p.twv_state == TwvState.applied]
    waiting = [max((day - p.twv_applied_on).days, 0) for p in applied if p.twv_applied_on]
    decided = sorted(max((p.twv_decided_on - p.twv_applied_on).days, 0) for p in ps
                     if p.twv_applied_on and p.twv_decided_on and scope.start <= p.twv_decided_on <= scope.end)
    twv = queries_stalls.twv_steps(scope)
    assert twv["to_apply"]["now"] == len(to_apply) and twv["applied"]["now"] == len(applied)
    assert twv["to_apply"]["median_days_waiting"] == (float(statistics.median(to_apply)) if to_apply else None)
    assert twv["applied"]["median_days_waiting"] == (float(statistics.median(waiting)) if waiting else None)
    assert twv["decided"]["n"] == len(decided)
    assert twv["decided"]["median_days"] == (float(statistics.median(decided)) if decided else None)
    assert twv["decided"]["slowest_days"] == queries_stalls.slowest_tenth(decided)


def test_applications_per_dutch_week_across_a_clock_change_equal_a_count_by_hand(world):
    region, _azcs = world
    scope = Scope(start=date(2025, 10, 20), end=date(2026, 3, 15), region_id=region.id)  # 26 Oct: winter time
    by_hand: dict = defaultdict(Counter)
    for a in db.session.scalars(select(Application)):
        if a.vacancy.organisation.region_id == region.id:
            by_hand[a.azc_location_id or NO_AZC][week_start(a.created_at.astimezone(AMS).date())] += 1
    counted = queries.applications_per_azc_week(scope)
    assert {k: {w: n for w, n in weeks.items() if n} for k, weeks in counted.items()} == \
        {k: dict(c) for k, c in by_hand.items()}
    assert set(counted) >= {NO_AZC}



@pytest.mark.parametrize("filters", [dict(), dict(residence="asylum_seeker"), dict(source="desk")])
def test_the_cohort_and_the_time_per_stage_in_one_statement_equal_a_count_by_hand(world, filters):
    region, _azcs = world
    scope = Scope(start=date(2025, 11, 1), end=date(2026, 3, 15), region_id=region.id, **filters)
    apps = [a for a in db.session.scalars(select(Application))
            if a.vacancy.organisation.region_id == region.id and scope.since <= a.created_at < scope.until
            and filters.get("residence") in (None, a.residence_status.value)
            and filters.get("source") in (None, a.source.value)]
    ranks: dict = defaultdict(Counter)
    stays: dict = defaultdict(list)
    for a in apps:
        steps = sorted((e for e in a.events if e.to_stage != Stage.new), key=lambda e: (e.created_at, e.id))
        furthest = max([RANK.get(a.stage, 0)] + [RANK.get(e.to_stage, 0) for e in a.events])
        ranks[a.azc_location_id or NO_AZC][furthest] += 1
        before = a.created_at
        for e in steps:
            stays[(e.from_stage or Stage.new).value].append(max((e.created_at - before).total_seconds(), 0))
            before = e.created_at
    cohort, times = queries_stalls.cohort_and_stage_times(scope)
    assert {k: dict(c) for k, c in cohort.ranks.items()} == {k: dict(c) for k, c in ranks.items()}
    assert times == queries_stalls.stage_times(scope)
    alone = queries.cohort_of(scope)
    assert (sorted(cohort.to_contact), sorted(cohort.to_hire)) == (sorted(alone.to_contact), sorted(alone.to_hire))
    for stage, values in stays.items():
        if stage in times:
            assert times[stage]["finished"] == len(values)
            assert times[stage]["median_days"] == round(statistics.median(values) / 86400, 1) + 0.0
    assert sum(t["finished"] for t in times.values()) > 5  # the world has histories
