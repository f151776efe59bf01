"""The figures at a glance: the summary band, the funnel, the weekly trends and the azc
locations side by side. Same Scope and conventions as queries.py; every function returns
plain numbers, a few GROUP BY queries each.

Definitions (the page explains them too):
- "at work on a day": a placement that started on or before that day, had not ended before
  it (the end date is the last working day) and did not end as "did not start";
- "hired" in the band: placements that started in the period (the tables' "started", and
  the public "residents hired this year");
- the funnel follows the applications made in the period (a cohort) to where they are now:
  each step counts those that reached it or a later one, by the furthest stage in their
  history (an application that was rejected after a tour counts as contacted and toured);
- "after 6 weeks / 3 months" in the funnel: of the hires from those applications whose mark
  has passed today, how many worked at least that long."""
from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, distinct, func, or_, select

from portal import db
from portal.applicants.models import Application, Stage
from portal.clock import today, utcnow
from portal.dashboard.queries import (
    NO_AZC,
    RANK,
    Cohort,
    Scope,
    cohort_of,
    count_if,
    scoped_applications,
    vacancy_location_conditions,
)
from portal.dashboard.queries_work import (
    RETENTION_MARKS,
    mark_in_period,
    really_started,
    scoped_placements,
    worked_at_least,
    working_on,
)
from portal.dashboard.sqlfuncs import (
    days_between,
    is_postgresql,
    local_day,
    parse_values,
    value_list,
    week_start,
)
from portal.organisations.models import Organisation
from portal.placements.models import Placement
from portal.vacancies.models import Vacancy
from portal.vacancies.queries import open_clause, was_open_clause

FUNNEL_STEPS = (("applied", Stage.new), ("contacted", Stage.contacted), ("tour", Stage.tour),
                ("hired", Stage.hired))


# --- the summary band ---------------------------------------------------------------------

def open_vacancies_on(scope: Scope, day: date) -> int:
    return open_vacancies_on_days(scope, [day])[0]


def open_vacancies_on_days(scope: Scope, days: Sequence[date]) -> list[int]:
    """Open on each of those days, counted in one pass. Today (and later): THE open rule, as
    residents see it. An earlier day is rebuilt from the dates: published before its end, its
    closing date not passed, and not closed before its end (an organisation's suspension has
    no date, so it is not known then)."""
    row = db.session.execute(
        select(*(count_if(open_clause(day) if day >= today() else was_open_clause(day))
                 for day in days))
        .select_from(Vacancy).join(Organisation, Vacancy.organisation_id == Organisation.id)
        .where(*scope.org_conditions(), *vacancy_location_conditions(scope))).one()
    return [int(n) for n in row]


def employers_working_on(scope: Scope, days: Sequence[date]) -> list[int]:
    """Per day: organisations with someone at work that day (one pass for all days)."""
    row = db.session.execute(scoped_placements(
        select(*(func.count(distinct(case((working_on(day), Placement.organisation_id))))
                 for day in days)).select_from(Placement), scope)
        .where(or_(*(working_on(day) for day in days)))).one()
    return [int(n) for n in row]


def _placements_with_application(stmt, scope: Scope):
    return (stmt.select_from(Placement)
            .join(Application, Placement.application_id == Application.id)
            .join(Organisation, Placement.organisation_id == Organisation.id)
            .where(*scope.org_conditions(), *scope.application_conditions()))


def _same_filters(scopes: Sequence[Scope]) -> Scope:
    """Periods of one set of filters (the period and the one before it) are counted together:
    their filters go into one WHERE, their dates into the columns."""
    first = scopes[0]
    if any(replace(s, start=first.start, end=first.end) != first for s in scopes):
        raise ValueError("periods counted together need the same filters")
    return first


def median_days_to_start(scope: Scope) -> float | None:
    return medians_days_to_start([scope])[0]


def medians_days_to_start(scopes: Sequence[Scope]) -> list[float | None]:
    """Per period: from the Dutch day of applying to the first working day, for the
    placements that started in the period (hires that did not start are left out). Whole
    days, worked out in the database (one value list per period, not a row per placement);
    never below 0: a start entered before the application date is a typing error, not a
    negative wait."""
    wait = days_between(_applied_on(), Placement.start_date)
    lists = db.session.execute(_placements_with_application(
        select(*(value_list(case((s.day_in(Placement.start_date), wait))) for s in scopes)),
        _same_filters(scopes))
        .where(or_(*(s.day_in(Placement.start_date) for s in scopes)), really_started())).one()
    medians = []
    for text in lists:
        waits = [max(w, 0) for w in parse_values(text)]
        medians.append(float(statistics.median(waits)) if waits else None)
    return medians


