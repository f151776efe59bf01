"""The private status link /s/<token>: see the stage, withdraw, or withdraw and erase."""
from __future__ import annotations

from flask import redirect, render_template, url_for

from portal import db
from portal.applicants.models import OPEN_STAGES
from portal.apply import queries, services
from portal.apply.forms import ConfirmForm
from portal.apply.status import status_view
from portal.apply.views import bp, not_found
from portal.apply.wording import stage_text
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
        stage_text=stage_text(app.stage), can_withdraw=app.stage in OPEN_STAGES,
        form=ConfirmForm(), view=view, notes=view["notes"], help_links=view["help_links"],
    ), 200, NO_STORE


@bp.post("/s/<token>/intrekken")
@resident_page
def withdraw(token: str):
    app = _load(token)
    if app is None:
        return not_found()
    if ConfirmForm().validate_on_submit() and app.stage in OPEN_STAGES:
        services.withdraw(app)
        db.session.commit()
    return redirect(url_for(".status", token=token), 303)


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
