"""Reading activities: what staff may see (azc coordinators their azc, advisers their region,
admins all: the shared rules of portal.access), the public pages, the figures."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, case, exists, func, or_, select
from sqlalchemy.orm import selectinload

from portal import access, db
from portal.accounts.models import User
from portal.activities.links import lookup_hash
from portal.activities.models import (
    Activity,
    ActivityCounts,
    ActivitySession,
    ActivityState,
    Audience,
    SignUp,
    SignUpStatus,
)
from portal.clock import utcnow
from portal.regions.models import Location, Region
from portal.vacancies.codes import normalise

MAX_CODE = 16


def scope(user: User) -> ColumnElement[bool]:
    """The activities a staff member may see and manage, as a WHERE clause."""
    return or_(access.region_scope(user, Activity.region_id),
               access.location_scope(user, Activity.location_id))


def may_manage(user: User, activity: Activity) -> bool:
    """scope() for one loaded activity."""
    return (access.may_see_region(user, activity.region_id)
            or (activity.location_id is not None
                and access.may_see_location(user, activity.location_id)))


def for_staff(user: User, activity_id: int) -> Activity | None:
    return db.session.scalar(select(Activity).where(Activity.id == activity_id, scope(user)))


def listing(user: User, *, past: bool = False) -> list[Activity]:
    now = utcnow()
    last_end = (select(func.max(ActivitySession.ends_at))
                .where(ActivitySession.activity_id == Activity.id).scalar_subquery())
    stmt = (select(Activity).where(scope(user))
            .options(selectinload(Activity.sessions), selectinload(Activity.pools),
                     selectinload(Activity.location)))
    stmt = stmt.where(last_end < now) if past else stmt.where(or_(last_end >= now, last_end.is_(None)))
    found = list(db.session.scalars(stmt))
    return sorted(found, key=lambda a: (a.first_start or now), reverse=past)


def location_choices(user: User) -> list[Location]:
    """The azc locations a user may hold activities at."""
    stmt = select(Location).where(Location.active.is_(True)).order_by(Location.name)
    if access.is_admin(user):
        return list(db.session.scalars(stmt))
    if user.role.value == "adviser":
        if user.region_id is None:
            return []
        return list(db.session.scalars(stmt.where(Location.region_id == user.region_id)))
    return list(db.session.scalars(stmt.where(access.location_scope(user, Location.id))))


def region_choices(user: User) -> list[Region]:
    if access.is_admin(user):
        return list(db.session.scalars(select(Region).order_by(Region.name)))
    if user.role.value == "adviser" and user.region_id is not None:
        return list(db.session.scalars(select(Region).where(Region.id == user.region_id)))
    return []


# --- public ---------------------------------------------------------------------------------

def find_by_code(code: str) -> Activity | None:
    if not code or len(code) > MAX_CODE:
        return None
    return db.session.scalar(select(Activity).where(Activity.code == normalise(code))
                             .options(selectinload(Activity.sessions),
                                      selectinload(Activity.pools)))


def signup_by_token(token: str) -> SignUp | None:
    digest = lookup_hash(token)
    if digest is None:
        return None
    return db.session.scalar(select(SignUp).where(SignUp.token_hash == digest))


def for_board(location: Location, now: datetime | None = None) -> list[Activity]:
    """Resident activities at this azc that one can still sign up for."""
    now = now or utcnow()
    upcoming = exists().where(ActivitySession.activity_id == Activity.id,
                              ActivitySession.starts_at > now)
    found = db.session.scalars(
        select(Activity).where(Activity.location_id == location.id,
                               Activity.state == ActivityState.published,
                               Activity.audience == Audience.residents, upcoming)
        .options(selectinload(Activity.sessions), selectinload(Activity.pools))).all()
    return sorted(found, key=lambda a: a.first_start or now)


def for_employers(now: datetime | None = None) -> list[Activity]:
    now = now or utcnow()
    upcoming = exists().where(ActivitySession.activity_id == Activity.id,
                              ActivitySession.starts_at > now)
    found = db.session.scalars(
        select(Activity).where(Activity.state == ActivityState.published,
                               Activity.audience == Audience.employers, upcoming)
        .options(selectinload(Activity.sessions), selectinload(Activity.region))).all()
    return sorted(found, key=lambda a: a.first_start or now)


def pool_rows(activity: Activity) -> dict[int, dict[str, list[SignUp]]]:
    """Per pool: the sign-ups by status, for the staff page."""
    rows: dict[int, dict[str, list[SignUp]]] = {p.id: {} for p in activity.pools}
    for signup in db.session.scalars(select(SignUp).where(SignUp.activity_id == activity.id)
                                     .order_by(SignUp.id)):
        rows.setdefault(signup.pool_id, {}).setdefault(signup.status.value, []).append(signup)
    return rows


# --- figures --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Figures:
    signed_up: int
    came: int
    no_show: int
    cancelled: int
    waiting: int  # still on the list (after the activity: who never got a place)
    waited: int   # were ever put on the waiting list

    @property
    def no_show_rate(self) -> float | None:
        """No-shows among those whose attendance was ticked; None before any was ticked."""
        marked = self.came + self.no_show
        return self.no_show / marked if marked else None

    def __add__(self, other: Figures) -> Figures:
        return Figures(*(a + b for a, b in zip(self._values(), other._values(), strict=True)))

    def _values(self) -> tuple[int, ...]:
        return (self.signed_up, self.came, self.no_show, self.cancelled, self.waiting, self.waited)


EMPTY = Figures(0, 0, 0, 0, 0, 0)


def _count(status: SignUpStatus) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((SignUp.status == status, 1), else_=0)), 0)


def figures_by_activity(activity_ids: list[int]) -> dict[int, Figures]:
    """Live sign-ups plus the counts that erased ones left behind."""
    if not activity_ids:
        return {}
    out = {i: EMPTY for i in activity_ids}
    live = db.session.execute(
        select(SignUp.activity_id, func.count(SignUp.id), _count(SignUpStatus.attended),
               _count(SignUpStatus.no_show), _count(SignUpStatus.cancelled),
               _count(SignUpStatus.waiting),
               func.coalesce(func.sum(case((SignUp.waited_at.is_not(None), 1), else_=0)), 0))
        .where(SignUp.activity_id.in_(activity_ids)).group_by(SignUp.activity_id)).all()
    for activity_id, *values in live:
        out[activity_id] = out[activity_id] + Figures(*(int(v) for v in values))
    kept = db.session.execute(
        select(ActivityCounts.activity_id, ActivityCounts.signed_up, ActivityCounts.came,
               ActivityCounts.no_show, ActivityCounts.cancelled, ActivityCounts.waited)
        .where(ActivityCounts.activity_id.in_(activity_ids))).all()
    for activity_id, signed_up, came, no_show, cancelled, waited in kept:
        out[activity_id] = out[activity_id] + Figures(signed_up, came, no_show, cancelled, 0, waited)
    return out
