"""How sessions read on pages, in mails and text messages, in the language of the moment (a
page's, or the resident's inside force_locale). Registered as template filters."""
from __future__ import annotations

from datetime import date, datetime

from flask import Blueprint
from flask_babel import format_date, format_datetime
from flask_babel import gettext as _

from portal.activities.models import ActivitySession, PlaceKind
from portal.activities.times import short_when, when
from portal.i18n import LANGUAGES


def session_when(session: ActivitySession) -> str:
    return when(session.starts_at, session.ends_at)


def session_place(session: ActivitySession, with_link: bool = True) -> str:
    """Room and azc, address, or the webinar link (only for those who have a place)."""
    if session.place_kind == PlaceKind.online:
        return _("Online: %(url)s", url=session.online_url) if with_link else _("Online")
    location = session.activity.location
    if session.place_kind == PlaceKind.room and location is not None:
        return f"{session.place}, {location.name}"
    return session.place


def language_names(codes: list[str] | None) -> str:
    """"Nederlands, العربية": each language by its own name, as on the language picker."""
    return ", ".join(LANGUAGES[c][0] for c in codes or () if c in LANGUAGES)


def clock_time(moment: datetime) -> str:
    """"10:15", Dutch time."""
    return str(format_datetime(moment, "HH:mm"))


def day_name(day: date) -> str:
    """"dinsdag 1 december" in the language of the page."""
    return str(format_date(day, "EEEE d MMMM"))


def register(bp: Blueprint) -> None:
    bp.add_app_template_filter(session_when, "session_when")
    bp.add_app_template_filter(session_place, "session_place")
    bp.add_app_template_filter(short_when, "short_when")
    bp.add_app_template_filter(language_names, "language_names")
    bp.add_app_template_filter(clock_time, "clock_time")
    bp.add_app_template_filter(day_name, "day_name")
