"""What tours add to pages of lower packages: the applicant's detail page (its tours) and the
resident's status page (invitations still to come). Connected at import; tours/views.py
imports this module, so every app has it."""
from __future__ import annotations

from typing import Any

from flask_babel import format_datetime, get_locale
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from portal import db
from portal.applicants import signals as applicant_signals
from portal.applicants.models import OPEN_STAGES, Application
from portal.apply import signals as apply_signals
from portal.clock import utcnow
from portal.tours.forms import ATTENDANCE_LABELS, STATE_LABELS
from portal.tours.models import Tour, TourInvite, TourState
from portal.tours.queries import invites_of_application
from portal.tours.services import translated_instructions


@applicant_signals.detail_shown.connect
def _applicant_detail(application: Application, **_kw) -> dict[str, Any]:
    return {"tours": invites_of_application(application), "tour_state_labels": STATE_LABELS,
            "attendance_labels": ATTENDANCE_LABELS}


def resident_tours(application: Application) -> list[dict[str, Any]]:
    """Tour invitations still to come, in plain words for the resident (locale applies)."""
    if application.stage not in OPEN_STAGES:
        return []
    invites = db.session.scalars(
        select(TourInvite).join(Tour)
        .where(TourInvite.application_id == application.id,
               Tour.state.in_((TourState.requested, TourState.confirmed)),
               Tour.starts_at >= utcnow())
        .options(joinedload(TourInvite.tour)).order_by(Tour.starts_at)
    ).all()
    tours = []
    lang = str(get_locale())
    for invite in invites:
        tour = invite.tour
        tours.append({
            "starts_at": tour.starts_at,
            "when": format_datetime(tour.starts_at, "EEEE d MMMM yyyy, HH:mm"),
            "until": format_datetime(tour.ends_at, "HH:mm"),
            "confirmed": tour.state == TourState.confirmed,
            "address": tour.address,
            "meeting_point": tour.meeting_point or None,
            "what_to_bring": tour.what_to_bring or None,
            "transport_note": tour.transport_note or None,
            "translated": translated_instructions(tour, lang) if lang != "nl" else {},
        })
    return tours


@apply_signals.status_shown.connect
def _status_page(application: Application, **_kw) -> dict[str, Any]:
    return {"tours": resident_tours(application)}
