"""Read-only queries for placements, always scoped to what the signed-in user may see."""
from __future__ import annotations

from datetime import date

from flask import current_app
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from sqlalchemy import Select, select

from portal import access, db
from portal.accounts.models import User
from portal.applicants.models import Application
from portal.apply.signals import status_shown
from portal.clock import today
from portal.guidance.content import Source, load_pages, page_for
from portal.organisations.models import Organisation
from portal.placements.models import Placement, TwvState


def for_organisation(org: Organisation | None, placement_id: int) -> Placement | None:
    if org is None:
        return None
    placement = db.session.get(Placement, placement_id)
    if placement is None or placement.organisation_id != org.id:
        return None
    return placement


def list_for_organisation(org: Organisation) -> list[Placement]:
    return list(db.session.scalars(
        select(Placement).where(Placement.organisation_id == org.id)
        .order_by(Placement.end_date.is_not(None), Placement.start_date.desc(), Placement.id.desc())
    ))


def _in_region(stmt: Select[tuple[Placement]], user: User) -> Select[tuple[Placement]]:
    return stmt.join(Placement.organisation).where(
        access.region_scope(user, Organisation.region_id))


def for_adviser(user: User, placement_id: int) -> Placement | None:
    placement = db.session.get(Placement, placement_id)
    if placement is None or not access.may_manage_org(user, placement.organisation):
        return None  # another region's placement is reported as missing
    return placement


def list_for_region(user: User) -> list[Placement]:
    stmt = _in_region(select(Placement), user)
    return list(db.session.scalars(
        stmt.order_by(Placement.end_date.is_not(None), Placement.start_date.desc(), Placement.id.desc())
    ))


def awaiting_cancellation(user: User, day: date | None = None) -> list[tuple[Placement, int, bool]]:
    """(placement, age in days, overdue) for the region, oldest first."""
    day = day or today()
    flag = current_app.config["TWV_FLAG_DAYS"]
    stmt = _in_region(
        select(Placement).where(Placement.twv_state == TwvState.cancellation_requested), user)
    rows = []
    for placement in db.session.scalars(stmt):
        age = placement.cancellation_age(day) or 0
        rows.append((placement, age, age >= flag))
    rows.sort(key=lambda r: (-r[1], r[0].id))
    return rows


def overdue_count(org_id: int, day: date | None = None) -> int:
    day = day or today()
    flag = current_app.config["TWV_FLAG_DAYS"]
    waiting = db.session.scalars(
        select(Placement).where(Placement.organisation_id == org_id,
                                Placement.twv_state == TwvState.cancellation_requested)
    )
    return sum(1 for p in waiting if (p.cancellation_age(day) or 0) >= flag)


def placements_of(application: Application) -> list[Placement]:
    return list(db.session.scalars(
        select(Placement).where(Placement.application_id == application.id).order_by(Placement.id)
    ))


def resident_notes(application: Application) -> list[str]:
    """Plain sentences (B1) for the resident's status page, in the current locale, about the
    job and its work permit. No other employers, no numbers."""
    notes: list[str] = []
    day = today()
    for p in placements_of(application):
        employer = p.client_name or p.organisation.name
        start = format_date(p.start_date, "long")
        if p.end_date is not None and p.end_date > day:  # reported ahead: not stopped yet
            notes.append(_("Je baan bij %(employer)s stopt op %(date)s.", employer=employer,
                           date=format_date(p.end_date, "long")))
        elif p.twv_state == TwvState.cancellation_requested:
            notes.append(_("Je baan bij %(employer)s is gestopt. De werkgever laat de "
                           "werkvergunning (TWV) stoppen. Daarna kun je met een nieuwe baan "
                           "beginnen.", employer=employer))
        elif p.twv_state == TwvState.cancelled:
            notes.append(_("Je baan bij %(employer)s is gestopt. De werkvergunning (TWV) is "
                           "gestopt. Je kunt met een nieuwe baan beginnen.", employer=employer))
        elif p.ended and not p.is_open_on(day):
            notes.append(_("Je baan bij %(employer)s is gestopt.", employer=employer))
        elif p.twv_state in (TwvState.to_apply, TwvState.applied):
            notes.append(_("Je bent aangenomen bij %(employer)s. De werkgever vraagt een "
                           "werkvergunning (TWV) aan. Je mag pas werken als die er is.",
                           employer=employer))
        elif p.twv_state == TwvState.refused:
            notes.append(_("Je bent aangenomen bij %(employer)s, maar UWV gaf geen "
                           "werkvergunning (TWV). Vraag de werkgever wat nu.", employer=employer))
        else:
            notes.append(_("Je bent aangenomen bij %(employer)s. Je begint op %(date)s.",
                           employer=employer, date=start))
    return notes


# UWV's own contact page for employers, as the guidance page "contact" cites it.
UWV_CONTACT_URL = "uwv.nl/werkgevers/contact"


def uwv_contact() -> Source | None:
    """Where an employer tells UWV that a TWV can be withdrawn: the UWV page that the guidance
    content names as its source (the portal invents no phone numbers; a content edit changes
    the link). None when the content no longer cites it."""
    page = page_for(load_pages(current_app.config["CONTENT_DIR"]), "contact", str(get_locale()))
    return next((s for s in (page.sources if page else ()) if UWV_CONTACT_URL in s.url), None)


@status_shown.connect
def _status_page(application: Application, **_kw: object) -> dict[str, list[str]]:
    return {"notes": resident_notes(application)}
