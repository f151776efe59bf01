"""An iCalendar (RFC 5545) file for one tour, for the employer's agenda. It carries no
applicant data: only the moment, the place and the practical notes."""
from __future__ import annotations

from datetime import UTC, datetime

from portal.tours.models import Tour, TourState

STATUS = {TourState.requested: "TENTATIVE", TourState.confirmed: "CONFIRMED",
          TourState.held: "CONFIRMED", TourState.cancelled: "CANCELLED"}


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon, comma and newlines are escaped."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after CRLF + space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        n = len(char.encode("utf-8"))
        limit = 75 if not parts else 74
        if size + n > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += n
    parts.append(current)
    return "\r\n ".join(parts)


def build(tour: Tour, *, title: str, description: str, host: str, now: datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Werkportaal azc//Rondleidingen//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:tour-{tour.id}@{host}",
        f"DTSTAMP:{utc(now)}",
        f"DTSTART:{utc(tour.starts_at)}",
        f"DTEND:{utc(tour.ends_at)}",
        f"SUMMARY:{escape(title)}",
        f"LOCATION:{escape(tour.address)}",
        f"DESCRIPTION:{escape(description)}",
        f"STATUS:{STATUS[tour.state]}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(fold(line) for line in lines) + "\r\n"
