"""Adviser pages for reports. Advisers see their region's reports (another region answers
404), admins all. Members and coordinators have no route here at all (403)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import adviser_required
from portal.actions import form_action
from portal.bounds import page_arg
from portal.clock import utcnow
from portal.form_errors import put_error
from portal.i18n import LANGUAGES
from portal.reports import services
from portal.reports.forms import (
    FORWARDED_LABELS,
    REPORTER_LABELS,
    SIGNAL_LABELS,
    STATE_LABELS,
    PrintForm,
    StateForm,
    SuspendForm,
    SuspendOrganisationForm,
)
from portal.reports.models import ForwardedTo, ReportState
from portal.reports.views import bp

PER_PAGE = 50


@bp.context_processor
def _labels():
    return {
        "signal_labels": SIGNAL_LABELS, "state_labels": STATE_LABELS,
        "reporter_labels": REPORTER_LABELS, "forwarded_labels": FORWARDED_LABELS,
        "language_names": {code: name for code, (name, _dir) in LANGUAGES.items()},
    }


def _load(report_id: int):
    return access.found_or_404(services.get_visible(current_user, report_id))


@bp.get("/adviseur/meldingen")
@adviser_required
def queue():
    state = None
    if request.args.get("state"):
        try:
            state = ReportState(request.args["state"])
        except ValueError:
            abort(404)
    page = request.args.get("page", 1, type=page_arg)
    page = max(page, 1)
    rows, total = services.queue_page(current_user, state, page, PER_PAGE)
    return render_template(
        "reports/queue.html", rows=rows, total=total, state=state, states=list(ReportState),
        page=page, has_next=page * PER_PAGE < total,
    )


def _detail(report, *, state_form=None, vacancy_form=None, org_form=None, code=200):
    return render_template(
        "reports/detail.html", report=report,
        related=services.related_reports(current_user, report),
        state_form=state_form or StateForm(report=report, prefix="state"),
        vacancy_form=vacancy_form or SuspendForm(prefix="vacancy"),
        org_form=org_form or SuspendOrganisationForm(prefix="org"),
        print_form=PrintForm(),
    ), code


@bp.get("/adviseur/meldingen/<int:report_id>")
@adviser_required
def detail(report_id: int):
    report = _load(report_id)
    services.record_view(report, current_user)
    db.session.commit()
    return _detail(report)


@bp.post("/adviseur/meldingen/<int:report_id>/status")
@adviser_required
def change_state(report_id: int):
    report = _load(report_id)
    form = StateForm(report=report, prefix="state")
    if form.validate_on_submit():
        try:
            to_state = ReportState(form.state.data)
        except ValueError:
            form.state.errors.append(_("Kies een geldige status."))
        else:
            forwarded_to = ForwardedTo(form.forwarded_to.data) if form.forwarded_to.data else None
            try:
                services.change_state(report, current_user, to_state, note=form.note.data or "",
                                      forwarded_to=forwarded_to, outcome=form.outcome.data or "")
            except services.ReportError as exc:
                db.session.rollback()
                put_error(form, exc.field, exc.message)
            else:
                db.session.commit()
                flash(_("Status gewijzigd naar: %(state)s.", state=STATE_LABELS[to_state]),
                      "success")
                return redirect(url_for("reports.detail", report_id=report.id))
    return _detail(report, state_form=form, code=422)


@bp.post("/adviseur/meldingen/<int:report_id>/vacature-schorsen")
@adviser_required
def suspend_vacancy(report_id: int):
    return _suspend(report_id, SuspendForm, "vacancy", services.suspend_linked_vacancy,
                    _("De vacature is geschorst."))


@bp.post("/adviseur/meldingen/<int:report_id>/organisatie-schorsen")
@adviser_required
def suspend_organisation(report_id: int):
    return _suspend(report_id, SuspendOrganisationForm, "org",
                    services.suspend_linked_organisation, _("De organisatie is geschorst."))


def _suspend(report_id: int, form_class, prefix: str, suspend, success: str):
    """Suspend what the report is about (its vacancy or organisation), with a reason; the
    detail page again (422) with the form named by its prefix when the reason is missing."""
    report = _load(report_id)
    form = form_class(prefix=prefix)
    done = form_action(form, lambda: suspend(report, current_user, form.reason.data or ""),
                       success, url_for("reports.detail", report_id=report.id))
    return done or _detail(report, code=422, **{f"{prefix}_form": form})


@bp.get("/adviseur/meldingen/<int:report_id>/afdruk")
@adviser_required
def print_summary(report_id: int):
    report = _load(report_id)
    form = PrintForm(request.args)
    # The reporter decides: without their tick the contact never goes on paper.
    include_contact = bool(form.contact.data) and report.contact_consent
    services.record_view(report, current_user, printed=True, include_contact=include_contact)
    db.session.commit()
    return render_template("reports/print.html", report=report, include_contact=include_contact,
                           now=utcnow(),
                           related_count=len(services.related_reports(current_user, report)))
