"""Read-only aftercare queries, always scoped: members see their organisation's check-ins,
advisers their region's (admins all)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flask import current_app, url_for
from flask_babel import get_locale
from sqlalchemy import ColumnElement, Select, and_, or_, select

from portal import access, db
from portal.accounts.models import User
from portal.aftercare.models import AftercareCheck, CheckState
from portal.aftercare.services import checkin_days
from portal.applicants.models import Application, Stage
from portal.apply.signals import status_shown
from portal.clock import today
from portal.guidance.content import load_pages, page_for
from portal.organisations.models import Organisation
from portal.placements.models import EndReason, Placement
from portal.regions.models import Region


def _with_placement() -> Select[tuple[AftercareCheck]]:
    return (select(AftercareCheck)
            .join(Placement, AftercareCheck.placement_id == Placement.id)
            .join(Organisation, Placement.organisation_id == Organisation.id))


def visible_to_adviser(user: User) -> Select[tuple[AftercareCheck]]:
    return _with_placement().where(access.region_scope(user, Organisation.region_id))


def _of_own_organisation(user: User) -> ColumnElement[bool]:
    return access.org_scope(user, Placement.organisation_id, Organisation.region_id)


def get_for_member(user: User, check_id: int) -> AftercareCheck | None:
    return db.session.scalar(_with_placement().where(
        AftercareCheck.id == check_id, _of_own_organisation(user)))


def get_for_adviser(user: User, check_id: int) -> AftercareCheck | None:
    return db.session.scalar(visible_to_adviser(user).where(AftercareCheck.id == check_id))


def _running() -> ColumnElement[bool]:
    return or_(Placement.end_date.is_(None), Placement.end_date > AftercareCheck.due_on)


def open_for_member(user: User) -> list[AftercareCheck]:
    """Check-ins the organisation can fill in now."""
    return list(db.session.scalars(_with_placement().where(
        _of_own_organisation(user), _running(),
        AftercareCheck.state.in_((CheckState.sent, CheckState.overdue)),
    ).order_by(AftercareCheck.due_on, AftercareCheck.id)))


def due_for_adviser(user: User) -> list[AftercareCheck]:
    """Due and overdue check-ins without an answer, oldest first."""
    return list(db.session.scalars(visible_to_adviser(user).where(
        _running(),
        or_(AftercareCheck.state.in_((CheckState.sent, CheckState.overdue)),
            and_(AftercareCheck.state == CheckState.scheduled, AftercareCheck.due_on <= today())),
    ).order_by(AftercareCheck.due_on, AftercareCheck.id)))


def follow_up_for_adviser(user: User) -> list[AftercareCheck]:
    """Answers with a concern, a wish for contact, or work that stopped, not yet followed up."""
    return list(db.session.scalars(visible_to_adviser(user).where(
        AftercareCheck.needs_follow_up.is_(True), AftercareCheck.adviser_followed_up_at.is_(None),
    ).order_by(AftercareCheck.answered_at, AftercareCheck.id)))


def recently_followed_up(user: User, limit: int = 20) -> list[AftercareCheck]:
    return list(db.session.scalars(visible_to_adviser(user).where(
        AftercareCheck.adviser_followed_up_at.is_not(None),
    ).order_by(AftercareCheck.adviser_followed_up_at.desc()).limit(limit)))


# --- retention -----------------------------------------------------------------------------

@dataclass
class Retention:
    region: str
    started_6w: int = 0
    working_6w: int = 0
    started_3m: int = 0
    working_3m: int = 0

    @staticmethod
    def pct(part: int, whole: int) -> int | None:
        return round(100 * part / whole) if whole else None


def _kept(start: date, end: date | None, days: int) -> bool:
    # Still working after `days`: no end date within `days` days of the start.
    return end is None or end > start + timedelta(days=days)


def retention(user: User, day: date | None = None) -> list[Retention]:
    """Per region: of placements that started at least six weeks (three months) ago, how many
    were still working after six weeks (three months). Hires that never started
    (end reason `not_started`) are left out: nobody dropped out of them."""
    day = day or today()
    _first, six_weeks, three_months = checkin_days()
    query = (select(Region.id, Region.name, Placement.start_date, Placement.end_date)
             .join(Organisation, Organisation.region_id == Region.id)
             .join(Placement, Placement.organisation_id == Organisation.id)
             .where(or_(Placement.end_reason.is_(None),
                        Placement.end_reason != EndReason.not_started)))
    regions = select(Region.id, Region.name).order_by(Region.name)
    query = query.where(access.region_scope(user, Region.id))
    regions = regions.where(access.region_scope(user, Region.id))
    figures = {rid: Retention(region=name) for rid, name in db.session.execute(regions)}
    for rid, _name, start, end in db.session.execute(query):
        fig = figures[rid]
        if start <= day - timedelta(days=six_weeks):
            fig.started_6w += 1
            fig.working_6w += _kept(start, end, six_weeks)
        if start <= day - timedelta(days=three_months):
            fig.started_3m += 1
            fig.working_3m += _kept(start, end, three_months)
    return list(figures.values())


# --- resident status page ------------------------------------------------------------------

WORK_HELP_SLUGS = ("rechten-op-het-werk", "reba", "legaal-werk", "melden")


def work_help_links(application: Application | None) -> list[tuple[str, str]]:
    """Guidance for a resident who was hired: (label, url) pairs, labels being the guidance
    pages' own titles in the reader's language (so no new texts to translate)."""
    if application is None or application.stage != Stage.hired:
        return []
    pages = load_pages(current_app.config["CONTENT_DIR"])
    lang = str(get_locale() or "nl")
    links = []
    for slug in WORK_HELP_SLUGS:
        page = page_for(pages, slug, lang)
        if page is not None:
            links.append((page.title, url_for("guidance.page", slug=slug)))
    return links


@status_shown.connect
def _status_page(application: Application, **_kw: object) -> dict[str, list[tuple[str, str]]]:
    return {"help_links": work_help_links(application)}
