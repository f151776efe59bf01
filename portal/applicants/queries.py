"""Read-only look-ups for the recruiter workspace, always scoped to an organisation the user
may see. Filters go into the SQL; one query per page, counts with GROUP BY."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import ColumnElement, ScalarResult, Select, Text, cast, func, or_, select
from sqlalchemy.orm import joinedload, selectinload

from portal import access, db
from portal.accounts.models import User
from portal.applicants.models import (
    ApplicantNote,
    Application,
    ApplicationEvent,
    ResidenceStatus,
    Stage,
)
from portal.clock import AMS
from portal.db import Rows
from portal.organisations.models import Organisation
from portal.regions.models import Location
from portal.vacancies import signals as vacancy_signals
from portal.vacancies.models import Vacancy

PAGE_SIZE = 50


# --------------------------------------------------------------------------- access

def visible_applications(user: User) -> Select[tuple[Application]]:
    """Applications the user may see (portal.access.org_scope): their own organisation's for
    members, their region's for advisers, all for admins."""
    return (select(Application).join(Vacancy, Vacancy.id == Application.vacancy_id)
            .join(Organisation, Organisation.id == Vacancy.organisation_id)
            .where(access.org_scope(user, Organisation.id, Organisation.region_id)))


def application_for(user: User, application_id: int) -> Application | None:
    """None when it does not exist or the user may not see it (the caller answers 404)."""
    return db.session.scalar(
        visible_applications(user).where(Application.id == application_id)
        .options(joinedload(Application.vacancy).joinedload(Vacancy.organisation),
                 joinedload(Application.azc_location), joinedload(Application.poster_location))
    )


def applications_of(org: Organisation, ids: list[int]) -> list[Application]:
    """Only this organisation's applications among `ids` (others are silently dropped)."""
    if not ids:
        return []
    return list(db.session.scalars(
        select(Application).join(Vacancy, Vacancy.id == Application.vacancy_id)
        .where(Vacancy.organisation_id == org.id, Application.id.in_(ids[:500]))
        .options(selectinload(Application.events), joinedload(Application.azc_location))
        .order_by(Application.created_at, Application.id)
    ).unique())


# --------------------------------------------------------------------------- list

@dataclass
class Filters:
    stage: Stage | None = None
    vacancy_id: int | None = None
    location_id: int | None = None
    language: str | None = None
    residence: ResidenceStatus | None = None
    since: date | None = None
    sort: str = "newest"
    search: str | None = None  # a name (own script or Latin), phone number or reference code
    client: str | None = None  # agencies: the client (inlener) the vacancy is for


@dataclass
class Page:
    rows: list[Application]
    total: int
    counts: dict[Stage, int]
    page: int
    pages: int


def _filtered(stmt: Select[Rows], org: Organisation, f: Filters, *,
              with_stage: bool = True) -> Select[Rows]:
    stmt = stmt.join(Vacancy, Vacancy.id == Application.vacancy_id).where(
        Vacancy.organisation_id == org.id)
    if f.vacancy_id:
        stmt = stmt.where(Application.vacancy_id == f.vacancy_id)
    if f.location_id:
        stmt = stmt.where(Application.azc_location_id == f.location_id)
    if f.residence:
        stmt = stmt.where(Application.residence_status == f.residence)
    if f.language:
        # languages is a small JSON list such as [{"lang": "ar", "level": "good"}]; codes are
        # validated against a fixed list, so a quoted match is exact and portable.
        stmt = stmt.where(cast(Application.languages, Text).like(f'%"{f.language}"%'))
    if f.since:
        start = datetime.combine(f.since, time(0), AMS).astimezone(UTC)
        stmt = stmt.where(Application.created_at >= start)
    if f.client:
        stmt = stmt.where(Vacancy.client_name == f.client)
    if f.search:
        stmt = stmt.where(search_clause(f.search))
    if with_stage and f.stage:
        stmt = stmt.where(Application.stage == f.stage)
    return stmt


MIN_SEARCH_DIGITS = 4  # fewer digits (or code letters) match too much to mean anything


