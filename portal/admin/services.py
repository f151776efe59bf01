"""Admin rules: regions, azc locations, staff accounts, the minimum-wage table.
Functions flush but never commit; they raise AdminError with the form field it belongs to."""
from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from datetime import date
from typing import TypeVar

from flask import abort
from flask_babel import gettext as _
from sqlalchemy import func, select

from portal import access, db
from portal.accounts.models import STAFF_ROLES, Role, User
from portal.accounts.services import AccountError, disable_user
from portal.accounts.services import create_staff as create_account
from portal.accounts.signals import staff_changed
from portal.audit.services import record
from portal.domain import DomainError
from portal.regions.models import Location, Region
from portal.text import clean_line
from portal.vacancies.models import MinimumWage
from portal.vacancies.wages import missing_change_dates

CODE_RE = re.compile(r"^[A-Z0-9]{2,6}$")


class AdminError(DomainError):
    """A broken rule of this feature; see portal.domain.DomainError."""


# --- queries ----------------------------------------------------------------------------------

def regions() -> list[Region]:
    return list(db.session.scalars(select(Region).order_by(Region.name)))


def locations() -> list[Location]:
    return list(db.session.scalars(select(Location).order_by(Location.code)))


def staff() -> list[User]:
    return list(db.session.scalars(
        select(User).where(User.role.in_(list(STAFF_ROLES))).order_by(User.role, User.name, User.email)
    ))


M = TypeVar("M")


def get_or_404(model: type[M], obj_id: int) -> M:
    return access.found_or_404(db.session.get(model, obj_id))


def get_staff_or_404(user_id: int) -> User:
    user = get_or_404(User, user_id)
    if not user.is_staff:  # members belong to organisations, not to this screen
        abort(404)
    return user


# --- regions ----------------------------------------------------------------------------------

def _region_name_free(name: str, exclude_id: int | None = None) -> None:
    stmt = select(Region.id).where(func.lower(Region.name) == name.lower())
    if exclude_id is not None:
        stmt = stmt.where(Region.id != exclude_id)
    if db.session.scalar(stmt) is not None:
        raise AdminError(_("Er is al een regio met deze naam."), "name")


def create_region(name: str) -> Region:
    name = clean_line(name)
    _region_name_free(name)
    region = Region(name=name)
    db.session.add(region)
    db.session.flush()
    record("region_created", region)
    return region


def rename_region(region: Region, name: str) -> None:
    name = clean_line(name)
    _region_name_free(name, exclude_id=region.id)
    region.name = name
    db.session.flush()
    record("region_renamed", region)


# --- locations --------------------------------------------------------------------------------

def normalise_code(code: str) -> str:
    return (code or "").strip().upper()


def create_location(code: str, name: str, city: str, region_id: int) -> Location:
    code = normalise_code(code)
    if not CODE_RE.match(code):
        raise AdminError(_("Een code heeft 2 tot 6 letters of cijfers, zoals ZDM."), "code")
    # Codes are printed in QR URLs: a used code (even of an inactive location) stays taken.
    if db.session.scalar(select(Location.id).where(func.upper(Location.code) == code)) is not None:
        raise AdminError(_("Deze code is al gebruikt. Een code kan maar één keer worden gebruikt."),
                         "code")
    region = _region(region_id)
    loc = Location(code=code, name=clean_line(name), city=clean_line(city), region=region)
    db.session.add(loc)
    db.session.flush()
    record("location_created", loc, code=code, region_id=region.id)
    return loc


def update_location(loc: Location, name: str, city: str, region_id: int, active: bool) -> None:
    loc.name = clean_line(name)
    loc.city = clean_line(city)
    loc.region = _region(region_id)
    loc.active = bool(active)
    db.session.flush()
    record("location_updated", loc, region_id=loc.region_id, active=loc.active)


