"""The advisers' search through the profiles of their region (and the coordinators' look at
their azc's): filters on azc, language and level, kind of work, availability, residence and
"attended the training". Results come a page at a time and are never exported: this is a
register of vulnerable people, so the list shows what is needed to decide and no more.

Who sees which profile is portal.access's rule (profile_scope); only profiles whose consent
still runs are found. The score of a profile for one vacancy is in portal/talent/suggestions.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import selectinload

from portal import access, db
from portal.applicants.models import ResidenceStatus
from portal.clock import utcnow
from portal.regions.models import Location
from portal.talent import kinds
from portal.talent.models import (
    LEVEL_ORDER,
    TWV_POSSIBLE,
    Availability,
    LanguageLevel,
    Profile,
    ProfileLanguage,
    ProfileWork,
    Residence,
)

PAGE_SIZE = 25  # a list to decide from, not a register to copy
TWV = "twv"  # the residence filter "may work: status holder, or a TWV is possible"


@dataclass(frozen=True)
class Filters:
    location_id: int | None = None
    language: str | None = None
    level: LanguageLevel | None = None  # at least this level; None: any level
    kind: str | None = None  # "role.cleaner" or "sector.horeca"
    availability: Availability | None = None
    residence: str | None = None  # TWV or a Residence value
    trained: bool = False

    @property
    def any(self) -> bool:
        return any((self.location_id, self.language, self.kind, self.availability,
                    self.residence, self.trained))


@dataclass
class Found:
    profiles: list[Profile]
    total: int
    page: int
    pages: int
    shown_ids: list[int] = field(default_factory=list)


# A profile's residence as the apply form's two answers (status; procedure 6 months or more),
# so apply's own eligibility rule decides for profiles too (portal.apply.services.check_eligible).
APPLICATION_ANSWER: dict[Residence, tuple[ResidenceStatus, str | None]] = {
    Residence.status_holder: (ResidenceStatus.status_holder, None),
    Residence.asylum_over_6_months: (ResidenceStatus.asylum_seeker, "yes"),
    Residence.asylum_under_6_months: (ResidenceStatus.asylum_seeker, "no"),
    Residence.unknown: (ResidenceStatus.unknown, None),
}


def levels_from(level: LanguageLevel) -> list[LanguageLevel]:
    """The levels at least as good as `level` (native counts as fluent and more)."""
    return [lv for lv in LanguageLevel if LEVEL_ORDER[lv] >= LEVEL_ORDER[level]]


def active_clause(now: datetime) -> ColumnElement[bool]:
    """A profile whose consent still runs. Expired ones are erased by the tick; until it has
    run they are already out of every list."""
    return Profile.expires_at > now


def visible(user: object, now: datetime | None = None) -> ColumnElement[bool]:
    """The profiles this user may see (the statement must join Location on the profile's
    azc): access.profile_scope, and only while the consent runs."""
    return and_(access.profile_scope(user, Profile.location_id, Location.region_id),
                active_clause(now or utcnow()))


def speaks(language: str, level: LanguageLevel | None = None) -> ColumnElement[bool]:
    """The profile speaks `language`, at least at `level` when given. As IN (subquery): both
    databases then start from the (language, level) index instead of probing per profile."""
    cond = [ProfileLanguage.language == language]
    if level is not None:
        cond.append(ProfileLanguage.level.in_(levels_from(level)))
    return Profile.id.in_(select(ProfileLanguage.profile_id).where(*cond))


def wants(kinds: list[str]) -> ColumnElement[bool]:
    return Profile.id.in_(select(ProfileWork.profile_id).where(ProfileWork.kind.in_(kinds)))


def _conditions(f: Filters) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = []
    if f.location_id:
        cond.append(Profile.location_id == f.location_id)
    if f.language:
        cond.append(speaks(f.language, f.level))
    if f.kind:
        cond.append(wants([f.kind]))
    if f.availability:
        # "Flexible" residents take whatever the job needs, so they fit every wish.
        cond.append(Profile.availability.in_([f.availability, Availability.flexible]))
    if f.residence == TWV:
        cond.append(Profile.residence.in_(TWV_POSSIBLE))
    elif f.residence in Residence.__members__:
        cond.append(Profile.residence == Residence(f.residence))
    if f.trained:
        cond.append(Profile.attended_training.is_(True))
    return cond


def search(user: object, filters: Filters, *, page: int = 1,
           now: datetime | None = None) -> Found:
    """One page of the profiles this user may see that match every filter, newest consent
    first. The caller records which profiles were shown (audit)."""
    where = [visible(user, now), *_conditions(filters)]
    base = select(Profile.id).join(Location, Location.id == Profile.location_id).where(*where)
    total = db.session.scalar(select(func.count()).select_from(base.subquery())) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    ids = list(db.session.scalars(
        base.order_by(Profile.consent_at.desc(), Profile.id.desc())
        .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)))
    return Found(load(ids), total, page, pages, ids)


def load(ids: list[int]) -> list[Profile]:
    """The profiles with what the list shows of them, in the order of `ids`."""
    if not ids:
        return []
    rows = db.session.scalars(
        select(Profile).where(Profile.id.in_(ids))
        .options(selectinload(Profile.languages), selectinload(Profile.work),
                 selectinload(Profile.location))).all()
    by_id = {p.id: p for p in rows}
    return [by_id[i] for i in ids if i in by_id]


def profile_for(user: object, profile_id: int, now: datetime | None = None) -> Profile | None:
    """One profile, or None when it is not this user's to see (callers answer 404)."""
    return db.session.scalar(
        select(Profile).join(Location, Location.id == Profile.location_id)
        .where(Profile.id == profile_id, visible(user, now)))


# --- what the kinds of work are called, for staff -----------------------------------------

def kind_labels() -> dict[str, str]:
    """Every kind of work a profile can name, with its label in the staff member's language:
    the phrasebook's job names first, then the sectors (portal/talent/kinds.py)."""
    lang = str(get_locale() or "nl")
    labels = dict(kinds.kind_choices(lang))
    labels.update({key: _("Sector: %(name)s", name=label)
                   for key, label in kinds.sector_choices()})
    return labels


def location_choices(user: object) -> list[tuple[int, str]]:
    """The azc's whose profiles this user may see, for the search form."""
    rows = db.session.execute(
        select(Location.id, Location.name).where(
            Location.active.is_(True),
            access.profile_scope(user, Location.id, Location.region_id))
        .order_by(Location.name)).all()
    return [(r.id, r.name) for r in rows]
