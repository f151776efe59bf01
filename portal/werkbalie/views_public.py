"""The resident's side of the Werkbalie agenda: /w/<azc> lists free times (the QR poster at
the desk and the notice board lead here), a time is booked with name, phone and language;
the private link /b/<token> shows the appointment, adds it to a calendar, moves or cancels it,
or erases it."""
from __future__ import annotations

from itertools import groupby

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError

from portal import db
from portal.actions import button_action
from portal.activities import calendar
from portal.activities.forms import ConfirmForm
from portal.activities.views_public import PHONE_LIMIT
from portal.activities.wording import language_names
from portal.apply import limits
from portal.apply import queries as apply_queries
from portal.apply.signals import board_shown
from portal.clock import utcnow
from portal.extensions import limiter
from portal.form_errors import put_error
from portal.i18n import answered, resident_page
from portal.private_links import erase_when_confirmed, not_found, private_link, private_page
from portal.security import NO_STORE
from portal.urls import base_url, host
from portal.werkbalie import booking, queries, slots
from portal.werkbalie.forms import BookingForm, MoveForm, options

bp = Blueprint("werkbalie_public", __name__)


def _phone_key() -> str:
    return f"werkbalie-phone:{limits.form_phone()}"


def _days(free: list[slots.Slot]):
    return [(day, list(items)) for day, items in groupby(free, key=lambda s: s.local_start.date())]


@bp.get("/W/<location_code>")
@bp.get("/w/<location_code>")
@resident_page
def agenda(location_code: str):
    location = apply_queries.find_location(location_code)
    if location is None:
        return not_found()
    free = slots.free_slots(location.id, utcnow())
    return render_template("werkbalie/public_agenda.html", location=location, days=_days(free),
                           languages=language_names)


@bp.route("/w/<location_code>/boeken", methods=["GET", "POST"])
@resident_page
@limiter.limit(limits.IP_LIMIT, methods=["POST"])
@limiter.limit(PHONE_LIMIT, key_func=_phone_key, methods=["POST"],
               exempt_when=limits.no_valid_phone, deduct_when=limits.answered)
def book(location_code: str):
    location = apply_queries.find_location(location_code)
    if location is None:
        return not_found()
    form = BookingForm()
    slot = slots.find(form.slot.data if request.method == "POST" else request.args.get("tijd", ""))
    if slot is None or slot.series.location_id != location.id:
        flash(_("Deze tijd bestaat niet (meer). Kies een andere tijd."), "error")
        return redirect(url_for(".agenda", location_code=location.code))
    form.slot.data = slot.key
    form.language.choices = options([(c, language_names([c])) for c in slot.series.languages])
    if request.method == "GET" and str(get_locale()) in slot.series.languages:
        form.language.data = str(get_locale())
    if answered(form):
        if form.website.data:
            return _done(location, None, "x" * 32)
        try:
            result = _submit(slot, form)
        except booking.AlreadyBooked as exc:
            return private_page("werkbalie/public_already.html", location=location,
                                appointment=exc.appointment)
        except booking.BookingError as exc:
            db.session.rollback()
            put_error(form, None, exc.message)
        else:
            return _done(location, result.appointment, result.token)
    return private_page("werkbalie/public_book.html", 422 if form.errors else 200,
                        location=location, slot=slot, form=form)


def _submit(slot, form) -> booking.Booked:
    data = booking.BookingData(
        name=form.name.data, name_latin=form.name_latin.data or None, phone=form.phone.e164,
        email=form.email.data or None, language=form.language.data or None,
        keep_longer=bool(form.keep_longer.data))
    try:
        result = booking.book(slot, data, ui_language=str(get_locale()))
        db.session.commit()
    except IntegrityError:
        db.session.rollback()  # the slot, or this phone, was booked at the same moment
        raise booking.why_refused(data.phone) from None
    return result


def _done(location, appointment, token: str):
    link = url_for(".booking_status", booking_token=token)
    return private_page("werkbalie/public_done.html", location=location, appointment=appointment,
                        link=link, full_link=base_url() + link)


# --- the private link ------------------------------------------------------------------------

by_token = private_link(queries.booking_by_token, "booking_token")


@bp.get("/b/<booking_token>")
@by_token
def booking_status(appointment, booking_token: str):
    return private_page("werkbalie/public_status.html", appointment=appointment,
                        token=booking_token, form=ConfirmForm(),
                        can_change=appointment.status.value == "booked"
                        and appointment.starts_at > utcnow(),
                        languages=language_names)


@bp.post("/b/<booking_token>/afzeggen")
@by_token
def booking_cancel(appointment, booking_token: str):
    return button_action(lambda: booking.cancel(appointment), _("Je afspraak is afgezegd."),
                         url_for(".booking_status", booking_token=booking_token), 303)


@bp.route("/b/<booking_token>/verzetten", methods=["GET", "POST"])
@by_token
def booking_move(appointment, booking_token: str):
    form = MoveForm()
    if form.validate_on_submit():
        slot = slots.find(form.slot.data)
        try:
            if slot is None:
                raise booking.BookingError(booking.SLOT_TAKEN)
            booking.move(appointment, slot)
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            flash(str(booking.SLOT_TAKEN), "error")
        except booking.BookingError as exc:
            db.session.rollback()
            flash(str(exc.message), "error")
        else:
            flash(_("Je afspraak is verzet."), "success")
            return redirect(url_for(".booking_status", booking_token=booking_token), 303)
    appointment = queries.booking_by_token(booking_token)  # as it is after a rollback
    free = slots.free_slots(appointment.location_id, utcnow())
    return private_page("werkbalie/public_move.html", appointment=appointment,
                        token=booking_token, days=_days(free), form=ConfirmForm())


@bp.route("/b/<booking_token>/wissen", methods=["GET", "POST"])
@by_token
def booking_erase(appointment, booking_token: str):
    return erase_when_confirmed(ConfirmForm(), lambda: booking.erase(appointment),
                                "werkbalie/public_erased.html", "werkbalie/public_erase.html",
                                {"location": appointment.location}, appointment=appointment,
                                token=booking_token)


@bp.get("/b/<booking_token>/agenda.ics")
@by_token
def booking_calendar(appointment, booking_token: str):
    place = ", ".join(p for p in (appointment.series.place, appointment.location.name) if p)
    event = calendar.Event(
        uid=f"werkbalie-{appointment.id}@{host()}", starts_at=appointment.starts_at,
        ends_at=appointment.ends_at, title=f"Werkbalie: {appointment.series.host}",
        place=place, description="", cancelled=appointment.status.value == "cancelled")
    return Response(calendar.build([event], now=utcnow()), mimetype="text/calendar", headers={
        "Content-Disposition": 'attachment; filename="werkbalie.ics"', **NO_STORE})


@board_shown.connect
def _board_part(location):
    free = slots.free_slots(location.id, utcnow(), days=14)
    if not free:
        return None
    # Rendered by Jinja with autoescaping: safe to place in the board page as it is.
    return Markup(render_template("werkbalie/_board.html", location=location,  # noqa: S704
                                  first=free[0]))
