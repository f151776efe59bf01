"""Figures after the application: tours, placements (TWV, cancellations, still at work),
reports and questions. Same Scope and conventions as queries.py."""
from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from flask import current_app
from sqlalchemy import and_, case, func, or_, select

from portal import db
from portal.applicants.models import Application
from portal.clock import AMS, today
from portal.dashboard.queries import Scope, count_if, grouped
from portal.dashboard.sqlfuncs import days_between, hours, median, seconds_between, week_start
from portal.organisations.models import Organisation
from portal.placements.models import EndReason, Placement, TwvState
from portal.questions.models import Question
from portal.reports.models import SIGNALS, Report, ReportState
from portal.tours.models import Attendance, Tour, TourInvite, TourState

RETENTION_MARKS = (("six_weeks", 42), ("three_months", 91))


# --- tours ------------------------------------------------------------------------------

def tours(scope: Scope) -> dict:
    conds = [*scope.org_conditions(), scope.moment_in(Tour.starts_at)]
    invite_conds = scope.application_conditions()
    if invite_conds:
        conds.append(Tour.id.in_(
            select(TourInvite.tour_id).join(Application, TourInvite.application_id == Application.id)
            .where(*invite_conds)))
    states = grouped(select(Tour.state, func.count())
                      .join(Organisation, Tour.organisation_id == Organisation.id)
                      .where(*conds).group_by(Tour.state))
    attendance = grouped(
        select(TourInvite.attendance, func.count()).select_from(TourInvite)
        .join(Tour, TourInvite.tour_id == Tour.id)
        .join(Organisation, Tour.organisation_id == Organisation.id)
        .join(Application, TourInvite.application_id == Application.id)
        .where(*conds, *invite_conds, Tour.state == TourState.held)
        .group_by(TourInvite.attendance))
    attended, no_show = attendance.get(Attendance.attended, 0), attendance.get(Attendance.no_show, 0)
    recorded = attended + no_show
    return {
        "held": states.get(TourState.held, 0),
        "planned": states.get(TourState.requested, 0) + states.get(TourState.confirmed, 0),
        "cancelled": states.get(TourState.cancelled, 0),
        "invited": sum(attendance.values()),
        "attended": attended,
        "no_show": no_show,
        "unknown": attendance.get(Attendance.unknown, 0),
        "no_show_rate": round(100 * no_show / recorded, 1) if recorded else None,
    }


# --- placements -------------------------------------------------------------------------

def scoped_placements(stmt, scope: Scope):
    stmt = (stmt.join(Organisation, Placement.organisation_id == Organisation.id)
            .where(*scope.org_conditions()))
    if scope.filters_applicant:
        stmt = (stmt.join(Application, Placement.application_id == Application.id)
                .where(*scope.application_conditions()))
    return stmt


def placements(scope: Scope) -> dict:
    marks = []  # per retention mark: reached in the period, and still at work then
    for _name, n_days in RETENTION_MARKS:
        marks += [count_if(mark_in_period(scope, n_days)),
                  count_if(and_(mark_in_period(scope, n_days), worked_at_least(n_days)))]
    row = db.session.execute(scoped_placements(select(
        count_if(scope.day_in(Placement.start_date)),
        func.coalesce(func.sum(case((scope.day_in(Placement.start_date),
                                     Placement.hours_per_week), else_=0)), 0),
        count_if(scope.day_in(Placement.twv_applied_on)),
        count_if(and_(scope.day_in(Placement.twv_decided_on), Placement.twv_state != TwvState.refused)),
        count_if(and_(scope.day_in(Placement.twv_decided_on), Placement.twv_state == TwvState.refused)),
        count_if(scope.day_in(Placement.end_date)),
        count_if(scope.moment_in(Placement.cancelled_at)),
        count_if(Placement.twv_state == TwvState.cancellation_requested),
        count_if(_overdue(today() - timedelta(days=current_app.config["TWV_FLAG_DAYS"]))),
        *marks,
    ).select_from(Placement), scope)).one()
    started, hours_total, applied, granted, refused, ended, cancelled, pending, overdue = map(int, row[:9])
    contracts = grouped(scoped_placements(
        select(Placement.contract_type, func.count()).select_from(Placement), scope)
        .where(scope.day_in(Placement.start_date)).group_by(Placement.contract_type))
    result = {
        "started": started, "hours_total": hours_total,
        "hours_average": round(hours_total / started, 1) if started else None,
        "by_contract": {c.value: n for c, n in sorted(contracts.items(), key=lambda kv: kv[0].value)},
        "twv_applied": applied, "twv_granted": granted, "twv_refused": refused,
        "ended": ended, "twv_cancelled": cancelled,
        "cancellations_pending": pending, "cancellations_overdue": overdue,
    }
    for n, (name, _n_days) in enumerate(RETENTION_MARKS):
        reached, still = int(row[9 + 2 * n]), int(row[10 + 2 * n])
        result[name] = {"reached": reached, "still": still, "rate": rate(still, reached)}
    return result


