"""Who may see or do what: the one home of these rules. Every feature asks here (views,
queries, exports, PDFs, mail recipients), so the rules cannot drift apart again.

- admin: everything.
- adviser: the organisations of their own region (the organisation's region, never a contact
  adviser link that outlived a move) and what hangs off them, read-only in the organisation's
  workspace; region-bound items such as reports and FAQ drafts of that region. An adviser
  without a region sees nothing region-bound; items without a region are for admins.
- coordinator: the azc locations assigned to them.
- member: their own organisation only. While it is suspended they keep their account but see
  no personal data of residents (names, phone numbers, CSV, messages to residents).

Predicates (`may_*`) answer for one loaded row; scopes build the same rule as an SQL clause
from the caller's columns, so a feature can filter any query it writes. This package sits
just above accounts: it knows users, roles and regions, and takes an organisation as
anything with `id`, `region_id` and `is_suspended` (organisations sit above it)."""
from __future__ import annotations

from typing import Any, Protocol, TypeVar

from flask import abort
from flask_login import current_user
from sqlalchemy import ColumnElement, false, or_, select, true

from portal import db
from portal.accounts.auth import roles_required
from portal.accounts.models import Role, User
from portal.db import ColumnArg

T = TypeVar("T")


class OrganisationLike(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def region_id(self) -> int: ...

    @property
    def is_suspended(self) -> bool: ...


def found_or_404(found: T | None) -> T:
    """The object of a staff page, from a lookup scoped to the user (`for_adviser(user, id)`,
    ...): None means it does not exist or this user may not see it; both answer 404, so an id
    in a URL never tells whether it exists outside one's own scope."""
    if found is None:
        abort(404)
    return found


def roles_or_404(*roles: Role) -> Any:
    """A view for these roles only; anyone else signed in gets 404, as for a page that does
    not exist: an employer's tours or vacancies are no one else's business."""
    return roles_required(*roles, refuse=404)


def own_organisation() -> Any:
    """The signed-in member's organisation: the scope of every member-only page."""
    return current_user.organisation


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", None) is not None


def is_admin(user: Any) -> bool:
    return _signed_in(user) and user.role == Role.admin


# --- regions and organisations -------------------------------------------------------------

def advises_region(user: Any, region_id: int | None) -> bool:
    """An active adviser of this very region (also the test for a valid contact adviser)."""
    return (_signed_in(user) and user.role == Role.adviser and user.active
            and region_id is not None and user.region_id == region_id)


def may_see_region(user: Any, region_id: int | None) -> bool:
    """Region-bound items (reports, FAQ drafts, figures): the region's advisers and admins.
    Items without a region are for admins only."""
    return is_admin(user) or advises_region(user, region_id)


def is_member_of(user: Any, org_id: int | None) -> bool:
    return (_signed_in(user) and user.role == Role.member and org_id is not None
            and user.organisation_id == org_id)


def may_see_org(user: Any, org: OrganisationLike) -> bool:
    """An organisation's data (workspace, placements, questions, aftercare): its members,
    the advisers of its region, admins."""
    return is_member_of(user, org.id) or may_see_region(user, org.region_id)


def may_act_for_org(user: Any, org: OrganisationLike) -> bool:
    """Work in the organisation's workspace (move applicants, notes, export, tours, hire):
    its own members only. Advisers look, they do not act."""
    return is_member_of(user, org.id)


def may_manage_org(user: Any, org: OrganisationLike) -> bool:
    """Decide about the organisation (approve, reject, suspend, contact adviser)."""
    return may_see_region(user, org.region_id)


def may_see_personal_data(user: Any) -> bool:
    """False for members of a suspended organisation: no names, phone numbers, CSV or
    messages to residents until it is reinstated. Staff are not affected."""
    if not _signed_in(user):
        return False
    if user.role != Role.member:
        return True
    org = user.organisation
    return org is not None and not org.is_suspended


def organisation_members(org_id: int) -> list[User]:
    """Who gets an organisation's mail: its active members with a verified address."""
    return list(db.session.scalars(
        select(User).where(User.organisation_id == org_id, User.role == Role.member,
                           User.active.is_(True), User.email_verified_at.is_not(None))
        .order_by(User.id)))


def region_advisers(region_id: int | None) -> list[User]:
    """Who gets a region's mail: its active advisers (they and the admins see its items)."""
    if region_id is None:
        return []
    return list(db.session.scalars(
        select(User).where(User.role == Role.adviser, User.region_id == region_id,
                           User.active.is_(True)).order_by(User.id)))


# --- azc locations -------------------------------------------------------------------------

def location_ids(user: Any) -> set[int] | None:
    """The azc locations a user coordinates; None means every location (admin)."""
    if is_admin(user):
        return None
    if _signed_in(user) and user.role == Role.coordinator:
        return {loc.id for loc in user.locations}
    return set()


def may_see_location(user: Any, location_id: int | None) -> bool:
    ids = location_ids(user)
    return ids is None or (location_id is not None and location_id in ids)


# --- the same rules as SQL -----------------------------------------------------------------

def region_scope(user: Any, region_id_col: ColumnArg) -> ColumnElement[bool]:
    """may_see_region as a WHERE clause on the caller's region column."""
    if is_admin(user):
        return true()
    if _signed_in(user) and user.role == Role.adviser and user.region_id is not None:
        region_id: int = user.region_id
        return region_id_col == region_id
    return false()


def org_scope(user: Any, org_id_col: ColumnArg, region_id_col: ColumnArg) -> ColumnElement[bool]:
    """may_see_org as a WHERE clause: the caller passes the organisation's id column and its
    region column (join Organisation for it)."""
    if _signed_in(user) and user.role == Role.member:
        if user.organisation_id is None:
            return false()
        org_id: int = user.organisation_id
        return org_id_col == org_id
    return region_scope(user, region_id_col)


def location_scope(user: Any, location_id_col: ColumnArg) -> ColumnElement[bool]:
    """may_see_location as a WHERE clause on the caller's azc-location column."""
    ids = location_ids(user)
    if ids is None:
        return true()
    if not ids:
        return false()
    return location_id_col.in_(sorted(ids))


# --- residents' profiles (the talent pool) ------------------------------------------------

def may_see_profile(user: Any, location_id: int | None, region_id: int | None) -> bool:
    """A resident's opt-in profile: the advisers of the region of the resident's azc (what the
    resident consented to), the azc's coordinators (read-only, they help at the desk), admins."""
    return may_see_region(user, region_id) or (
        location_id is not None and may_see_location(user, location_id))


def may_propose(user: Any, region_id: int | None) -> bool:
    """Propose a resident for a vacancy, see suggestions: the region's advisers and admins.
    Coordinators only look."""
    return may_see_region(user, region_id)


def profile_scope(user: Any, location_id_col: ColumnArg,
                  region_id_col: ColumnArg) -> ColumnElement[bool]:
    """may_see_profile as a WHERE clause on the profile's azc column and that azc's region."""
    return or_(region_scope(user, region_id_col), location_scope(user, location_id_col))