def _applied_on() -> ColumnElement:
    """The Dutch day of applying. SQLite's day needs the clock changes between the first and
    the last application (two cheap look-ups in the index of created_at)."""
    if is_postgresql():
        return local_day(Application.created_at, utcnow(), utcnow())
    first, last = db.session.execute(select(
        select(func.min(Application.created_at)).scalar_subquery(),
        select(func.max(Application.created_at)).scalar_subquery())).one()
    now = utcnow()
    return local_day(Application.created_at, first or now, (last or now) + timedelta(days=1))


WORK = ("started", "working", "reached_3m", "still_3m")


def work_per_azc(scopes: Sequence[Scope]) -> list[dict[int, dict]]:
    """Per period, per applicant's azc (NO_AZC: not given): placements started in the period,
    at work on its reference day, and the 3-month mark in the period (reached / still at
    work). One grouped pass over the placements for all periods."""
    three_months = dict(RETENTION_MARKS)["three_months"]
    azc = func.coalesce(Application.azc_location_id, NO_AZC)
    columns = []
    for s in scopes:
        columns += [count_if(s.day_in(Placement.start_date)), count_if(working_on(s.reference_day())),
                    count_if(mark_in_period(s, three_months)),
                    count_if(and_(mark_in_period(s, three_months), worked_at_least(three_months)))]
    result: list[dict[int, dict]] = [{} for _s in scopes]
    for key, *counts in db.session.execute(
            _placements_with_application(select(azc, *columns), _same_filters(scopes)).group_by(azc)):
        for n in range(len(scopes)):
            result[n][int(key)] = dict(zip(WORK, map(int, counts[4 * n:4 * n + 4]), strict=True))
    return result


def band(scope: Scope) -> dict:
    return bands([scope])[0]


def bands(scopes: Sequence[Scope]) -> list[dict]:
    """The six headline figures of each period (see the module docstring): the page asks for
    the period and the one before it, counted together (one query per kind of figure)."""
    base, days = _same_filters(scopes), [s.reference_day() for s in scopes]
    employers = employers_working_on(base, days)
    open_now = open_vacancies_on_days(base, days)
    medians = medians_days_to_start(scopes)
    result = []
    for n, work in enumerate(work_per_azc(scopes)):
        reached = sum(w["reached_3m"] for w in work.values())
        still = sum(w["still_3m"] for w in work.values())
        result.append({
            "day": days[n],
            "working": sum(w["working"] for w in work.values()),
            "employers": employers[n],
            "hired": sum(w["started"] for w in work.values()),
            "retained_3m": {"reached": reached, "still": still,
                            "rate": round(100 * still / reached, 1) if reached else None},
            "open_vacancies": open_now[n],
            "median_days_to_start": medians[n],
            "per_azc": work,
        })
    return result


# --- the funnel ---------------------------------------------------------------------------

def reached(ranks: Counter, stage: Stage) -> int:
    return sum(n for r, n in ranks.items() if r >= RANK[stage])


def cohort_retention(scope: Scope) -> dict:
    """Hires from the applications of the period: whose 6-week / 3-month mark has passed
    today, and how many of those worked at least that long."""
    mark_day = today()
    columns = []
    for _name, n_days in RETENTION_MARKS:
        passed = Placement.start_date <= mark_day - timedelta(days=n_days)
        columns += [count_if(passed), count_if(and_(passed, worked_at_least(n_days)))]
    row = db.session.execute(scoped_applications(
        select(*columns).select_from(Application)
        .join(Placement, Placement.application_id == Application.id), scope)
        .where(really_started())).one()
    values = [int(v) for v in row]
    return {name: {"reached": values[2 * i], "still": values[2 * i + 1]}
            for i, (name, _n) in enumerate(RETENTION_MARKS)}


def funnel(scope: Scope, cohort: Cohort | None = None) -> dict:
    """Counts per step, also per azc (the comparison uses them)."""
    per_azc = (cohort or cohort_of(scope)).ranks
    total: Counter = Counter()
    for ranks in per_azc.values():
        total.update(ranks)
    return {"steps": {name: reached(total, stage) for name, stage in FUNNEL_STEPS},
            "retention": cohort_retention(scope),
            "per_azc": {key: {name: reached(ranks, stage) for name, stage in FUNNEL_STEPS}
                        for key, ranks in per_azc.items()}}


# --- trends -------------------------------------------------------------------------------

def endings_per_week(scope: Scope) -> list[tuple[date, int]]:
    """Placements whose last working day fell in each week (every reason, as the tables)."""
    per_week: Counter = Counter()
    for day, n in db.session.execute(scoped_placements(
            select(Placement.end_date, func.count()).select_from(Placement), scope)
            .where(scope.day_in(Placement.end_date)).group_by(Placement.end_date)):
        per_week[week_start(day)] += n
    return [(week, per_week.get(week, 0)) for week in scope.weeks()]