def _overdue(cutoff: date):
    """The adviser list's rule (Placement.cancellation_age >= TWV_FLAG_DAYS) in SQL: the later
    of the Dutch day it was reported and the end date lies on or before `cutoff`."""
    reported_by = datetime.combine(cutoff + timedelta(days=1), time(0), AMS).astimezone(UTC)
    return and_(Placement.twv_state == TwvState.cancellation_requested,
                Placement.cancellation_requested_at < reported_by,
                or_(Placement.end_date.is_(None), Placement.end_date <= cutoff))


def really_started():
    """Hires that went ahead: a placement ended as "did not start" never was work."""
    return or_(Placement.end_reason.is_(None), Placement.end_reason != EndReason.not_started)


def worked_at_least(n_days: int):
    """Still at work n days after the start: no end date, or one at least n days later."""
    return or_(Placement.end_date.is_(None),
               days_between(Placement.start_date, Placement.end_date) >= n_days)


def working_on(day: date):
    """At work on that day (the end date is the last working day)."""
    return and_(Placement.start_date <= day, really_started(),
                or_(Placement.end_date.is_(None), Placement.end_date >= day))


def mark_in_period(scope: Scope, n_days: int):
    """The n-day mark after the start fell in the period and is not in the future."""
    return and_(Placement.start_date >= scope.start - timedelta(days=n_days),
                Placement.start_date <= scope.reference_day() - timedelta(days=n_days),
                really_started())


def rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def placements_per_week(scope: Scope) -> list[tuple[date, int]]:
    per_week: Counter = Counter()
    for day, n in db.session.execute(scoped_placements(
            select(Placement.start_date, func.count()).select_from(Placement), scope)
            .where(scope.day_in(Placement.start_date)).group_by(Placement.start_date)):
        per_week[week_start(day)] += n
    return [(week, per_week.get(week, 0)) for week in scope.weeks()]


# --- reports ----------------------------------------------------------------------------

def reports(scope: Scope) -> dict:
    conds = [scope.moment_in(Report.created_at)]
    if scope.region_id is not None:
        conds.append(Report.region_id == scope.region_id)
    if scope.location_id is not None:
        conds.append(Report.location_id == scope.location_id)
    if scope.sector:
        conds.append(Report.organisation_id.in_(
            select(Organisation.id).where(Organisation.sector == scope.sector)))
    states = grouped(select(Report.state, func.count()).where(*conds).group_by(Report.state))
    # Signals are a JSON list per report; reports are few, so count them here.
    signals: Counter = Counter()
    for ticked in db.session.scalars(select(Report.signals).where(*conds)):
        signals.update(s for s in set(ticked or ()) if s in SIGNALS)
    return {
        "total": sum(states.values()),
        "by_state": {s.value: states.get(s, 0) for s in ReportState},
        "by_signal": {s: signals.get(s, 0) for s in SIGNALS},
    }


# --- questions --------------------------------------------------------------------------

def questions(scope: Scope) -> dict:
    conds = [*scope.org_conditions(), scope.moment_in(Question.created_at)]

    def stmt(*columns):
        return (select(*columns).select_from(Question)
                .join(Organisation, Question.organisation_id == Organisation.id).where(*conds))

    asked, answered = db.session.execute(
        stmt(func.count(), count_if(Question.first_answered_at.is_not(None)))).one()
    waits = db.session.scalars(
        stmt(seconds_between(Question.created_at, Question.first_answered_at))
        .where(Question.first_answered_at.is_not(None)))
    return {"asked": int(asked), "answered": int(answered),
            "median_hours_to_answer": hours(median(waits))}
