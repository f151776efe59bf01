"""A resident's work profile: made (by the resident from a poster, or at the desk by staff with
the resident present), renewed by a tap, erased when consent is withdrawn or its period ends.
Functions flush, never commit.

The period is a setting (TALENT_CONSENT_MONTHS, counted in calendar months from the consent
or the last renewal); the privacy page and the resident's pages read the same setting."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l

from portal import db
from portal.activities import reach
from portal.activities.links import new_link, token_for
from portal.audit.services import record
from portal.clock import utcnow
from portal.formatting import add_months
from portal.guidance.signals import page_values
from portal.notifications.services import forget
from portal.talent import queries, tally
from portal.talent.models import (
    Availability,
    LanguageLevel,
    Profile,
    ProfileLanguage,
    ProfileWork,
    Residence,
    TallyKind,
)
from portal.talent.signals import profile_leaving
from portal.urls import absolute_url


class AlreadyHasProfile(Exception):
    """This phone number has a profile: one per resident. The view offers to send its link."""

    def __init__(self, profile: Profile):
        super().__init__("already has a profile")
        self.profile = profile


@dataclass
class ProfileData:
    name: str
    phone: str  # E.164
    location_id: int
    availability: Availability
    residence: Residence
    travel_minutes: int
    languages: list[tuple[str, LanguageLevel]]  # (ISO code or "other", level), codes distinct
    work: list[str]  # ProfileWork kinds
    name_latin: str | None = None
    email: str | None = None
    hours_per_week: int | None = None
    attended_training: bool = False
    experience: str | None = None


@dataclass
class Created:
    profile: Profile
    token: str


def consent_months() -> int:
    months: int = current_app.config["TALENT_CONSENT_MONTHS"]
    return months


def remind_before() -> timedelta:
    return timedelta(weeks=current_app.config["TALENT_REMIND_WEEKS"])


@page_values.connect
def _profile_values(_sender) -> dict[str, str]:
    """`{{ profile_months }}` and `{{ profile_remind_weeks }}` on the privacy page: the settings
    period_end and the reminder job use, so the promise and the code cannot disagree."""
    return {"profile_months": str(consent_months()),
            "profile_remind_weeks": str(current_app.config["TALENT_REMIND_WEEKS"])}


def period_end(start: datetime) -> datetime:
    """The moment a consent given at `start` runs out: the same clock time, the months on."""
    return datetime.combine(add_months(start.date(), consent_months()), start.timetz())


def private_url(profile: Profile) -> str:
    """The resident's private link, rebuilt from the row's nonce (for reminders and messages)."""
    return absolute_url("talent_public.private", token=token_for(profile.link_nonce))


def create(data: ProfileData, *, ui_language: str, assisted_by=None,
           now: datetime | None = None) -> Created:
    """Make the profile and tell the resident its private link (text message or mail, in
    their language). Raises AlreadyHasProfile for a phone that has one; the database refuses a
    second one that slips past this check at the same moment (IntegrityError)."""
    now = now or utcnow()
    existing = queries.profile_by_phone(data.phone)
    if existing is not None:
        raise AlreadyHasProfile(existing)
    link = new_link()
    profile = Profile(
        token_hash=link.token_hash, link_nonce=link.nonce, name=data.name,
        name_latin=data.name_latin or None, phone=data.phone, email=data.email or None,
        location_id=data.location_id, ui_language=ui_language, availability=data.availability,
        hours_per_week=data.hours_per_week, residence=data.residence,
        travel_minutes=data.travel_minutes, attended_training=data.attended_training,
        experience=data.experience or None, assisted_by_id=getattr(assisted_by, "id", None),
        assisted=assisted_by is not None, consent_at=now, expires_at=period_end(now),
        created_at=now)
    profile.languages = [ProfileLanguage(language=code, level=level)
                         for code, level in _distinct(data.languages)]
    profile.work = [ProfileWork(kind=kind) for kind in dict.fromkeys(data.work)]
    db.session.add(profile)
    db.session.flush()
    if assisted_by is not None:
        tally.count(TallyKind.profile_assisted, profile.location_id, when=now)
        record("talent.profile_assisted", profile, actor=assisted_by,
               location_id=profile.location_id)
    else:
        tally.count(TallyKind.profile_created, profile.location_id, when=now)
    tell(profile, "created", token=link.token)
    return Created(profile, link.token)


def _distinct(languages: list[tuple[str, LanguageLevel]]) -> list[tuple[str, LanguageLevel]]:
    """One level per language: a language named twice keeps the higher level."""
    best: dict[str, LanguageLevel] = {}
    order = list(LanguageLevel)
    for code, level in languages:
        if code not in best or order.index(level) > order.index(best[code]):
            best[code] = level
    return list(best.items())


def renew(profile: Profile, *, now: datetime | None = None) -> None:
    """The resident taps "keep my profile": a new period from today and a new reminder."""
    now = now or utcnow()
    profile.consent_at, profile.expires_at, profile.reminded_at = now, period_end(now), None
    tally.count(TallyKind.profile_renewed, profile.location_id, when=now)
    db.session.flush()


def erase(profile: Profile, *, reason: str = "withdrawn", now: datetime | None = None) -> None:
    """Withdrawal of consent (at once) or the end of the period: open proposals are cancelled
    (the proposals module listens to profile_leaving), the event is counted, and the profile,
    its languages, work wishes, proposals and every message about them are deleted."""
    now = now or utcnow()
    profile_leaving.send(profile, now=now, reason=reason)
    kind = TallyKind.profile_expired if reason == "expired" else TallyKind.profile_withdrawn
    tally.count(kind, profile.location_id, when=now)
    forget(profile.outbox_key)
    for proposal in profile.proposals:
        forget(proposal.outbox_key)
    db.session.delete(profile)
    db.session.flush()


def send_link_again(profile: Profile, *, now: datetime | None = None) -> int:
    """Someone typed a phone number that has a profile: its link goes to that resident's own
    phone or mail (so whoever typed it learns nothing), once a day at most."""
    now = now or utcnow()
    return tell(profile, "link", dedupe=f"talent-link:{profile.id}:{now.date().isoformat()}")


def tell(profile: Profile, name: str, *, token: str | None = None, dedupe: str | None = None,
         **extra) -> int:
    subjects = {
        "created": _l("Je werkprofiel staat klaar"),
        "link": _l("De link naar je werkprofiel"),
        "reminder": _l("Je werkprofiel stopt binnenkort"),
    }
    link = (absolute_url("talent_public.private", token=token) if token
            else private_url(profile))
    return reach.tell(profile, "talent", name, subjects[name], profile=profile, link=link,
                      months=consent_months(), dedupe=dedupe, **extra)
