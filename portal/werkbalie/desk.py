"""Glue for the staff views of the Werkbalie: forms to data, the appointment page, the desk
poster. No rules here: those are in services.py and booking.py."""
from __future__ import annotations

from datetime import timedelta

from flask import render_template
from flask_login import current_user

from portal.activities.forms import ConfirmForm
from portal.activities.poster import SCAN_TO_BOOK, Poster, call_in
from portal.activities.wording import language_names
from portal.clock import today
from portal.formatting import dutch_date
from portal.regions.models import Location
from portal.urls import absolute_url, display_base
from portal.werkbalie import booking, queries
from portal.werkbalie.forms import ONCE, LinkForm, MarkForm, OutcomeForm, options
from portal.werkbalie.models import Appointment
from portal.werkbalie.services import SeriesData
from portal.werkbalie.slots import MAX_DAYS


def series_data(form) -> SeriesData:
    weekday = None if form.weekday.data in (None, ONCE) else form.weekday.data
    return SeriesData(
        location_id=form.location.data, host=form.host.data or "", weekday=weekday,
        first_day=form.first_day.data, last_day=form.last_day.data or form.first_day.data,
        start_time=form.start_time.data, end_time=form.end_time.data,
        slot_minutes=form.slot_minutes.data or 15, languages=list(form.languages.data or []),
        place=form.place.data or "")


def book(slot, form, *, actor) -> booking.Booked:
    data = booking.BookingData(
        name=form.name.data, name_latin=form.name_latin.data or None, phone=form.phone.e164,
        email=form.email.data or None, language=form.language.data or None,
        keep_longer=bool(form.keep_longer.data))
    # The resident's messages come in the language they chose to talk in.
    return booking.book(slot, data, ui_language=data.language or "nl", by_staff_id=actor.id)


def page(appointment: Appointment, *, outcome_form=None):
    applications = queries.applications_of(current_user, appointment.phone)
    link_form = LinkForm()
    link_form.application.choices = options(
        [(a.id, f"{a.reference} – {a.vacancy.title}") for a in applications])
    if outcome_form is None:
        outcome_form = OutcomeForm(formdata=None, data={"note": appointment.outcome_note or ""})
    return render_template(
        "werkbalie/show.html", appointment=appointment, applications=applications,
        mark_form=MarkForm(formdata=None), outcome_form=outcome_form, link_form=link_form,
        form=ConfirmForm(), languages=language_names), 422 if outcome_form.errors else 200


def poster(location: Location) -> Poster:
    url = absolute_url("werkbalie_public.agenda", location_code=location.code)
    return Poster(
        band=("Werkbalie", "Work desk"), title="Praten over werk? Maak een afspraak",
        lines=(f"Bij de Werkbalie van {location.name}.",
               "Over je cv, een vacature, je rechten of een werkvergunning.",
               "Gratis. Je kiest zelf een tijd."),
        url=url.upper(), display_url=f"{display_base()}/w/{location.code}",
        valid_until=f"geldig tot {dutch_date(today() + timedelta(days=MAX_DAYS))}", report_url=f"{display_base()}/report",
        call=call_in(SCAN_TO_BOOK, location))
