"""Placements for members of an organisation: hire an applicant, follow the work permit (TWV),
report the end of the work and confirm the TWV was withdrawn. Another organisation's
application or placement is a 404."""
from __future__ import annotations

from flask import Blueprint, abort, flash, has_request_context, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import member_required
from portal.accounts.models import Role
from portal.actions import flashed_action, form_action
from portal.applicants import queries as applicant_queries
from portal.applicants.models import Application, ResidenceStatus
from portal.clock import today, utcnow
from portal.form_errors import put_error
from portal.organisations.models import OrgKind
from portal.organisations.suspension import refusal
from portal.placements import pdf, queries, services
from portal.placements.forms import (
    CONTRACT_LABELS,
    END_LABELS,
    TWV_LABELS,
    ConfirmForm,
    EndForm,
    HireForm,
    TwvDateForm,
)
from portal.placements.models import EndReason, Placement, TwvState
from portal.security import no_store
from portal.vacancies.models import ContractType

bp = Blueprint("placements", __name__)
bp.after_request(no_store)  # every page here shows personal data

TWV_STEPS = {"aangevraagd": TwvState.applied, "verleend": TwvState.granted,
             "geweigerd": TwvState.refused}


@bp.app_context_processor
def _overdue_banner():
    """Members of an organisation with overdue TWV cancellations see a banner on every page
    (`_partials/twv_banner.html`) until they are done."""
    # Mail templates are rendered by `portal tick` without a request (and without a user).
    if not has_request_context() or not current_user.is_authenticated:
        return {"overdue_cancellations": 0}
    if current_user.role != Role.member or current_user.organisation_id is None:
        return {"overdue_cancellations": 0}
    return {"overdue_cancellations": queries.overdue_count(current_user.organisation_id)}


@bp.context_processor
def _labels():
    return {"twv_labels": TWV_LABELS, "end_labels": END_LABELS,
            "contract_labels": CONTRACT_LABELS, "TwvState": TwvState}


@bp.context_processor
def _personal_data():
    # A suspended organisation's members see placements without residents' names.
    return {"personal": access.may_see_personal_data(current_user)}


def _load(placement_id: int) -> Placement:
    return access.found_or_404(queries.for_organisation(access.own_organisation(), placement_id))


def _load_application(application_id: int) -> Application:
    application = applicant_queries.application_for(current_user, application_id)
    if application is None or not access.may_act_for_org(current_user, application.vacancy.organisation):
        abort(404)
    return application


@bp.route("/sollicitanten/<int:application_id>/aannemen", methods=["GET", "POST"])
@member_required
def hire(application_id: int):
    application = _load_application(application_id)
    if not access.may_see_personal_data(current_user):
        return refusal()
    vacancy = application.vacancy
    form = HireForm(
        start_date=max(vacancy.start_date, today()), hours_per_week=vacancy.hours_max,
        contract_type=vacancy.contract_type.value, client_name=vacancy.client_name,
    ).for_application(is_agency=access.own_organisation().kind == OrgKind.agency,
                      status=application.residence_status)
    failed = False
    if form.validate_on_submit():
        residence = form.residence_status.data if "residence_status" in form else None
        data = services.HireData(
            start_date=form.start_date.data, hours_per_week=form.hours_per_week.data,
            contract_type=ContractType(form.contract_type.data),
            client_name=form.client_name.data if "client_name" in form else None,
            v_number=form.v_number.data if "v_number" in form else None,
            residence_status=ResidenceStatus(residence) if residence else None,
        )
        try:
            placement = services.hire(application, current_user, data)
        except services.PlacementError as exc:
            db.session.rollback()
            put_error(form, exc.field, exc.message)
            failed = True
        else:
            db.session.commit()
            flash(_("Aangenomen. De plaatsing is vastgelegd."), "success")
            return redirect(url_for(".show", placement_id=placement.id))
    code = 422 if failed or form.errors else 200
    return render_template("placements/hire.html", form=form, application=application,
                           vacancy=vacancy, full_time=services.full_time()), code


@bp.get("/plaatsingen/")
@member_required
def index():
    return render_template("placements/index.html", placements=queries.list_for_organisation(access.own_organisation()),
                           today=today(), adviser_view=False)


