"""`portal tick` jobs of activities: reminders the day before and two hours before each
session, and the retention purge. Both idempotent; they flush, never commit.

Reminders are keyed in the outbox by sign-up, session, kind and start time: a second tick
queues nothing again, and a session that is moved gets its reminders again for the new time."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, or_, select

from portal import db
from portal.activities import signup as signups
from portal.activities.attendance import on_the_list
from portal.activities.models import Activity, ActivitySession, ActivityState, SignUp, SignUpStatus

DAY_BEFORE = timedelta(hours=24)
SHORTLY = timedelta(hours=2)


def send_reminders(now: datetime) -> int:
    """Confirmed sign-ups of sessions starting within a day get the day-before reminder, and
    within two hours the short one. Someone who signed up (or moved up from the waiting list)
    less than a day ahead gets only the short one. Returns how many messages were queued."""
    sessions = db.session.scalars(
        select(ActivitySession).join(Activity)
        .where(Activity.state == ActivityState.published, ActivitySession.starts_at > now,
               ActivitySession.starts_at <= now + DAY_BEFORE)
        .order_by(ActivitySession.starts_at)).all()
    queued = 0
    for session in sessions:
        soon = session.starts_at - now <= SHORTLY
        kind = "soon" if soon else "day"
        stamp = session.starts_at.strftime("%Y%m%d%H%M")
        for signup in on_the_list(session, statuses=(SignUpStatus.confirmed,)):
            joined = signup.confirmed_at or signup.created_at
            if not soon and joined > session.starts_at - DAY_BEFORE:
                continue
            queued += signups.tell(signup, "reminder", session=session, soon=soon,
                                   dedupe=f"act-rem:{signup.id}:{session.id}:{kind}:{stamp}")
    db.session.flush()
    return queued


def purge_expired(now: datetime) -> int:
    """Erase sign-ups RETENTION_WEEKS after the activity's last session (or its cancellation),
    or a year after consent for those who asked to be kept. Counts stay (ActivityCounts)."""
    cfg = current_app.config
    cutoff = now - timedelta(weeks=cfg["RETENTION_WEEKS"])
    last_end = (select(func.max(ActivitySession.ends_at))
                .where(ActivitySession.activity_id == Activity.id).scalar_subquery())
    due = db.session.scalars(
        select(SignUp).join(Activity, Activity.id == SignUp.activity_id)
        .where(or_(Activity.cancelled_at < cutoff, last_end < cutoff))
        .order_by(SignUp.id)).all()
    keep = timedelta(days=cfg["RETENTION_CONSENT_DAYS"])
    erased = 0
    for signup in due:
        if signup.keep_longer and now < signup.consent_at + keep:
            continue
        signups.erase(signup, now=now)
        erased += 1
    return erased
