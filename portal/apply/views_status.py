"""The private status link /s/<token>: see the stage, withdraw, or withdraw and erase (both
after a confirmation page); and a lost link: phone number and code → a new link by e-mail."""
from __future__ import annotations

from flask import redirect, url_for

from portal import db
from portal.applicants.models import OPEN_STAGES
from portal.apply import limits, queries, services
from portal.apply.forms import ConfirmForm, NewLinkForm
from portal.apply.status import status_view
from portal.apply.views import bp
from portal.extensions import limiter
from portal.i18n import resident_page
from portal.private_links import private_link, private_page

by_token = private_link(queries.application_by_token, "token")


@bp.get("/s/<token>")
@by_token
def status(app, token: str):
    view = status_view(app)
    return private_page(
        "apply/status.html", application=app, vacancy=app.vacancy, token=token,
        stage_text=view["stage_text"], can_withdraw=app.stage in OPEN_STAGES,
        view=view, notes=view["notes"], help_links=view["help_links"])


@bp.route("/s/<token>/intrekken", methods=["GET", "POST"])
@by_token
def withdraw(app, token: str):
    """One tap never withdraws: the status page links here, this page asks, its button posts."""
    form = ConfirmForm()
    if app.stage not in OPEN_STAGES:
        return redirect(url_for(".status", token=token), 303)
    if form.validate_on_submit():
        services.withdraw(app)
        db.session.commit()
        return redirect(url_for(".status", token=token), 303)
    return private_page("apply/withdraw.html", application=app, vacancy=app.vacancy,
                        token=token, form=form)


@bp.route("/s/<token>/wissen", methods=["GET", "POST"])
@by_token
def erase(app, token: str):
    form = ConfirmForm()
    if app.erased_at is None and form.validate_on_submit():
        services.erase(app)
        db.session.commit()
        return redirect(url_for(".status", token=token), 303)
    if app.erased_at is not None:
        return redirect(url_for(".status", token=token), 303)
    return private_page("apply/erase.html", application=app, vacancy=app.vacancy,
                        token=token, form=form)


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
        return private_page("apply/new_link_sent.html")
    return private_page("apply/new_link.html", 422 if form.errors else 200, form=form)