def _region(region_id: int | None) -> Region:
    region = db.session.get(Region, region_id) if region_id else None
    if region is None:
        raise AdminError(_("Kies een regio."), "region")
    return region


# --- staff ------------------------------------------------------------------------------------

def _scope(role: str, region_id: int | None,
           location_ids: Iterable[int | str] | None) -> tuple[Region | None, list[Location]]:
    region = None
    locs: list[Location] = []
    if role == Role.adviser.value:
        region = _region(region_id)
    if role == Role.coordinator.value:
        ids = [int(i) for i in (location_ids or [])]
        locs = list(db.session.scalars(select(Location).where(Location.id.in_(ids)))) if ids else []
        if not locs:
            raise AdminError(_("Kies minstens één azc-locatie."), "locations")
    return region, locs


def create_staff(name: str, email: str, role: str, region_id: int | None,
                 location_ids: Iterable[int | str] | None) -> tuple[User, str]:
    """Create a staff account with a random first password, shown once to the admin.
    The new user must set up two-factor sign-in at first sign-in."""
    region, locs = _scope(role, region_id, location_ids)
    password = secrets.token_urlsafe(12)
    try:
        user = create_account(email, password, role, region_name=region.name if region else None,
                              location_codes=[loc.code for loc in locs], name=name)
    except AccountError as exc:
        raise AdminError(exc.message, exc.field) from exc
    return user, password


def change_role(user: User, actor: User, role: str, region_id: int | None,
                location_ids: Iterable[int | str] | None) -> None:
    if user.id == actor.id:
        raise AdminError(_("U kunt uw eigen rol niet wijzigen."), "role")
    try:
        new_role = Role(role)
    except ValueError as exc:
        raise AdminError(_("Onbekende rol."), "role") from exc
    if new_role not in STAFF_ROLES:
        raise AdminError(_("Onbekende rol."), "role")
    region, locs = _scope(role, region_id, location_ids)
    old = user.role
    user.role = new_role
    user.region = region
    user.locations = locs
    # New rights should not ride on a session that was opened with the old ones.
    user.session_version += 1
    db.session.flush()
    record("role_changed", user, actor=actor, old=old.value, new=new_role.value,
           region_id=user.region_id, location_ids=[loc.id for loc in locs])
    staff_changed.send(user)  # links the new role or region no longer covers are dropped


def disable(user: User, actor: User) -> None:
    if user.id == actor.id:
        raise AdminError(_("U kunt uw eigen account niet uitschakelen."))
    if not user.active:
        raise AdminError(_("Dit account is al uitgeschakeld."))
    disable_user(user)  # bumps session_version: open sessions end at the next request
    db.session.flush()


def enable(user: User, actor: User) -> None:
    if user.active:
        raise AdminError(_("Dit account is al actief."))
    user.active = True
    db.session.flush()
    record("user_enabled", user, actor=actor)


# --- minimum wage -----------------------------------------------------------------------------

def wages() -> list[MinimumWage]:
    return list(db.session.scalars(select(MinimumWage).order_by(MinimumWage.valid_from.desc())))


def add_wage(valid_from: date, cents: int) -> MinimumWage:
    if db.session.scalar(select(MinimumWage.id).where(MinimumWage.valid_from == valid_from)):
        raise AdminError(_("Voor deze datum is al een bedrag ingevoerd."), "valid_from")
    if cents <= 0:
        raise AdminError(_("Vul een bedrag tussen 1 en 100 euro in."), "euros")
    row = MinimumWage(valid_from=valid_from, cents_per_hour=cents)
    db.session.add(row)
    db.session.flush()
    record("minimum_wage_added", row, valid_from=valid_from.isoformat(), cents_per_hour=cents)
    return row


def wage_table_stale() -> list[date]:
    """The 1 January / 1 July change days the table lacks (empty: up to date). One rule for
    the admin pages and `portal tick`: vacancies.wages.missing_change_dates."""
    return missing_change_dates()
