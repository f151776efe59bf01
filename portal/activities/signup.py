"""Signing up, the waiting list, "I can't come" and erasure. Functions flush, never commit.

Capacity under concurrency: every change of a pool's places first locks the pool's row
(SELECT ... FOR UPDATE on PostgreSQL; SQLite has one writer at a time anyway), then takes a
place with a conditional UPDATE (taken < capacity) that the CHECK on the table backs up. So 60
people signing up at once for 20 places give exactly 20 confirmed and 40 waiting, and a place
freed by a cancellation goes to the first on the waiting list in the same transaction."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from portal import db
from portal.activities import reach, texts
from portal.activities.links import new_link, token_for
from portal.activities.models import (
    OPEN_SIGNUP,
    Activity,
    ActivityCounts,
    ActivityState,
    SeatPool,
    SignUp,
    SignUpStatus,
)
from portal.clock import utcnow
from portal.domain import DomainError
from portal.notifications.services import forget
from portal.urls import absolute_url


class SignUpError(DomainError):
    """A sign-up that cannot be: the message is for the resident, in their language."""


class AlreadySignedUp(Exception):
    def __init__(self, signup: SignUp):
        super().__init__("already signed up")
        self.signup = signup


@dataclass
class SignUpData:
    name: str
    phone: str | None  # E.164; None for employers
    email: str | None = None
    name_latin: str | None = None
    location_id: int | None = None
    language: str | None = None
    keep_longer: bool = False
    organisation_name: str | None = None
    user_id: int | None = None


@dataclass
class Result:
    signup: SignUp
    token: str


def link_url(signup: SignUp) -> str:
    return absolute_url("activities_public.signup_status",
                        signup_token=token_for(signup.link_nonce))


def pool_starts(pool: SeatPool) -> datetime | None:
    sessions = pool.sessions()
    return min((s.starts_at for s in sessions), default=None)


def open_pools(activity: Activity, now: datetime | None = None) -> list[SeatPool]:
    """The pools one can still sign up for: not cancelled, not begun."""
    now = now or utcnow()
    if activity.state != ActivityState.published:
        return []
    return [p for p in activity.pools if (start := pool_starts(p)) is not None and start > now]


def check_can_sign_up(activity: Activity, pool: SeatPool, now: datetime) -> None:
    if activity.state == ActivityState.cancelled:
        raise SignUpError(_l("Deze activiteit gaat niet door."))
    start = pool_starts(pool)
    if pool.activity_id != activity.id or start is None:
        raise SignUpError(_l("Kies een datum."), "pool")
    if start <= now:
        raise SignUpError(_l("Deze datum is al voorbij. Kies een andere datum."), "pool")


def open_signup_for(pool: SeatPool, data: SignUpData) -> SignUp | None:
    who = SignUp.phone == data.phone if data.phone else (
        (SignUp.email == data.email) & SignUp.phone.is_(None))
    return db.session.scalar(select(SignUp).where(
        SignUp.pool_id == pool.id, SignUp.status.in_(OPEN_SIGNUP), who))


def _lock(pool_id: int) -> None:
    db.session.execute(select(SeatPool.id).where(SeatPool.id == pool_id).with_for_update())


def _take_place(pool_id: int) -> bool:
    result = db.session.execute(
        update(SeatPool).where(SeatPool.id == pool_id, SeatPool.taken < SeatPool.capacity)
        .values(taken=SeatPool.taken + 1).execution_options(synchronize_session=False))
    return db.rowcount(result) == 1


def _free_place(pool_id: int) -> None:
    db.session.execute(
        update(SeatPool).where(SeatPool.id == pool_id, SeatPool.taken > 0)
        .values(taken=SeatPool.taken - 1).execution_options(synchronize_session=False))


def sign_up(activity: Activity, pool: SeatPool, data: SignUpData, *, ui_language: str,
            by_staff_id: int | None = None) -> Result:
    """A place when there is one, else the waiting list. Raises AlreadySignedUp for a second
    open sign-up with the same phone (or employer address); the database refuses one that
    slips past this check at the same moment (IntegrityError: the view answers as a resend)."""
    now = utcnow()
    check_can_sign_up(activity, pool, now)
    existing = open_signup_for(pool, data)
    if existing is not None:
        raise AlreadySignedUp(existing)
    _lock(pool.id)
    confirmed = _take_place(pool.id)
    link = new_link()
    signup = SignUp(
        activity_id=activity.id, pool_id=pool.id,
        status=SignUpStatus.confirmed if confirmed else SignUpStatus.waiting,
        name=data.name, name_latin=data.name_latin or None, phone=data.phone,
        email=data.email or None, organisation_name=data.organisation_name,
        user_id=data.user_id, location_id=data.location_id, language=data.language,
        ui_language=ui_language, keep_longer=data.keep_longer, consent_at=now,
        token_hash=link.token_hash, link_nonce=link.nonce, by_staff_id=by_staff_id,
        created_at=now, confirmed_at=now if confirmed else None,
        waited_at=None if confirmed else now)
    db.session.add(signup)
    db.session.flush()
    tell(signup, "confirmed" if confirmed else "waiting")
    return Result(signup, link.token)


# The subjects' %(title)s is filled by reach.tell with the title as this reader gets it.
SUBJECTS = {
    "confirmed": _l("Je bent aangemeld: %(title)s"),
    "waiting": _l("Je staat op de wachtlijst: %(title)s"),
    "promoted": _l("Er is een plaats vrij: je bent aangemeld voor %(title)s"),
    "cancelled": _l("Gaat niet door: %(title)s"),
    "changed": _l("Gewijzigd: %(title)s"),
    "reminder": _l("Herinnering: %(title)s"),
}


def tell(signup: SignUp, name: str, **extra) -> int:
    """Mail and/or text message about their sign-up, in the language they signed up in,
    naming the activity as the pages do in that language (activities.texts)."""
    title = texts.localize(signup.activity, signup.ui_language or "nl").title
    return reach.tell(signup, "activities", name, SUBJECTS[name], local_title=title,
                      signup=signup, activity=signup.activity, sessions=signup.pool.sessions(),
                      link=link_url(signup), **extra)


def waiting_position(signup: SignUp) -> int | None:
    if signup.status != SignUpStatus.waiting:
        return None
    ahead = db.session.scalars(select(SignUp.id).where(
        SignUp.pool_id == signup.pool_id, SignUp.status == SignUpStatus.waiting,
        SignUp.id < signup.id)).all()
    return len(ahead) + 1


def promote(pool: SeatPool, now: datetime) -> list[SignUp]:
    """Free places go to the waiting list, first come first served; each is told. The caller
    holds the pool's lock."""
    promoted: list[SignUp] = []
    while True:
        first = db.session.scalar(
            select(SignUp).where(SignUp.pool_id == pool.id, SignUp.status == SignUpStatus.waiting)
            .order_by(SignUp.id).limit(1))
        if first is None or not _take_place(pool.id):
            break
        first.status, first.confirmed_at = SignUpStatus.confirmed, now
        db.session.flush()
        tell(first, "promoted")
        promoted.append(first)
    return promoted


