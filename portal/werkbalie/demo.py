"""Demo Werkbalie hours: Tuesdays 10:00-12:00 at azc Zaandam for eight weeks (the adviser),
so the QR desk poster and /w/ZDM have times to book. Skipped when already there."""
from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select

from portal import db
from portal.clock import today
from portal.werkbalie import services
from portal.werkbalie.models import SlotSeries


def seed(ctx: dict) -> None:
    adviser, azc = ctx.get("adviser"), (ctx.get("locations") or {}).get("ZDM")
    if adviser is None or azc is None:
        return
    if db.session.scalar(select(SlotSeries.id).where(SlotSeries.location_id == azc.id)) is not None:
        return
    first = today() + timedelta(days=(1 - today().weekday()) % 7 or 7)  # next Tuesday
    services.publish(services.SeriesData(
        location_id=azc.id, host="UWV werkgeversadviseur", weekday=1, first_day=first,
        last_day=first + timedelta(weeks=8), start_time=time(10, 0), end_time=time(12, 0),
        slot_minutes=15, languages=["nl", "en", "ar"], place="Werkbalie"), actor=adviser)
    db.session.flush()
