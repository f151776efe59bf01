"""Read-only queries for organisations, always scoped to what the signed-in user may see."""
from __future__ import annotations

from flask import abort
from sqlalchemy import Select, func, select

from portal import access, db
from portal.accounts.models import User
from portal.clock import utcnow
from portal.db import Rows
from portal.organisations.models import Organisation, OrgStatus
from portal.regions.models import Region


def all_regions() -> list[Region]:
    return list(db.session.scalars(select(Region).order_by(Region.name)))


def _scoped(stmt: Select[Rows], user: User) -> Select[Rows]:
    """Advisers see their own region; admins every region."""
    return stmt.where(access.region_scope(user, Organisation.region_id))


def get_for_adviser_or_404(org_id: int, user: User) -> Organisation:
    org = db.session.get(Organisation, org_id)
    # Another region's organisation is reported as missing, not forbidden.
    if org is None or not access.may_manage_org(user, org):
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


def contact_adviser(org: Organisation) -> User | None:
    """The organisation's single contact, while they still advise its region (a link left
    from before a move or a role change is ignored)."""
    adviser = org.contact_adviser
    return adviser if access.advises_region(adviser, org.region_id) else None


def advisers_to_call(org: Organisation) -> list[User]:
    """Whom the organisation should call: its contact adviser, else its region's advisers."""
    adviser = contact_adviser(org)
    return [adviser] if adviser is not None else advisers_of_region(org.region_id)


def advisers_of_region(region_id: int) -> list[User]:
    """The region's advisers by name (to choose a contact from)."""
    return sorted(access.region_advisers(region_id), key=lambda u: (u.name, u.email))
