"""Reading the Werkbalie agenda. Staff see the desks of their azc (coordinators), of their
region (advisers), or all (admins): the same rules as for activities (portal.access)."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal import access, db
from portal.accounts.models import User
from portal.activities.links import lookup_hash
from portal.activities.queries import location_choices
from portal.applicants.models import Application
from portal.clock import AMS
from portal.organisations.models import Organisation
from portal.regions.models import Location
from portal.vacancies.models import Vacancy
from portal.werkbalie.models import Appointment, AppointmentStatus, SlotSeries

__all__ = ["location_choices"]


def may_work_at(user: User, location: Location) -> bool:
    return access.may_see_region(user, location.region_id) or access.may_see_location(user, location.id)


def staff_location(user: User, code: str) -> Location | None:
    found = db.session.scalar(select(Location).where(Location.code == (code or "").upper()[:16]))
    return found if found is not None and may_work_at(user, found) else None


def for_staff(user: User, appointment_id: int) -> Appointment | None:
    found = db.session.get(Appointment, appointment_id)
    return found if found is not None and may_work_at(user, found.location) else None


def series_for_staff(user: User, series_id: int) -> SlotSeries | None:
    found = db.session.get(SlotSeries, series_id)
    return found if found is not None and may_work_at(user, found.location) else None


def series_list(user: User) -> list[SlotSeries]:
    ids = [loc.id for loc in location_choices(user)]
    return list(db.session.scalars(
        select(SlotSeries).where(SlotSeries.location_id.in_(ids), SlotSeries.active.is_(True))
        .options(selectinload(SlotSeries.location))
        .order_by(SlotSeries.location_id, SlotSeries.first_day, SlotSeries.start_time)))


def day_list(location: Location, day: date) -> list[Appointment]:
    since = datetime.combine(day, time(0), AMS)
    until = datetime.combine(day + timedelta(days=1), time(0), AMS)
    return list(db.session.scalars(
        select(Appointment).where(Appointment.location_id == location.id,
                                  Appointment.starts_at >= since, Appointment.starts_at < until,
                                  Appointment.status != AppointmentStatus.cancelled)
        .options(selectinload(Appointment.series)).order_by(Appointment.starts_at)))


def booking_by_token(token: str) -> Appointment | None:
    digest = lookup_hash(token)
    if digest is None:
        return None
    return db.session.scalar(select(Appointment).where(Appointment.token_hash == digest))


def applications_of(user: User, phone: str) -> list[Application]:
    """The resident's applications (same phone) this staff member may see: an adviser those
    with the region's organisations, a coordinator those of residents of their azc."""
    visible = (access.org_scope(user, Organisation.id, Organisation.region_id)
               | access.location_scope(user, Application.azc_location_id))
    return list(db.session.scalars(
        select(Application).join(Vacancy, Vacancy.id == Application.vacancy_id)
        .join(Organisation, Organisation.id == Vacancy.organisation_id)
        .where(Application.phone == phone, visible).order_by(Application.created_at.desc())))