def search_clause(text: str) -> ColumnElement[bool]:
    """What a recruiter types in one box: part of a name (in the resident's script or in
    Latin letters, any case), the reference code or its start, or digits of the phone
    number in any notation (06 1234 5678, +31 6 ..., the last digits)."""
    text = " ".join(text.split())[:120]
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    found = [Application.name.ilike(pattern, escape="\\"),
             Application.name_latin.ilike(pattern, escape="\\")]
    code = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(code) >= MIN_SEARCH_DIGITS:
        found.append(Application.reference.like(code + "%"))
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) >= MIN_SEARCH_DIGITS:
        # Stored as E.164 (+31612345678): a national 0 is not part of it.
        found.append(Application.phone.like("%" + digits.removeprefix("0") + "%"))
    return or_(*found)


def client_choices(org: Organisation) -> list[str]:
    """The clients (inleners) an agency's vacancies name, for the list filter."""
    return list(db.session.scalars(
        select(Vacancy.client_name).where(Vacancy.organisation_id == org.id,
                                          Vacancy.client_name.is_not(None),
                                          Vacancy.client_name != "")
        .distinct().order_by(Vacancy.client_name)))


def _ordered(stmt: Select[Rows], f: Filters) -> Select[Rows]:
    if f.sort == "oldest":
        return stmt.order_by(Application.created_at.asc(), Application.id.asc())
    return stmt.order_by(Application.created_at.desc(), Application.id.desc())


def stage_counts(org: Organisation, f: Filters) -> dict[Stage, int]:
    """Counts per stage under every filter except the stage itself (the tabs)."""
    stmt = _filtered(select(Application.stage, func.count(Application.id)), org, f,
                     with_stage=False).group_by(Application.stage)
    counts = {stage: 0 for stage in Stage}
    for stage, count in db.session.execute(stmt):
        counts[Stage(stage)] = count
    return counts


def list_page(org: Organisation, f: Filters, page: int = 1) -> Page:
    counts = stage_counts(org, f)
    total = counts.get(f.stage, 0) if f.stage else sum(counts.values())
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    stmt = _ordered(_filtered(select(Application), org, f), f).options(
        joinedload(Application.vacancy), joinedload(Application.azc_location),
    ).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    return Page(rows=list(db.session.scalars(stmt)), total=total, counts=counts,
                page=page, pages=pages)


def for_export(org: Organisation, f: Filters) -> ScalarResult[Application]:
    stmt = _ordered(_filtered(select(Application), org, f), f).options(
        joinedload(Application.vacancy), joinedload(Application.azc_location),
        joinedload(Application.poster_location))
    return db.session.scalars(stmt.execution_options(yield_per=500))


@vacancy_signals.listed.connect
def counts_per_vacancy(org: Organisation, **_kw: object) -> dict[int, tuple[int, int]]:
    """{vacancy_id: (applications, new applications)} for the organisation's vacancy list."""
    rows = db.session.execute(
        select(Application.vacancy_id, func.count(Application.id),
               func.count(Application.id).filter(Application.stage == Stage.new))
        .join(Vacancy, Vacancy.id == Application.vacancy_id)
        .where(Vacancy.organisation_id == org.id).group_by(Application.vacancy_id)
    ).all()
    return {vacancy_id: (total, new) for vacancy_id, total, new in rows}


def vacancy_choices(org: Organisation) -> list[tuple[int, str]]:
    rows = db.session.execute(
        select(Vacancy.id, Vacancy.title, Vacancy.code)
        .where(Vacancy.organisation_id == org.id).order_by(Vacancy.created_at.desc())
    ).all()
    return [(r.id, f"{r.title} ({r.code})") for r in rows]


def location_choices() -> list[tuple[int, str]]:
    rows = db.session.execute(select(Location.id, Location.name).order_by(Location.name)).all()
    return [(r.id, r.name) for r in rows]


# --------------------------------------------------------------------------- detail

def history(app: Application) -> list[ApplicationEvent]:
    return list(db.session.scalars(
        select(ApplicationEvent).where(ApplicationEvent.application_id == app.id)
        .options(joinedload(ApplicationEvent.actor)).order_by(ApplicationEvent.id)
    ))


def notes(app: Application) -> list[ApplicantNote]:
    return list(db.session.scalars(
        select(ApplicantNote).where(ApplicantNote.application_id == app.id)
        .options(joinedload(ApplicantNote.author)).order_by(ApplicantNote.id.desc())
    ))


def whatsapp_digits(phone: str | None) -> str | None:
    digits = "".join(c for c in (phone or "") if c.isdigit())
    return digits or None

