"""Where it stalls: time spent in each stage of an application, the TWV steps, and aftercare
check-ins that wait for someone. Same Scope and conventions as queries.py.

Time in a stage: from entering it (applying, for "new") to the next step in the application's
history, for the applications made in the period; stays that have not ended yet are not
measured, they are counted as "in this stage now". The median is the middle stay; "slowest
10 %" is the stay that 9 in 10 were quicker than or equal to (nearest rank). Durations are
never negative: a step recorded a moment before the application (clocks) counts as 0."""
from __future__ import annotations

import math
import statistics
from bisect import bisect_left
from collections.abc import Sequence

from sqlalchemy import ColumnElement, and_, case, func, literal_column, or_, select, tuple_, union_all
from sqlalchemy.orm import aliased

from portal import db
from portal.aftercare.models import CONCERNS, AftercareCheck, CheckState
from portal.applicants.models import Application, ApplicationEvent, Stage
from portal.clock import AMS, today
from portal.dashboard.queries import (
    NO_AZC,
    Cohort,
    Scope,
    cohort_from,
    cohort_of,
    cohort_rows,
    count_if,
    scoped_applications,
    stage_rank,
)
from portal.dashboard.queries_work import scoped_placements
from portal.dashboard.sqlfuncs import (
    days,
    is_postgresql,
    materialized,
    parse_values,
    seconds_between,
    value_list,
)
from portal.placements.models import Placement, TwvState

MEASURED_STAGES = (Stage.new, Stage.contacted, Stage.tour, Stage.assessment, Stage.offer)
LEGAL_TWV_DAYS = 35  # UWV's legal term for a TWV decision: five weeks


def slowest_tenth(values: Sequence[float], ordered: bool = False) -> float | None:
    """Nearest-rank 90th percentile: the value 9 in 10 are at or below."""
    if not values:
        return None
    values = values if ordered else sorted(values)
    return values[math.ceil(0.9 * len(values)) - 1]


