"""From a Dutch postcode to the region whose advisers vet the organisation there, through the
PostcodeRange table that admins keep. One lookup for registration, the admin pages and the
demo data."""
from __future__ import annotations

import re

from sqlalchemy import select

from portal import db
from portal.regions.models import PostcodeRange, Region

_DIGITS = re.compile(r"^\s*([1-9][0-9]{3})")


def postcode_digits(postcode: str | None) -> int | None:
    """1506 for "1506 PR" (or "1506pr"); None when it does not start with four digits."""
    match = _DIGITS.match(postcode or "")
    return int(match.group(1)) if match else None


def range_for(postcode: str | None) -> PostcodeRange | None:
    digits = postcode_digits(postcode)
    if digits is None:
        return None
    return db.session.scalars(
        select(PostcodeRange).where(PostcodeRange.low <= digits, PostcodeRange.high >= digits)
        .order_by(PostcodeRange.low).limit(1)).first()


def region_for_postcode(postcode: str | None) -> Region | None:
    """The region the table gives for this postcode, or None when no range holds it."""
    found = range_for(postcode)
    return found.region if found else None


def overlapping(low: int, high: int, exclude_id: int | None = None) -> PostcodeRange | None:
    """An existing range that shares at least one postcode with low..high."""
    stmt = select(PostcodeRange).where(PostcodeRange.low <= high, PostcodeRange.high >= low)
    if exclude_id is not None:
        stmt = stmt.where(PostcodeRange.id != exclude_id)
    return db.session.scalars(stmt.order_by(PostcodeRange.low).limit(1)).first()
