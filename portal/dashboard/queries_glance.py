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
from datetime import date, timedelta

from sqlalchemy import and_, distinct, func, select

from portal import db
from portal.applicants.models import Application, Stage
from portal.clock import AMS, today
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
from portal.dashboard.sqlfuncs import week_start
from portal.organisations.models import Organisation
from portal.placements.models import Placement
from portal.vacancies.models import Vacancy
from portal.vacancies.queries import open_clause, was_open_clause

FUNNEL_STEPS = (("applied", Stage.new), ("contacted", Stage.contacted), ("tour", Stage.tour),
                ("hired", Stage.hired))


# --- the summary band ---------------------------------------------------------------------

def open_vacancies_on(scope: Scope, day: date) -> int:
    """Open on that day. Today (and later): THE open rule, as residents see it. An earlier day
    is rebuilt from the dates: published before its end, its closing date not passed, and not
    closed before its end (an organisation's suspension has no date, so it is not known then)."""
    condition = open_clause(day) if day >= today() else was_open_clause(day)
    return int(db.session.scalar(
        select(func.count()).select_from(Vacancy)
        .join(Organisation, Vacancy.organisation_id == Organisation.id)
        .where(condition, *scope.org_conditions(), *vacancy_location_conditions(scope))))


def employers_with_someone_working(scope: Scope, day: date) -> int:
    return int(db.session.scalar(scoped_placements(
        select(func.count(distinct(Placement.organisation_id))).select_from(Placement), scope)
        .where(working_on(day))))


def _placements_with_application(stmt, scope: Scope):
    return (stmt.select_from(Placement)
            .join(Application, Placement.application_id == Application.id)
            .join(Organisation, Placement.organisation_id == Organisation.id)
            .where(*scope.org_conditions(), *scope.application_conditions()))


def median_days_to_start(scope: Scope) -> float | None:
    """From the Dutch day of applying to the first working day, for the placements that
    started in the period (hires that did not start are left out). Whole days; never below
    0: a start entered before the application date is a typing error, not a negative wait."""
    rows = db.session.execute(_placements_with_application(
        select(Application.created_at, Placement.start_date), scope)
        .where(scope.day_in(Placement.start_date), really_started())).all()
    waits = [max((start - applied.astimezone(AMS).date()).days, 0) for applied, start in rows]
    return float(statistics.median(waits)) if waits else None


def per_azc_work(scope: Scope) -> dict[int, dict]:
    """Per applicant's azc (NO_AZC: not given): placements started in the period, at work on
    the reference day, and the 3-month mark in the period (reached / still at work)."""
    day = scope.reference_day()
    three_months = dict(RETENTION_MARKS)["three_months"]
    azc = func.coalesce(Application.azc_location_id, NO_AZC)
    result: dict[int, dict] = {}
    for key, started, working, reached, still in db.session.execute(
            _placements_with_application(select(
                azc, count_if(scope.day_in(Placement.start_date)), count_if(working_on(day)),
                count_if(mark_in_period(scope, three_months)),
                count_if(and_(mark_in_period(scope, three_months), worked_at_least(three_months))),
            ), scope).group_by(azc)):
        result[int(key)] = {"started": int(started), "working": int(working),
                            "reached_3m": int(reached), "still_3m": int(still)}
    return result


def band(scope: Scope) -> dict:
    """The six headline figures of one period (see the module docstring)."""
    day = scope.reference_day()
    work = per_azc_work(scope)
    reached = sum(w["reached_3m"] for w in work.values())
    still = sum(w["still_3m"] for w in work.values())
    return {
        "day": day,
        "working": sum(w["working"] for w in work.values()),
        "employers": employers_with_someone_working(scope, day),
        "hired": sum(w["started"] for w in work.values()),
        "retained_3m": {"reached": reached, "still": still,
                        "rate": round(100 * still / reached, 1) if reached else None},
        "open_vacancies": open_vacancies_on(scope, day),
        "median_days_to_start": median_days_to_start(scope),
        "per_azc": work,
    }


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

