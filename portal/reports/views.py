"""Public side of reports: anyone may report a dubious job offer, anonymously, in seven
languages, and later look up the state with the reference code. Adviser pages are in
views_adviser.py on the same blueprint."""
from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from portal import db
from portal.extensions import limiter
from portal.form_errors import put_error
from portal.i18n import answered, resident_page
from portal.reports import services
from portal.reports.forms import PUBLIC_STATE_LABELS, ReportForm, StatusForm
from portal.reports.models import ReporterType
from portal.security import no_store

bp = Blueprint("reports", __name__)
bp.after_request(no_store)  # every page here shows personal data

SESSION_KEY = "report_code"
# Per address, against scripts only: residents of one azc share its Wi-Fi address (an
# information evening about exploitation may bring many reports at once). The honeypot and
# the adviser's queue handle the rest.
REPORT_LIMIT = "200 per hour"
STATUS_LIMIT = "300 per hour"  # 22^8 codes: guessing one is hopeless at any such speed


def _arg(name: str) -> str | None:
    # Printed QR URLs may be all capitals (shorter QR code): ?VACANCY=K7Q2MX works too.
    return request.values.get(name) or request.values.get(name.upper())


@bp.route("/REPORT", methods=["GET", "POST"])  # posters may print the URL in capitals
@bp.route("/report", methods=["GET", "POST"])
@limiter.limit(REPORT_LIMIT, methods=["POST"])
@resident_page
def report_form():
    vacancy = services.vacancy_by_code(_arg("vacancy"))
    form = ReportForm(locations=services.active_locations())
    form.employer_name.flags.required = vacancy is None  # else we know the employer
    if request.method == "GET":
        form.vacancy.data = vacancy.code if vacancy else ""
        location = services.location_by_code(_arg("location"))
        if location is not None:
            form.location.data = location.code
    # A language button posts the form back (see _partials/language_picker.html): show it in
    # that language with what was typed, check and store nothing.
    if answered(form):
        if form.website.data:
            # A bot: look successful, store nothing.
            session.pop(SESSION_KEY, None)
            return redirect(url_for("reports.sent"))
        try:
            report = services.submit(
                signals=form.signals.data or [], description=form.description.data or "",
                employer_name=form.employer_name.data or "", vacancy=vacancy,
                location=services.location_by_code(form.location.data),
                reporter_type=ReporterType(form.reporter_type.data),
                contact=form.contact.data, contact_language=form.contact_language.data,
                contact_consent=bool(form.contact_consent.data),
                ui_language=str(get_locale() or "nl"),
            )
        except services.ReportError as exc:
            for field, message in [(exc.field, exc.message), *exc.more]:
                put_error(form, field, message)
        else:
            db.session.commit()
            session[SESSION_KEY] = report.code
            return redirect(url_for("reports.sent"))
    return render_template("reports/form.html", form=form, vacancy=vacancy,
                           contact_weeks=current_app.config["REPORT_CONTACT_WEEKS"],
                           retention_months=current_app.config["REPORT_RETENTION_MONTHS"])


@bp.get("/report/verzonden")
@resident_page
def sent():
    # no-store (the blueprint's hook): on a shared phone the back button must not show someone
    # else's code later
    # The code is shown once: popped, so a later visit (another person on a shared phone,
    # the same browser tomorrow) does not find it in the session.
    return render_template("reports/sent.html", code=session.pop(SESSION_KEY, None))


@bp.get("/report/status")
@limiter.limit(STATUS_LIMIT)
@resident_page
def status():
    form = StatusForm(request.args)
    report = None
    if "code" in request.args and form.validate():
        report = services.find_by_code(form.code.data)
        if report is None:
            form.code.errors.append(_("We vinden deze code niet. Kijk of je hem goed hebt getypt."))
    return render_template(
        "reports/status.html", form=form,
        state_label=PUBLIC_STATE_LABELS[report.state] if report is not None else None,
        state=report.state.value if report is not None else None,
    )


from portal.reports import (
    housekeeping,  # noqa: E402,F401  (retention periods on guidance pages)
    views_adviser,  # noqa: E402,F401  (registers the adviser routes)
    views_translate,  # noqa: E402,F401  (machine translation for advisers)
)
