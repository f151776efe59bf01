"""The private status link /s/<token>: see the stage, withdraw, or withdraw and erase (both
after a confirmation page); and a lost link: phone number and code → a new link by e-mail."""
from __future__ import annotations

from flask import redirect, render_template, url_for

from portal import db
from portal.applicants.models import OPEN_STAGES
from portal.apply import limits, queries, services
from portal.apply.forms import ConfirmForm, NewLinkForm
from portal.apply.status import status_view
from portal.apply.views import bp, not_found
from portal.extensions import limiter
from portal.i18n import resident_page

NO_STORE = {"Cache-Control": "no-store"}  # a shared phone must not show it from cache


def _load(token: str):
    return queries.application_by_token(token)


@bp.get("/s/<token>")
@resident_page
def status(token: str):
    app = _load(token)
    if app is None:
        return not_found()
    view = status_view(app)
    return render_template(
        "apply/status.html", application=app, vacancy=app.vacancy, token=token,
        stage_text=view["stage_text"], can_withdraw=app.stage in OPEN_STAGES,
        view=view, notes=view["notes"], help_links=view["help_links"],
    ), 200, NO_STORE


@bp.route("/s/<token>/intrekken", methods=["GET", "POST"])
@resident_page
def withdraw(token: str):
    """One tap never withdraws: the status page links here, this page asks, its button posts."""
    app = _load(token)
    if app is None:
        return not_found()
    form = ConfirmForm()
    if app.stage not in OPEN_STAGES:
        return redirect(url_for(".status", token=token), 303)
    if form.validate_on_submit():
        services.withdraw(app)
        db.session.commit()
        return redirect(url_for(".status", token=token), 303)
    return render_template("apply/withdraw.html", application=app, vacancy=app.vacancy,
                           token=token, form=form), 200, NO_STORE


@bp.route("/s/<token>/wissen", methods=["GET", "POST"])
@resident_page
def erase(token: str):
    app = _load(token)
    if app is None:
        return not_found()
    form = ConfirmForm()
    if app.erased_at is None and form.validate_on_submit():
        services.erase(app)
        db.session.commit()
        return redirect(url_for(".status", token=token), 303)
    if app.erased_at is not None:
        return redirect(url_for(".status", token=token), 303)
    return render_template("apply/erase.html", application=app, vacancy=app.vacancy,
                           token=token, form=form), 200, NO_STORE


@bp.route("/link-kwijt", methods=["GET", "POST"])
@resident_page
@limiter.limit(limits.NEW_LINK_IP_LIMIT, methods=["POST"])
@limiter.limit(limits.NEW_LINK_CODE_LIMIT, key_func=limits.code_key, methods=["POST"],
               exempt_when=limits.no_code, deduct_when=limits.answered)
def new_link():
    """The same answer whether or not phone and code belong to an application with an e-mail
    address: this page must not tell anyone who applied."""
    form = NewLinkForm()
    if form.validate_on_submit():
        services.request_new_link(form.reference.data, form.phone.e164)
        db.session.commit()
        return render_template("apply/new_link_sent.html"), 200, NO_STORE
    return render_template("apply/new_link.html", form=form), 422 if form.errors else 200, NO_STORE