def _show(placement: Placement, code: int = 200, failed=None, **forms):
    """The placement page; `failed` is the form that was just sent with an error. Its error
    summary sits at the top of the page, since after a double submit the form itself may no
    longer be shown (the step it was for has already been taken)."""
    forms.setdefault("applied_form", TwvDateForm(prefix="applied", on_date=today()))
    forms.setdefault("granted_form", TwvDateForm(prefix="granted", on_date=today()))
    forms.setdefault("refused_form", TwvDateForm(prefix="refused", on_date=today()))
    forms.setdefault("end_form", EndForm(prefix="end"))
    return render_template("placements/show.html", placement=placement, confirm_form=ConfirmForm(),
                           age=placement.cancellation_age(today()), adviser_view=False,
                           failed_form=failed, today=today(), uwv_contact=queries.uwv_contact(),
                           end_ahead_days=services.END_AHEAD_DAYS, **forms), code


@bp.get("/plaatsingen/<int:placement_id>")
@member_required
def show(placement_id: int):
    return _show(_load(placement_id))


@bp.post("/plaatsingen/<int:placement_id>/twv/<step>")
@member_required
def twv_step(placement_id: int, step: str):
    placement = _load(placement_id)
    if step not in TWV_STEPS:
        abort(404)
    to_state = TWV_STEPS[step]
    name = f"{to_state.value}_form"
    form = TwvDateForm(prefix=to_state.value)
    done = form_action(form, lambda: services.set_twv_state(placement, current_user, to_state,
                                                            form.on_date.data),
                       _("Opgeslagen: %(state)s.", state=TWV_LABELS[to_state]),
                       url_for(".show", placement_id=placement.id))
    return done or _show(placement, 422, failed=form, **{name: form})


@bp.post("/plaatsingen/<int:placement_id>/einde")
@member_required
def end(placement_id: int):
    placement = _load(placement_id)
    form = EndForm(prefix="end")
    if form.validate_on_submit():
        try:
            services.end(placement, current_user, form.end_date.data,
                         EndReason(form.reason.data), form.note.data)
        except (services.PlacementError, ValueError) as exc:
            db.session.rollback()
            if not isinstance(exc, services.PlacementError):
                exc = services.PlacementError(_("Kies een reden."), "reason")
            put_error(form, exc.field, exc.message)
        else:
            db.session.commit()
            _flash_ended(placement)
            return redirect(url_for(".show", placement_id=placement.id))
    return _show(placement, 422, failed=form, end_form=form)


@bp.post("/plaatsingen/<int:placement_id>/gaat-niet-door")
@member_required
def not_going_ahead(placement_id: int):
    placement = _load(placement_id)
    if ConfirmForm().validate_on_submit():
        try:
            services.end(placement, current_user, today(), EndReason.not_started)
        except services.PlacementError as exc:
            db.session.rollback()
            flash(str(exc.message), "error")
        else:
            db.session.commit()
            _flash_ended(placement)
    return redirect(url_for(".show", placement_id=placement.id))


def _flash_ended(placement: Placement) -> None:
    if placement.twv_state == TwvState.cancellation_requested:
        flash(_("Vastgelegd. Laat UWV nu weten dat de TWV kan worden ingetrokken."), "warning")
    else:
        flash(_("Vastgelegd."), "success")


@bp.post("/plaatsingen/<int:placement_id>/uwv-ingelicht")
@member_required
def confirm_cancelled(placement_id: int):
    placement = _load(placement_id)
    back = url_for(".show", placement_id=placement.id)
    return flashed_action(ConfirmForm(), lambda: services.confirm_cancelled(placement, current_user),
                          _("Dank u. De TWV staat op ingetrokken. Download de bevestiging voor uw "
                            "administratie."), back) or redirect(back)


@bp.get("/plaatsingen/<int:placement_id>/intrekking.pdf")
@member_required
def cancellation_pdf(placement_id: int):
    placement = _load(placement_id)
    if placement.twv_state not in (TwvState.cancellation_requested, TwvState.cancelled):
        abort(404)
    if not access.may_see_personal_data(current_user):
        return refusal()  # the PDF names the resident
    body = pdf.cancellation_pdf(placement, generated_at=utcnow())
    filename = f"twv-intrekking-{placement.id}.pdf"
    return body, 200, {"Content-Type": "application/pdf",
                       "Content-Disposition": f'inline; filename="{filename}"'}


from portal.placements import views_adviser  # noqa: E402,F401  (routes on the same blueprint)
