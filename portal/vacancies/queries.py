"""Read-only look-ups, always scoped: callers pass the organisation or location."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import BindParameter, ColumnElement, and_, func, or_, select
from sqlalchemy.orm import selectinload

from portal import access, db
from portal.accounts.models import User
from portal.clock import AMS, today
from portal.organisations.models import Organisation, OrgStatus
from portal.regions.models import Location
from portal.signals import merged
from portal.vacancies import signals
from portal.vacancies.codes import normalise
from portal.vacancies.models import Vacancy, VacancyLocation, VacancyStatus


def find_by_code(code: str) -> Vacancy | None:
    """Any status (closed vacancies still get a friendly page); case-insensitive."""
    code = normalise(code)
    if not code:
        return None
    return db.session.scalars(select(Vacancy).where(Vacancy.code == code)).first()


def for_organisation(org: Organisation, vacancy_id: int) -> Vacancy | None:
    """None when the vacancy is another organisation's: callers answer 404."""
    return db.session.scalars(select(Vacancy).where(
        Vacancy.id == vacancy_id, Vacancy.organisation_id == org.id)).first()


def list_for_organisation(org: Organisation) -> list[tuple[Vacancy, int, int]]:
    """(vacancy, applications, new applications), newest first. The counts come from the
    applicants feature, which sits above this one."""
    vacancies = db.session.scalars(
        select(Vacancy).where(Vacancy.organisation_id == org.id)
        .order_by(Vacancy.created_at.desc(), Vacancy.id.desc())
    ).all()
    counts = merged(signals.listed, org)
    return [(v, *counts.get(v.id, (0, 0))) for v in vacancies]


def location_choices(org: Organisation) -> list[tuple[int, str]]:
    """Active azc locations, the organisation's own region first."""
    locs = list(db.session.scalars(select(Location).where(Location.active.is_(True))
                                   .options(selectinload(Location.region))))
    locs.sort(key=lambda loc: (loc.region_id != org.region_id, loc.region.name, loc.name))
    return [(loc.id, f"{loc.name} ({loc.city}, {loc.region.name})") for loc in locs]


def open_clause(on: date | BindParameter[date] | None = None) -> ColumnElement[bool]:
    """THE rule for "this vacancy is open": residents may apply, its posters hang, the feed and
    the boards list it, the dashboard counts it, and the retention purge leaves it alone.
    Published, closing date not passed (even before the nightly expiry job has run) and the
    organisation approved (a suspended organisation's vacancies are offline at once).
    The statement must join Organisation on Vacancy.organisation_id. `on` is a Dutch calendar
    date, or a bound parameter for statements prepared once (the landing probe); default today."""
    return and_(Vacancy.status == VacancyStatus.published,
                Vacancy.closing_date >= (today() if on is None else on),
                Organisation.status == OrgStatus.approved)


def was_open_clause(day: date) -> ColumnElement[bool]:
    """The same rule for an earlier Dutch calendar day, rebuilt from the dates (the figures'
    "open vacancies" of a past period): published before that day ended, closing date not
    passed, and not closed before the day ended. A status only says what holds now, and an
    organisation's suspension has no date, so neither counts for an earlier day."""
    end = datetime.combine(day + timedelta(days=1), time(0), AMS).astimezone(UTC)
    return and_(Vacancy.status != VacancyStatus.draft, Vacancy.published_at < end,
                Vacancy.closing_date >= day,
                or_(Vacancy.closed_at.is_(None), Vacancy.closed_at >= end))


def open_vacancies(location_code: str | None = None) -> list[Vacancy]:
    """What residents may apply to now; for the public feed and notice boards."""
    stmt = (select(Vacancy).join(Organisation, Vacancy.organisation_id == Organisation.id)
            .where(open_clause())
            .options(selectinload(Vacancy.organisation),
                     selectinload(Vacancy.postings).selectinload(VacancyLocation.location))
            .order_by(Vacancy.published_at.desc(), Vacancy.id.desc()))
    if location_code:
        stmt = stmt.where(Vacancy.postings.any(and_(
            VacancyLocation.removed_at.is_(None),
            VacancyLocation.location.has(Location.code == location_code.upper()))))
    return list(db.session.scalars(stmt))


def location_by_code(code: str) -> Location | None:
    return db.session.scalars(select(Location).where(
        func.upper(Location.code) == (code or "").upper())).first()


def posting(vacancy: Vacancy, location_code: str) -> VacancyLocation | None:
    code = (location_code or "").upper()
    return next((p for p in vacancy.current_postings if p.location.code.upper() == code), None)


def to_hang(location: Location) -> list[VacancyLocation]:
    """Posters that should hang and have not been printed since the poster last changed."""
    changed = func.coalesce(Vacancy.poster_changed_at, Vacancy.published_at)
    stmt = (select(VacancyLocation).join(Vacancy).join(Organisation)
            .where(VacancyLocation.location_id == location.id,
                   VacancyLocation.removed_at.is_(None), open_clause(),
                   or_(VacancyLocation.printed_at.is_(None),
                       VacancyLocation.taken_down_at.is_not(None),
                       VacancyLocation.printed_at < changed))
            .options(selectinload(VacancyLocation.vacancy).selectinload(Vacancy.organisation))
            .order_by(Vacancy.published_at.desc()))
    return list(db.session.scalars(stmt))


def hanging(location: Location) -> list[VacancyLocation]:
    """All open posters of this board (for 'print all current posters')."""
    stmt = (select(VacancyLocation).join(Vacancy).join(Organisation)
            .where(VacancyLocation.location_id == location.id,
                   VacancyLocation.removed_at.is_(None), open_clause())
            .options(selectinload(VacancyLocation.vacancy).selectinload(Vacancy.organisation))
            .order_by(Vacancy.published_at.desc()))
    return list(db.session.scalars(stmt))


def to_take_down(location: Location) -> list[VacancyLocation]:
    """Printed posters that hang but whose vacancy is no longer open here."""
    stmt = (select(VacancyLocation).join(Vacancy).join(Organisation)
            .where(VacancyLocation.location_id == location.id,
                   VacancyLocation.printed_at.is_not(None),
                   VacancyLocation.taken_down_at.is_(None),
                   or_(VacancyLocation.removed_at.is_not(None), ~open_clause()))
            .options(selectinload(VacancyLocation.vacancy).selectinload(Vacancy.organisation))
            .order_by(Vacancy.id))
    return list(db.session.scalars(stmt))


def board_locations(user: User) -> list[Location]:
    """Coordinators: their own locations; admins: all."""
    return list(db.session.scalars(select(Location).where(
        access.location_scope(user, Location.id)).order_by(Location.name)))


def is_open_now(vacancy: Vacancy) -> bool:
    """open_clause for one vacancy (asked of the database, so there is no second copy of the
    rule in Python to drift from it)."""
    return db.session.scalar(
        select(Vacancy.id).join(Organisation, Vacancy.organisation_id == Organisation.id)
        .where(Vacancy.id == vacancy.id, open_clause())) is not None
