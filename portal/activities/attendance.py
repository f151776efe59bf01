"""Who came: ticked per session on the coordinator's tablet. A sign-up that came to any part
is "attended"; one marked absent everywhere it was marked is a "no-show". Cancelling in time
is something else (status cancelled) and never counts as a no-show."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import or_, select

from portal import db
from portal.activities.models import (
    Activity,
    ActivitySession,
    ActivityState,
    Attendance,
    Mark,
    SeatPool,
    SignUp,
    SignUpStatus,
)
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError

# The list may be ticked at the door from an hour before the start.
OPENS_BEFORE = timedelta(hours=1)
ON_THE_LIST = (SignUpStatus.confirmed, SignUpStatus.attended, SignUpStatus.no_show)


class AttendanceError(DomainError):
    pass


def pools_of(session: ActivitySession) -> list[int]:
    return list(db.session.scalars(select(SeatPool.id).where(
        SeatPool.activity_id == session.activity_id,
        or_(SeatPool.session_id == session.id, SeatPool.session_id.is_(None)))))


def on_the_list(session: ActivitySession, statuses=ON_THE_LIST) -> list[SignUp]:
    """The people expected at this session, in Latin-alphabet order (how the list is read)."""
    found = db.session.scalars(select(SignUp).where(
        SignUp.pool_id.in_(pools_of(session)), SignUp.status.in_(statuses))).all()
    return sorted(found, key=lambda s: (s.latin_name.casefold(), s.id))


def marks_of(session: ActivitySession) -> dict[int, str]:
    rows = db.session.execute(select(Attendance.signup_id, Attendance.mark).where(
        Attendance.session_id == session.id)).all()
    return {signup_id: mark.value for signup_id, mark in rows}


def can_record(activity: Activity, session: ActivitySession, now: datetime | None = None) -> bool:
    now = now or utcnow()
    return activity.state == ActivityState.published and session.starts_at - OPENS_BEFORE <= now


def record_marks(activity: Activity, session: ActivitySession, marks: dict[int, str], *,
                 actor) -> int:
    """`marks`: sign-up id -> "attended" | "no_show" for people on this session's list.
    Returns how many marks changed."""
    if activity.state != ActivityState.published:
        raise AttendanceError(_("Deze activiteit is geannuleerd."))
    if not can_record(activity, session):
        raise AttendanceError(_("Aanwezigheid afvinken kan vanaf een uur voor het begin."))
    now = utcnow()
    changed = 0
    for signup in on_the_list(session):
        wanted = marks.get(signup.id)
        if wanted is None:
            continue
        mark = Mark(wanted)
        row = next((m for m in signup.marks if m.session_id == session.id), None)
        if row is not None and row.mark == mark:
            continue
        if row is None:
            row = Attendance(session_id=session.id, mark=mark)
            signup.marks.append(row)
        row.mark, row.recorded_at, row.recorded_by_id = mark, now, actor.id
        _settle(signup)
        changed += 1
    if changed:
        record("activity_attendance_recorded", session, marked=changed)
    db.session.flush()
    return changed


def _settle(signup: SignUp) -> None:
    marks = {m.mark for m in signup.marks}
    if Mark.attended in marks:
        signup.status = SignUpStatus.attended
    elif Mark.no_show in marks:
        signup.status = SignUpStatus.no_show
    else:
        signup.status = SignUpStatus.confirmed
