"""Demo data: for demo placements (made by the placements seeder, which must run first),
make sure check-ins exist; answer one with a concern so the adviser's list is not empty."""
from __future__ import annotations

from sqlalchemy import select

from portal import db
from portal.aftercare import services
from portal.aftercare.models import CheckKind
from portal.placements.models import Placement


def seed(ctx: dict) -> None:
    placements = list(db.session.scalars(select(Placement).order_by(Placement.id)))
    for placement in placements:
        services.schedule_checkins(placement)
    running = [p for p in placements if p.end_date is None]
    if not running:
        return
    placement = running[0]
    member = ctx["members"]["employer"] if placement.organisation_id == ctx["employer"].id else None
    check = next(c for c in services.checks_of(placement.id) if c.kind == CheckKind.week1)
    if member is None or check.answered_at is not None:
        return
    services.answer(check, member, still_working=True, hours_as_agreed=False,
                    concerns=["transport", "schedule"], wants_contact=True,
                    comment="De eerste bus vanaf het azc komt te laat voor de vroege dienst.")