def fill_from_waiting_list(pool: SeatPool, now: datetime) -> list[SignUp]:
    """After places were added: the waiting list moves up at once."""
    _lock(pool.id)
    return promote(pool, now)


def cancel(signup: SignUp, *, now: datetime | None = None) -> None:
    """"I can't come": the place is free at once and goes to the first on the waiting list."""
    now = now or utcnow()
    if signup.status not in OPEN_SIGNUP:
        raise SignUpError(_l("Je bent al afgemeld."))
    start = pool_starts(signup.pool)
    if start is not None and start <= now:
        raise SignUpError(_l("De activiteit is al begonnen. Afmelden kan niet meer."))
    _release(signup, now)


def _release(signup: SignUp, now: datetime) -> None:
    _lock(signup.pool_id)
    was_confirmed = signup.status == SignUpStatus.confirmed
    signup.status, signup.cancelled_at = SignUpStatus.cancelled, now
    db.session.flush()
    if was_confirmed:
        _free_place(signup.pool_id)
        if signup.activity.state == ActivityState.published:
            promote(signup.pool, now)


def cancel_all(activity: Activity, now: datetime) -> list[SignUp]:
    """The activity is cancelled: every open sign-up is cancelled and told. Returns those
    told (and those who could not be: the desk calls them)."""
    signups = db.session.scalars(select(SignUp).where(
        SignUp.activity_id == activity.id, SignUp.status.in_(OPEN_SIGNUP))
        .order_by(SignUp.pool_id, SignUp.id)).all()
    for signup in signups:
        signup.status, signup.cancelled_at = SignUpStatus.cancelled, now
        tell(signup, "cancelled")
    db.session.execute(update(SeatPool).where(SeatPool.activity_id == activity.id)
                       .values(taken=0).execution_options(synchronize_session=False))
    db.session.flush()
    return list(signups)


def erase(signup: SignUp, *, now: datetime | None = None) -> None:
    """Erase a sign-up (the resident via the private link, or the retention purge): a place
    still held before the start is freed first; what the figures need is added to the
    activity's counts; the row and every message about it go."""
    now = now or utcnow()
    start = pool_starts(signup.pool)
    if signup.status in OPEN_SIGNUP and (start is None or start > now):
        _release(signup, now)
    counts = db.session.get(ActivityCounts, signup.activity_id)
    if counts is None:
        counts = ActivityCounts(activity_id=signup.activity_id, signed_up=0, came=0, no_show=0,
                                cancelled=0, waited=0)
        db.session.add(counts)
        db.session.flush()
    db.session.execute(
        update(ActivityCounts).where(ActivityCounts.activity_id == signup.activity_id).values(
            signed_up=ActivityCounts.signed_up + 1,
            came=ActivityCounts.came + int(signup.status == SignUpStatus.attended),
            no_show=ActivityCounts.no_show + int(signup.status == SignUpStatus.no_show),
            cancelled=ActivityCounts.cancelled + int(signup.status == SignUpStatus.cancelled),
            waited=ActivityCounts.waited + int(signup.waited_at is not None))
        .execution_options(synchronize_session=False))
    forget(signup.outbox_key)
    db.session.delete(signup)  # its attendance marks go with it
    db.session.flush()
