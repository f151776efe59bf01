"""Read-only lookups for the resident pages. Codes from printed URLs are case-insensitive."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from portal import db
from portal.applicants.models import OPEN_STAGES, Application
from portal.apply.tokens import hash_token
from portal.regions.models import Location
from portal.vacancies import queries as vacancy_queries
from portal.vacancies.models import Vacancy, VacancyLocation, VacancyStatus

MAX_CODE = 16  # longer than any code we print: answer "not found" without a query


def find_vacancy(code: str) -> Vacancy | None:
    if not code or len(code) > MAX_CODE:
        return None
    return vacancy_queries.find_by_code(code)


def find_location(code: str | None) -> Location | None:
    if not code or len(code) > MAX_CODE:
        return None
    return vacancy_queries.location_by_code(code)


# Open for applications right now; the closing date counts even before the expiry job ran.
is_open = vacancy_queries.is_open_now


def not_yet_published(vacancy: Vacancy) -> bool:
    return vacancy.status == VacancyStatus.draft


def open_vacancies_at(location: Location | None) -> list[Vacancy]:
    """The notice board of an azc, newest first."""
    return vacancy_queries.open_vacancies(location.code) if location is not None else []


def boards() -> list[tuple[Location, int]]:
    """Active azc locations with the number of open vacancies on their board."""
    counts = dict(db.session.execute(
        select(VacancyLocation.location_id, func.count(Vacancy.id))
        .join(Vacancy, Vacancy.id == VacancyLocation.vacancy_id)
        .join(Vacancy.organisation)
        .where(VacancyLocation.removed_at.is_(None), vacancy_queries.open_clause())
        .group_by(VacancyLocation.location_id)
    ).tuples().all())
    locations = db.session.scalars(
        select(Location).where(Location.active.is_(True)).order_by(Location.name)
    )
    return [(loc, counts.get(loc.id, 0)) for loc in locations]


def location_choices() -> list[tuple[int, str]]:
    rows = db.session.execute(
        select(Location.id, Location.name, Location.city)
        .where(Location.active.is_(True)).order_by(Location.name)
    ).all()
    return [(r.id, f"{r.name} ({r.city})" if r.city not in r.name else r.name) for r in rows]


def application_by_token(token: str) -> Application | None:
    if not token or len(token) > 64:
        return None
    return db.session.scalar(
        select(Application).options(joinedload(Application.vacancy))
        .where(Application.status_token_hash == hash_token(token))
    )


def application_by_reference(reference: str) -> Application | None:
    """The code a resident reads out or types: case, spaces and dashes do not matter."""
    code = "".join(ch for ch in (reference or "").upper() if ch.isalnum())[:16]
    if not code:
        return None
    return db.session.scalar(select(Application).options(joinedload(Application.vacancy))
                             .where(Application.reference == code))


def application_by_submission_key(key: str) -> Application | None:
    return db.session.scalar(select(Application).where(Application.submission_key == key))


def open_application_for_phone(vacancy: Vacancy, phone: str) -> Application | None:
    return db.session.scalar(
        select(Application).where(
            Application.vacancy_id == vacancy.id,
            Application.phone == phone,
            Application.stage.in_(OPEN_STAGES),
        ).limit(1)
    )


def reference_taken(reference: str) -> bool:
    return db.session.scalar(select(Application.id).where(Application.reference == reference)) is not None
