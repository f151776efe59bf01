"""Look-ups of profiles for the resident's pages and the jobs."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from portal import db
from portal.activities.links import lookup_hash
from portal.talent.models import Profile


def profile_by_token(token: str) -> Profile | None:
    """The profile of a private link, or None (also for anything that cannot be a token)."""
    digest = lookup_hash(token)
    if digest is None:
        return None
    return db.session.scalar(
        select(Profile).where(Profile.token_hash == digest)
        .options(selectinload(Profile.languages), selectinload(Profile.work)))


def profile_by_phone(phone: str) -> Profile | None:
    return db.session.scalar(select(Profile).where(Profile.phone == phone))


def expired(now: datetime) -> list[Profile]:
    return list(db.session.scalars(
        select(Profile).where(Profile.expires_at <= now).order_by(Profile.id)))


def to_remind(now: datetime, until: datetime) -> list[Profile]:
    """Profiles ending before `until` whose resident was not reminded since the last renewal."""
    return list(db.session.scalars(
        select(Profile).where(Profile.expires_at > now, Profile.expires_at <= until,
                              Profile.reminded_at.is_(None)).order_by(Profile.id)))
