"""Staff rules of activities: create, change, cancel. Functions flush, never commit; a broken
rule raises ActivityError naming its form field."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from portal import db
from portal.accounts.models import User
from portal.activities import signup as signups
from portal.activities import texts
from portal.activities.models import (
    OPEN_SIGNUP,
    Activity,
    ActivityCounts,
    ActivityKind,
    ActivitySession,
    ActivityState,
    Audience,
    PlaceKind,
    SeatPool,
    SignUp,
)
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError
from portal.text import clean_line, clean_text
from portal.vacancies import codes

MAX_SESSION = timedelta(hours=12)
WHOLE = -1  # among changed pool ids: everyone signed up for the activity is affected


class ActivityError(DomainError):
    """A broken rule of an activity; see portal.domain.DomainError."""


@dataclass
class SessionData:
    id: int | None
    starts_at: datetime
    ends_at: datetime
    place_kind: PlaceKind
    place: str = ""
    online_url: str = ""
    row: int = 0  # the form row, for the message


@dataclass
class ActivityData:
    kind: ActivityKind
    audience: Audience
    title: str
    capacity: int
    together: bool
    region_id: int
    location_id: int | None
    languages: list[str] = field(default_factory=list)
    description: str = ""
    sessions: list[SessionData] = field(default_factory=list)


def _check(data: ActivityData, now: datetime, existing: dict[int, ActivitySession]) -> None:
    if data.kind == ActivityKind.employer_session and data.audience != Audience.employers:
        raise ActivityError(_("Een informatiesessie voor werkgevers is voor werkgevers."),
                            "audience")
    if not data.languages:
        raise ActivityError(_("Kies minstens één taal."), "languages")
    if not data.sessions:
        raise ActivityError(_("Vul minstens één sessie in: datum, begin en einde."), None)
    for s in data.sessions:
        before = existing.get(s.id) if s.id else None
        moved = before is None or before.starts_at != s.starts_at
        if moved and s.starts_at <= now:
            raise ActivityError(_("Sessie %(n)s: kies een moment in de toekomst.", n=s.row + 1),
                                None)
        if not timedelta(minutes=15) <= s.ends_at - s.starts_at <= MAX_SESSION:
            raise ActivityError(_("Sessie %(n)s: het einde ligt 15 minuten tot 12 uur na het "
                                  "begin.", n=s.row + 1), None)
        if s.place_kind == PlaceKind.online:
            if not s.online_url.startswith("https://"):
                raise ActivityError(_("Sessie %(n)s: geef de link van het webinar, beginnend "
                                      "met https://.", n=s.row + 1), None)
        elif not clean_line(s.place):
            raise ActivityError(_("Sessie %(n)s: vul de ruimte of het adres in.", n=s.row + 1),
                                None)


def _taken(code: str) -> bool:
    return db.session.scalar(select(Activity.id).where(Activity.code == code)) is not None


def create(data: ActivityData, *, actor: User) -> Activity:
    _check(data, utcnow(), {})
    activity = Activity(code=codes.new_code(_taken), created_by_id=actor.id,
                        state=ActivityState.published, **_fields(data))
    activity.counts = ActivityCounts(signed_up=0, came=0, no_show=0, cancelled=0, waited=0)
    db.session.add(activity)
    for s in data.sessions:
        activity.sessions.append(_session(ActivitySession(), s))
    db.session.flush()
    _build_pools(activity)
    record("activity_created", activity, sessions=len(data.sessions))
    texts.ask_machine(activity)
    db.session.flush()
    return activity


def _fields(data: ActivityData) -> dict[str, object]:
    return dict(kind=data.kind, audience=data.audience, title=clean_line(data.title, 200),
                description=clean_text(data.description, 2000), languages=list(data.languages),
                capacity=data.capacity, together=data.together, region_id=data.region_id,
                location_id=data.location_id)


def _session(target: ActivitySession, s: SessionData) -> ActivitySession:
    target.starts_at, target.ends_at, target.place_kind = s.starts_at, s.ends_at, s.place_kind
    target.place = clean_line(s.place, 200) if s.place_kind != PlaceKind.online else ""
    target.online_url = s.online_url[:300] if s.place_kind == PlaceKind.online else ""
    return target


def _shape(session: ActivitySession) -> tuple[object, ...]:
    return (session.starts_at, session.ends_at, session.place_kind, session.place,
            session.online_url)


def _build_pools(activity: Activity) -> None:
    if activity.together:
        activity.pools.append(SeatPool(session_id=None, capacity=activity.capacity, taken=0))
    else:
        for session in activity.sessions:
            activity.pools.append(SeatPool(session=session, capacity=activity.capacity, taken=0))
    db.session.flush()


def _open_signups(activity: Activity, pool_ids: set[int] | None = None) -> list[SignUp]:
    stmt = select(SignUp).where(SignUp.activity_id == activity.id,
                                SignUp.status.in_(OPEN_SIGNUP)).order_by(SignUp.id)
    if pool_ids is not None:
        stmt = stmt.where(SignUp.pool_id.in_(pool_ids))
    return list(db.session.scalars(stmt))


def _any_signup(pool: SeatPool) -> bool:
    return db.session.scalar(select(SignUp.id).where(SignUp.pool_id == pool.id).limit(1)) is not None


def update(activity: Activity, data: ActivityData, *, actor: User) -> int:
    """Save changes; people whose session moved are told, and more places go to the waiting
    list at once. Returns how many people were told."""
    if activity.state != ActivityState.published:
        raise ActivityError(_("Deze activiteit is geannuleerd en kan niet meer worden gewijzigd."))
    now = utcnow()
    existing = {s.id: s for s in activity.sessions}
    _check(data, now, existing)
    _check_change(activity, data)
    changed = _remove_sessions(activity, {s.id for s in data.sessions if s.id in existing})
    rebuild = data.together != activity.together
    for key, value in _fields(data).items():
        setattr(activity, key, value)
    changed |= _save_sessions(activity, data, existing)
    if rebuild:  # no sign-ups yet (_check_change): the pools can simply be made again
        activity.pools.clear()
        db.session.flush()
        _build_pools(activity)
    for pool in activity.pools:
        pool.capacity = data.capacity
    db.session.flush()
    for pool in activity.pools:
        signups.fill_from_waiting_list(pool, now)
    told = 0
    if changed:
        whole = WHOLE in changed or activity.together
        for person in _open_signups(activity, None if whole else changed):
            told += signups.tell(person, "changed")
    record("activity_changed", activity, told=told)
    texts.ask_machine(activity)
    db.session.flush()
    return told


def _check_change(activity: Activity, data: ActivityData) -> None:
    has_signups = db.session.scalar(select(SignUp.id).where(SignUp.activity_id == activity.id)
                                    .limit(1)) is not None
    if data.together != activity.together and has_signups:
        raise ActivityError(_("Er zijn al aanmeldingen: u kunt niet meer wisselen tussen één "
                              "aanmelding voor alle sessies en een aanmelding per sessie."),
                            "together")
    for pool in activity.pools:
        if data.capacity < pool.taken:
            raise ActivityError(_("Er zijn al %(n)s mensen aangemeld: kies minstens zoveel "
                                  "plaatsen.", n=pool.taken), "capacity")


def _remove_sessions(activity: Activity, kept: set[int | None]) -> set[int]:
    """Sessions left out of the form go, unless people signed up for that very session."""
    changed: set[int] = set()
    pool_of = {p.session_id: p for p in activity.pools}
    for gone in [s for s in activity.sessions if s.id not in kept]:
        own_pool = pool_of.get(gone.id)
        if own_pool is not None and _any_signup(own_pool):
            raise ActivityError(_("Op %(when)s zijn mensen aangemeld: die sessie kunt u niet "
                                  "weghalen. Annuleer de activiteit als hij niet doorgaat.",
                                  when=gone.local_start.strftime("%d-%m-%Y %H:%M")), None)
        if own_pool is not None:
            activity.pools.remove(own_pool)
        activity.sessions.remove(gone)
        changed.add(WHOLE)
    return changed


def _save_sessions(activity: Activity, data: ActivityData,
                   existing: dict[int, ActivitySession]) -> set[int]:
    """Returns the pools whose people must hear of a change (WHOLE: everyone)."""
    changed: set[int] = set()
    pool_of = {p.session_id: p for p in activity.pools}
    for s in data.sessions:
        before = existing.get(s.id) if s.id is not None else None
        if before is not None:
            shape = _shape(before)
            _session(before, s)
            if shape != _shape(before):
                changed.add(pool_of[before.id].id if before.id in pool_of else WHOLE)
            continue
        session = _session(ActivitySession(), s)
        activity.sessions.append(session)
        db.session.flush()
        if activity.together:
            changed.add(WHOLE)
        else:
            activity.pools.append(SeatPool(session=session, capacity=data.capacity, taken=0))
    db.session.flush()
    return changed


def cancel(activity: Activity, *, actor: User) -> list[SignUp]:
    """Cancel the activity: everyone signed up is told (by mail or text message where they
    can be reached; the list shows staff whom to call)."""
    if activity.state == ActivityState.cancelled:
        raise ActivityError(_("Deze activiteit is al geannuleerd."))
    now = utcnow()
    activity.state, activity.cancelled_at = ActivityState.cancelled, now
    affected = signups.cancel_all(activity, now)
    record("activity_cancelled", activity, told=len(affected))
    db.session.flush()
    return affected
