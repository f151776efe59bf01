"""The postcode → region table that decides which region's advisers vet a new organisation
(portal/regions/postcodes.py reads it). Admins add, change and remove ranges; ranges never
overlap, so a postcode has one region. Flush, never commit; every change is audited."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from portal import db
from portal.admin.services import AdminError
from portal.audit.services import record
from portal.regions.models import PostcodeRange, Region
from portal.regions.postcodes import overlapping
from portal.text import clean_line


def ranges() -> list[PostcodeRange]:
    return list(db.session.scalars(select(PostcodeRange).order_by(PostcodeRange.low)))


def _check(low: int, high: int, region_id: int, exclude_id: int | None = None) -> Region:
    if not (1000 <= low <= 9999 and 1000 <= high <= 9999):
        raise AdminError(_("Een postcode begint met vier cijfers, van 1000 tot 9999."), "low")
    if low > high:
        raise AdminError(_("De laatste postcode mag niet lager zijn dan de eerste."), "high")
    region = db.session.get(Region, region_id)
    if region is None:
        raise AdminError(_("Kies een regio."), "region")
    clash = overlapping(low, high, exclude_id)
    if clash is not None:
        raise AdminError(_("Deze postcodes overlappen met %(low)s–%(high)s (%(region)s). Een "
                           "postcode hoort bij één regio.", low=clash.low, high=clash.high,
                           region=clash.region.name), "low")
    return region


def add_range(low: int, high: int, region_id: int, label: str, actor) -> PostcodeRange:
    region = _check(low, high, region_id)
    row = PostcodeRange(low=low, high=high, region=region, label=clean_line(label, 120))
    db.session.add(row)
    db.session.flush()
    record("postcode_range_added", row, actor=actor, low=low, high=high, region_id=region.id)
    return row


def update_range(row: PostcodeRange, low: int, high: int, region_id: int, label: str,
                 actor) -> None:
    region = _check(low, high, region_id, exclude_id=row.id)
    old = {"low": row.low, "high": row.high, "region_id": row.region_id}
    row.low, row.high, row.region, row.label = low, high, region, clean_line(label, 120)
    db.session.flush()
    record("postcode_range_changed", row, actor=actor, old=old,
           new={"low": low, "high": high, "region_id": region.id})


def delete_range(row: PostcodeRange, actor) -> None:
    record("postcode_range_removed", row, actor=actor, low=row.low, high=row.high,
           region_id=row.region_id)
    db.session.delete(row)
    db.session.flush()
