"""Read-only look-ups for tours, always scoped: an organisation, or a coordinator's locations."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import groupby

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload, selectinload

from portal import access, db
from portal.accounts.models import User
from portal.applicants.models import Application, Stage
from portal.clock import AMS, today
from portal.organisations.models import Organisation
from portal.tours.models import Tour, TourInvite, TourState

PAST_DAYS = 14  # past tours stay listed this long so attendance can still be recorded


def _with_invites(stmt: Select[tuple[Tour]]) -> Select[tuple[Tour]]:
    return stmt.options(
        selectinload(Tour.invites).joinedload(TourInvite.application)
        .joinedload(Application.azc_location),
        joinedload(Tour.vacancy), joinedload(Tour.organisation))


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(0), AMS).astimezone(UTC)


def for_organisation(org: Organisation, tour_id: int) -> Tour | None:
    return db.session.scalar(_with_invites(
        select(Tour).where(Tour.id == tour_id, Tour.organisation_id == org.id)))


def list_for_organisation(org: Organisation) -> list[Tour]:
    since = _start_of(today() - timedelta(days=PAST_DAYS))
    return list(db.session.scalars(_with_invites(
        select(Tour).where(Tour.organisation_id == org.id, Tour.starts_at >= since)
        .order_by(Tour.starts_at))))


def invites_of_application(app: Application) -> list[TourInvite]:
    return list(db.session.scalars(
        select(TourInvite).where(TourInvite.application_id == app.id)
        .options(joinedload(TourInvite.tour)).order_by(TourInvite.id)))


def _coordinated(user: User) -> Select[tuple[Tour]]:
    """Tours with an invitee from one of the user's azc locations (admins: all, tours
    without invitees too)."""
    stmt = select(Tour)
    if access.location_ids(user) is None:
        return stmt
    return stmt.where(Tour.invites.any(TourInvite.application.has(
        access.location_scope(user, Application.azc_location_id))))


def for_coordinator(user: User, tour_id: int) -> Tour | None:
    return db.session.scalar(_with_invites(_coordinated(user).where(Tour.id == tour_id)))


def list_for_coordinator(user: User) -> list[Tour]:
    since = _start_of(today() - timedelta(days=PAST_DAYS))
    return list(db.session.scalars(_with_invites(
        _coordinated(user).where(Tour.starts_at >= since).order_by(Tour.starts_at))))


def visible_invites(user: User, tour: Tour) -> list[TourInvite]:
    """A coordinator sees the invitees who live at their own locations only."""
    return [i for i in tour.invites if access.may_see_location(user, i.application.azc_location_id)]


def by_iso_week(tours: list[Tour]) -> list[tuple[tuple[int, int], date, list[Tour]]]:
    """[((year, week), monday, tours)] in Amsterdam time."""
    def key(tour: Tour) -> tuple[int, int]:
        iso = tour.starts_at.astimezone(AMS).isocalendar()
        return (iso[0], iso[1])

    out = []
    for (year, week), group in groupby(sorted(tours, key=lambda t: t.starts_at), key=key):
        out.append(((year, week), date.fromisocalendar(year, week, 1), list(group)))
    return out


def remind_in_person(user: User, tours: list[Tour]) -> list[tuple[Tour, TourInvite]]:
    """Invitees of the coordinator's locations with a tour tomorrow: to remind at the desk."""
    tomorrow = today() + timedelta(days=1)
    rows = []
    for tour in tours:
        if tour.state not in (TourState.requested, TourState.confirmed):
            continue
        if tour.starts_at.astimezone(AMS).date() != tomorrow:
            continue
        for invite in visible_invites(user, tour):
            app = invite.application
            if app.erased_at is None and app.stage not in (Stage.withdrawn, Stage.rejected):
                rows.append((tour, invite))
    return rows
