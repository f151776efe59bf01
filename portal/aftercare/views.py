"""Aftercare for members: the short check-in form of their own organisation's placements
(another organisation's check-in answers 404). Adviser pages are in views_adviser.py."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import member_required
from portal.aftercare import queries, services
from portal.aftercare.forms import (
    CONCERN_LABELS,
    KIND_LABELS,
    STATE_LABELS,
    CheckinForm,
)
from portal.aftercare.models import CheckState
from portal.form_errors import put_error
from portal.security import no_store

bp = Blueprint("aftercare", __name__)
bp.after_request(no_store)  # every page here shows personal data


@bp.context_processor
def _labels():
    return {"concern_labels": CONCERN_LABELS, "kind_labels": KIND_LABELS,
            "check_state_labels": STATE_LABELS}


@bp.get("/nazorg/")
@member_required
def index():
    return render_template("aftercare/index.html", checks=queries.open_for_member(current_user))


@bp.route("/nazorg/<int:check_id>", methods=["GET", "POST"])
@member_required
def form(check_id: int):
    check = access.found_or_404(queries.get_for_member(current_user, check_id))
    if check.state == CheckState.answered:
        return render_template("aftercare/answered.html", check=check)
    form = CheckinForm()
    if form.validate_on_submit():
        still_working = form.still_working.data == "yes"
        try:
            services.answer(
                check, current_user, still_working=still_working,
                hours_as_agreed=(form.hours_as_agreed.data == "yes") if still_working else None,
                concerns=form.concerns.data or [], wants_contact=form.wants_contact.data == "yes",
                comment=form.comment.data, last_day=form.last_day.data,
            )
        except services.AftercareError as exc:
            db.session.rollback()
            put_error(form, exc.field or "still_working", exc.message)
        else:
            db.session.commit()
            if check.needs_follow_up:
                flash(_("Dank u. Uw adviseur neemt contact met u op."), "success")
            else:
                flash(_("Dank u voor uw antwoorden."), "success")
            return redirect(url_for("aftercare.form", check_id=check.id))
    code = 422 if form.errors else 200
    return render_template("aftercare/form.html", check=check, form=form), code


from portal.aftercare import views_adviser  # noqa: E402,F401  (routes on the same bp)
