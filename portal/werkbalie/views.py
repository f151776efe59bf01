"""The Werkbalie agenda for staff: advisers and coordinators publish desk hours per azc, see
the day's list, book for a resident at the desk, mark who came, write a short outcome, and
link an application or start one with the resident's consent."""
from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from portal import access, db
from portal.accounts.auth import roles_required
from portal.accounts.models import Role
from portal.actions import button_action, flashed_action, form_action
from portal.activities import poster
from portal.activities.forms import ConfirmForm
from portal.activities.wording import language_names
from portal.clock import today, utcnow
from portal.domain import DomainError
from portal.form_errors import put_error
from portal.posters.views import pdf_response
from portal.security import no_store
from portal.werkbalie import booking, desk, queries, services, slots
from portal.werkbalie.forms import (
    ONCE,
    BookingForm,
    MarkForm,
    OutcomeForm,
    SeriesForm,
    options,
)

bp = Blueprint("werkbalie", __name__, url_prefix="/werkbalie")
bp.after_request(no_store)
staff_only = roles_required(Role.coordinator, Role.adviser, Role.admin)


def _appointment(appointment_id: int):
    return access.found_or_404(queries.for_staff(current_user, appointment_id))


def _location(code: str):
    return access.found_or_404(queries.staff_location(current_user, code))


@bp.get("/")
@staff_only
def index():
    locations = queries.location_choices(current_user)
    location = next((loc for loc in locations if loc.code == request.args.get("azc", "").upper()),
                    locations[0] if len(locations) == 1 else None)
    try:
        day = date.fromisoformat(request.args.get("dag", ""))
    except ValueError:
        day = today()
    return render_template(
        "werkbalie/index.html", locations=locations, location=location, day=day,
        appointments=queries.day_list(location, day) if location else [],
        free=slots.free_slots(location.id, utcnow(), days=0) if location and day == today() else [],
        mark_form=ConfirmForm(), languages=language_names, previous=day - timedelta(days=1),
        following=day + timedelta(days=1))


@bp.route("/tijden", methods=["GET", "POST"])
@staff_only
def hours():
    form = SeriesForm()
    form.location.choices = options([(loc.id, loc.name)
                                     for loc in queries.location_choices(current_user)])
    done = form_action(form, lambda: services.publish(desk.series_data(form), actor=current_user),
                       _("De spreekuren staan in de agenda. Bewoners kunnen nu een tijd kiezen."),
                       url_for(".hours"))
    if done:
        return done
    return render_template("werkbalie/hours.html", form=form, series=queries.series_list(current_user),
                           stop_form=ConfirmForm(), languages=language_names, once=ONCE), \
        422 if form.errors else 200


@bp.post("/tijden/<int:series_id>/stoppen")
@staff_only
def stop_hours(series_id: int):
    series = access.found_or_404(queries.series_for_staff(current_user, series_id))
    ConfirmForm().validate_on_submit()
    cancelled = services.stop(series, actor=current_user)
    db.session.commit()
    flash(_("Gestopt. %(n)s afspraken zijn afgezegd; de bewoners krijgen bericht.", n=cancelled)
          if cancelled else _("Gestopt."), "success")
    return redirect(url_for(".hours"))


@bp.route("/<location_code>/boeken", methods=["GET", "POST"])
@staff_only
def desk_book(location_code: str):
    """Staff book for a resident at the desk; the resident gets the same private link."""
    location = _location(location_code)
    free = slots.free_slots(location.id, utcnow())
    form = BookingForm()
    form.language.choices = options([(c, language_names([c])) for c in
                                     sorted({c for s in free for c in s.series.languages})])
    if form.validate_on_submit():
        slot = slots.find(form.slot.data or "")
        try:
            if slot is None or slot.series.location_id != location.id:
                raise booking.BookingError(booking.SLOT_TAKEN)
            result = desk.book(slot, form, actor=current_user)
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            put_error(form, None, str(booking.why_refused(form.phone.e164)))
        except booking.AlreadyBooked:
            db.session.rollback()
            put_error(form, "phone", _("Dit telefoonnummer heeft al een afspraak staan."))
        except DomainError as exc:
            db.session.rollback()
            put_error(form, None, exc.message)
        else:
            return render_template("werkbalie/desk_booked.html", appointment=result.appointment,
                                   link=booking.link_url(result.appointment))
    return render_template("werkbalie/desk_book.html", location=location, free=free, form=form), \
        422 if form.errors else 200


@bp.get("/afspraken/<int:appointment_id>")
@staff_only
def show(appointment_id: int):
    appointment = _appointment(appointment_id)
    return desk.page(appointment)


@bp.post("/afspraken/<int:appointment_id>/aanwezig")
@staff_only
def mark(appointment_id: int):
    appointment = _appointment(appointment_id)
    form = MarkForm()
    back = (url_for(".index", azc=appointment.location.code,
                    dag=appointment.local_start.date().isoformat())
            if request.form.get("terug") == "dag"
            else url_for(".show", appointment_id=appointment.id))
    return flashed_action(form, lambda: booking.mark(appointment, form.came.data == "yes",
                                                     actor=current_user),
                          _("Opgeslagen."), back) or redirect(back)


@bp.post("/afspraken/<int:appointment_id>/uitkomst")
@staff_only
def outcome(appointment_id: int):
    appointment = _appointment(appointment_id)
    form = OutcomeForm()
    done = form_action(form, lambda: booking.write_outcome(appointment, form.note.data,
                                                           actor=current_user),
                       _("De uitkomst is opgeslagen."),
                       url_for(".show", appointment_id=appointment.id))
    return done or desk.page(appointment, outcome_form=form)


@bp.post("/afspraken/<int:appointment_id>/afzeggen")
@staff_only
def cancel(appointment_id: int):
    appointment = _appointment(appointment_id)
    return button_action(lambda: booking.cancel(appointment, by_staff=True),
                         _("De afspraak is afgezegd. De bewoner krijgt bericht als dat kan."),
                         url_for(".show", appointment_id=appointment.id))


@bp.get("/<location_code>/poster.pdf")
@staff_only
def desk_poster(location_code: str):
    location = _location(location_code)
    return pdf_response(poster.render(desk.poster(location)), f"werkbalie-{location.code}.pdf")


from portal.werkbalie import views_applications  # noqa: E402,F401  (link or start an application)
