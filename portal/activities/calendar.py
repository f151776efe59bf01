"""iCalendar files (RFC 5545) for a sign-up or an appointment: one event per session, times
in UTC so every calendar shows them in its own zone, right across a clock change. The
escaping and folding are those of the tour calendar (portal/tours/ics.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from portal.tours.ics import escape, fold, utc


@dataclass(frozen=True)
class Event:
    uid: str
    starts_at: datetime
    ends_at: datetime
    title: str
    place: str
    description: str
    cancelled: bool = False


def build(events: list[Event], *, now: datetime) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Werkportaal azc//Activiteiten//NL",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{utc(now)}",
            f"DTSTART:{utc(event.starts_at)}",
            f"DTEND:{utc(event.ends_at)}",
            f"SUMMARY:{escape(event.title)}",
            f"LOCATION:{escape(event.place)}",
            f"DESCRIPTION:{escape(event.description)}",
            f"STATUS:{'CANCELLED' if event.cancelled else 'CONFIRMED'}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