def _middle(ordered: list[int]) -> float | None:
    n = len(ordered)
    return (ordered[(n - 1) // 2] + ordered[n // 2]) / 2 if n else None


def _step_before(step: type[ApplicationEvent]) -> ColumnElement:
    """The moment of the step before this one in the application's history (in time, then in
    order of recording; the "new" step of applying left out); NULL for the first. PostgreSQL
    reads it with LAG; SQLite sorts every row for a window function, so it looks the step up
    in the index of the history instead (application_id, created_at, id: one step back from
    this step's place in it). Both give the same moment."""
    if is_postgresql():
        return func.lag(step.created_at).over(partition_by=step.application_id,
                                               order_by=(step.created_at, step.id))
    before = aliased(ApplicationEvent)
    return (select(before.created_at)
            .where(before.application_id == step.application_id, before.to_stage != Stage.new,
                   tuple_(before.created_at, before.id) < tuple_(step.created_at, step.id))
            .order_by(before.created_at.desc(), before.id.desc()).limit(1)
            .correlate(step).scalar_subquery())


def _stay_seconds(step: type[ApplicationEvent]) -> ColumnElement:
    """The stay a step ends: from the step before it or, for the first, from applying."""
    return seconds_between(func.coalesce(_step_before(step), Application.created_at), step.created_at)


def _stay_lists(stays) -> list[ColumnElement]:
    """Per measured stage, the seconds of its finished stays as one value list."""
    return [value_list(case((stays.c.stage == stage, stays.c.secs))) for stage in MEASURED_STAGES]


def stage_times(scope: Scope) -> dict[str, dict]:
    """Per measured stage: finished stays, median and slowest-10 % days (see the docstring).
    Each step (an event) ends a stay in the stage it came from (from_stage: the first one's
    is "new"), which began at the step before it (in time, then in order of recording) or,
    for the first, at applying."""
    step = ApplicationEvent
    stays = scoped_applications(
        select(func.coalesce(step.from_stage, Stage.new).label("stage"), _stay_seconds(step).label("secs"))
        .select_from(Application).join(step, step.application_id == Application.id), scope,
    ).where(step.to_stage != Stage.new)
    # SQLite: worked out once (the correlated subquery must not be copied into each CASE).
    # PostgreSQL computes LAG once per row anyway, and a materialized WITH query of 100,000
    # rows is written to disk: there a plain subquery is a fifth quicker.
    stays = stays.subquery("stays") if is_postgresql() else materialized(stays, "stays")
    return _stage_figures(db.session.execute(select(*_stay_lists(stays))).one())


def _stage_figures(lists) -> dict[str, dict]:
    result = {}
    for stage, text in zip(MEASURED_STAGES, lists, strict=True):
        values = parse_values(text)
        values.sort()
        below = bisect_left(values, 0)  # a step a moment before the one before it: 0, not less
        values[:below] = [0] * below
        result[stage.value] = {"finished": len(values), "median_days": days(_middle(values)),
                               "slowest_days": days(slowest_tenth(values, ordered=True))}
    return result


def cohort_and_stage_times(scope: Scope) -> tuple[Cohort, dict[str, dict]]:
    """The period's applications read with their histories for both the cohort (funnel,
    medians: queries.cohort_of) and the time per stage. PostgreSQL does each quickest apart (a
    hash per application; LAG over the history index). SQLite does both in one statement:
    the applications are joined to their histories once, in a WITH query that the cohort
    (grouped per application, then per azc and furthest rank) and the stays both read; a
    sixth less work than two passes. Same figures as the two functions apart (tested)."""
    if is_postgresql():
        return cohort_of(scope), stage_times(scope)
    step = ApplicationEvent
    steps = materialized(scoped_applications(select(
        Application.id.label("app"),
        func.coalesce(Application.azc_location_id, NO_AZC).label("azc"),
        stage_rank(Application.stage).label("now"),
        stage_rank(step.to_stage).label("rank"),
        step.to_stage.label("to_stage"),
        func.coalesce(step.from_stage, Stage.new).label("stage"),
        seconds_between(Application.created_at, step.created_at).label("since"),
        _stay_seconds(step).label("secs"),
    ).select_from(Application).outerjoin(step, and_(step.application_id == Application.id,
                                                    step.to_stage != Stage.new)), scope), "steps")

    def first_into(stage: Stage) -> ColumnElement:
        return func.min(case((steps.c.to_stage == stage, steps.c.since)))

    per_app = materialized(select(
        steps.c.azc, func.max(steps.c.now).label("now"),
        func.coalesce(func.max(steps.c.rank), 0).label("ever"),
        first_into(Stage.contacted).label("contact"), first_into(Stage.hired).label("hire"),
    ).group_by(steps.c.app, steps.c.azc), "per_app")
    both = union_all(
        cohort_rows(per_app).add_columns(literal_column("0")),
        select(*_stay_lists(steps), literal_column("1")).where(steps.c.to_stage.is_not(None)))
    rows = db.session.execute(both).all()
    lists = next(row[:5] for row in rows if row[5] == 1)
    return cohort_from(row[:5] for row in rows if row[5] == 0), _stage_figures(lists)


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def twv_steps(scope: Scope) -> dict:
    """The permit's way: still to apply for and waiting for UWV now (with how long they have
    waited), decisions in the period (how long UWV took), cancellations to do now."""
    day = today()
    # One pass: the permits waiting now and those decided in the period (a row can be both).
    waiting_now = Placement.twv_state.in_((TwvState.to_apply, TwvState.applied))
    decided_in_period = and_(scope.day_in(Placement.twv_decided_on), Placement.twv_applied_on.is_not(None))
    rows = db.session.execute(scoped_placements(
        select(Placement.twv_state, case((Placement.twv_state == TwvState.to_apply, Placement.created_at)),
               Placement.twv_applied_on, Placement.twv_decided_on).select_from(Placement), scope)
        .where(or_(waiting_now, decided_in_period))).all()
    to_apply = [max((day - made.astimezone(AMS).date()).days, 0)
                for state, made, _applied, _decided in rows if state == TwvState.to_apply]
    applied_now = [applied for state, _made, applied, _decided in rows if state == TwvState.applied]
    waiting = [max((day - applied).days, 0) for applied in applied_now if applied is not None]
    decided = [max((d - a).days, 0) for _state, _made, a, d in rows
               if d is not None and a is not None and scope.start <= d <= scope.end]
    return {
        "to_apply": {"now": len(to_apply), "median_days_waiting": _median(to_apply)},
        "applied": {"now": len(applied_now),
                    "median_days_waiting": _median(waiting),
                    "over_legal_term": sum(1 for w in waiting if w > LEGAL_TWV_DAYS)},
        "decided": {"n": len(decided), "median_days": _median(decided),
                    "slowest_days": slowest_tenth(decided)},
    }


def aftercare_open(scope: Scope) -> dict:
    """Now: answers with a concern (or a wish for contact, or work that stopped) that no
    adviser has followed up yet, per concern; and check-ins past due without an answer."""
    waiting = and_(AftercareCheck.needs_follow_up.is_(True),
                   AftercareCheck.adviser_followed_up_at.is_(None))
    row = db.session.execute(scoped_placements(
        select(count_if(waiting), count_if(AftercareCheck.state == CheckState.overdue))
        .select_from(Placement).join(AftercareCheck, AftercareCheck.placement_id == Placement.id),
        scope)).one()
    concerns = {c: 0 for c in CONCERNS}
    for ticked in db.session.scalars(scoped_placements(
            select(AftercareCheck.concerns).select_from(Placement)
            .join(AftercareCheck, AftercareCheck.placement_id == Placement.id), scope)
            .where(waiting)):
        for concern in set(ticked or ()):
            if concern in concerns:
                concerns[concern] += 1
    return {"waiting_for_adviser": int(row[0]), "unanswered_overdue": int(row[1]),
            "by_concern": concerns}

