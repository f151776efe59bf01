"""From an appointment to an application: link one the resident already has, or apply on
their behalf with their consent (the assisted apply of the desk, recorded in the
application's history as entered at the desk by this staff member)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import db
from portal.applicants.models import ResidenceStatus
from portal.apply import queries as apply_queries
from portal.apply import services as apply_services
from portal.form_errors import put_error
from portal.werkbalie import booking, queries
from portal.werkbalie.forms import DeskApplicationForm, LinkForm, options
from portal.werkbalie.views import _appointment, bp, staff_only

NOT_ELIGIBLE = {
    "status_not_open": _l("Deze vacature staat niet open voor iemand in deze situatie."),
    "procedure_short": _l("Een asielzoeker mag pas werken als de procedure 6 maanden loopt."),
}


@bp.post("/afspraken/<int:appointment_id>/koppelen")
@staff_only
def link_application(appointment_id: int):
    appointment = _appointment(appointment_id)
    applications = queries.applications_of(current_user, appointment.phone)
    form = LinkForm()
    form.application.choices = options([(a.id, a.reference) for a in applications])
    if not form.validate_on_submit():
        flash(_("Kies een sollicitatie."), "error")
    else:
        chosen = next(a for a in applications if a.id == form.application.data)
        booking.link_application(appointment, chosen, actor=current_user)
        db.session.commit()
        flash(_("De sollicitatie is gekoppeld aan de afspraak."), "success")
    return redirect(url_for(".show", appointment_id=appointment.id))


@bp.route("/afspraken/<int:appointment_id>/solliciteren", methods=["GET", "POST"])
@staff_only
def start_application(appointment_id: int):
    appointment = _appointment(appointment_id)
    if appointment.status.value == "cancelled":
        abort(404)
    vacancies = apply_queries.open_vacancies_at(appointment.location)
    form = DeskApplicationForm()
    form.vacancy.choices = options([(v.id, f"{v.title} – {v.organisation.name}") for v in vacancies])
    if form.validate_on_submit():
        vacancy = next(v for v in vacancies if v.id == form.vacancy.data)
        status = ResidenceStatus(form.residence_status.data)
        data = apply_services.ApplicationData(
            name=appointment.name, name_latin=appointment.name_latin, phone=appointment.phone,
            email=appointment.email, residence_status=status,
            procedure=form.procedure.data if status == ResidenceStatus.asylum_seeker else None,
            azc_location_id=appointment.location_id,
            languages=[{"lang": appointment.language, "level": "good"}] if appointment.language else [])
        try:
            result = booking.start_application(appointment, vacancy, data, actor=current_user)
        except apply_services.NotEligible as exc:
            db.session.rollback()
            put_error(form, "residence_status", NOT_ELIGIBLE.get(exc.reason, exc.reason))
        except apply_services.AlreadyApplied as exc:
            db.session.rollback()
            put_error(form, "vacancy", _("De bewoner heeft al gesolliciteerd op deze vacature "
                                         "(code %(ref)s). Koppel die sollicitatie.",
                                         ref=exc.application.reference))
        else:
            db.session.commit()
            return render_template("werkbalie/application_started.html", appointment=appointment,
                                   application=result.application,
                                   status_url=apply_services.status_url(result.token))
    return render_template("werkbalie/start_application.html", appointment=appointment,
                           form=form, vacancies=vacancies), 422 if form.errors else 200
