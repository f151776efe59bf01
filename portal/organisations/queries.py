"""Read-only queries for organisations, always scoped to what the signed-in user may see."""
from __future__ import annotations

from flask import abort
from sqlalchemy import func, select

from portal import db
from portal.accounts.models import Role, User
from portal.clock import utcnow
from portal.organisations.models import Organisation, OrgStatus
from portal.regions.models import Region


def all_regions() -> list[Region]:
    return list(db.session.scalars(select(Region).order_by(Region.name)))


def _scoped(stmt, user: User):
    """Advisers see their own region; admins every region."""
    if user.role == Role.admin:
        return stmt
    return stmt.where(Organisation.region_id == user.region_id)


def get_for_adviser_or_404(org_id: int, user: User) -> Organisation:
    org = db.session.get(Organisation, org_id)
    # Another region's organisation is reported as missing, not forbidden.
    if org is None or (user.role != Role.admin and org.region_id != user.region_id):
        abort(404)
    return org


def queue(user: User, status: OrgStatus) -> list[tuple[Organisation, int]]:
    """Organisations with the given status and their age in days. Pending ones oldest
    first (the ones that waited longest need an answer first); others newest decision first."""
    stmt = _scoped(select(Organisation).where(Organisation.status == status), user)
    if status == OrgStatus.pending:
        stmt = stmt.order_by(Organisation.created_at, Organisation.id)
    else:
        stmt = stmt.order_by(Organisation.decided_at.desc(), Organisation.name)
    now = utcnow()
    return [(org, (now - org.created_at).days) for org in db.session.scalars(stmt)]


def status_counts(user: User) -> dict[OrgStatus, int]:
    stmt = _scoped(
        select(Organisation.status, func.count(Organisation.id)).group_by(Organisation.status), user
    )
    counts = {status: 0 for status in OrgStatus}
    for status, count in db.session.execute(stmt):
        counts[status] = count
    return counts


def members(org: Organisation) -> list[User]:
    return list(db.session.scalars(
        select(User).where(User.organisation_id == org.id).order_by(User.name, User.email)
    ))


def advisers_of_region(region_id: int) -> list[User]:
    return list(db.session.scalars(
        select(User)
        .where(User.role == Role.adviser, User.region_id == region_id, User.active.is_(True))
        .order_by(User.name, User.email)
    ))
