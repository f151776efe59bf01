from __future__ import annotations

from datetime import UTC, datetime, timedelta

from portal.clock import AMS, utcnow
from portal.tours import services
from portal.tours.services import TourData


def tour_data(days: int = 3, capacity: int = 5, **kw) -> TourData:
    start = (utcnow() + timedelta(days=days)).replace(minute=0, second=0, microsecond=0)
    fields = dict(starts_at=start, duration_minutes=90, address="Hemkade 12, Zaandam",
                  capacity=capacity, meeting_point="Receptie, ingang B",
                  what_to_bring="Dichte schoenen", transport_note="Bus 391 tot Hemkade")
    fields.update(kw)
    return TourData(**fields)


def propose(world, apps=None, **kw):
    return services.propose(world.org, apps or [world.a1, world.a2], tour_data(**kw),
                            actor=world.member)


def form(days: int = 3, **kw) -> dict:
    local = (datetime.now(UTC) + timedelta(days=days)).astimezone(AMS)
    data = {"date": local.date().isoformat(), "start_time": "10:00", "duration": "60",
            "address": "Hemkade 12, Zaandam", "meeting_point": "Receptie", "capacity": "2",
            "what_to_bring": "Schoenen", "transport_note": "Bus 391"}
    data.update(kw)
    return data
