"""Adviser pages for aftercare: the region's due check-ins, answers that need follow-up and
retention figures. Another region's check-in answers 404; admins see all."""
from __future__ import annotations

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import adviser_required
from portal.actions import form_action
from portal.aftercare import queries, services
from portal.aftercare.forms import FollowUpForm
from portal.aftercare.views import bp
from portal.audit.services import record


@bp.get("/adviseur/nazorg")
@adviser_required
def adviser_index():
    return render_template(
        "aftercare/adviser_index.html",
        follow_up=queries.follow_up_for_adviser(current_user),
        due=queries.due_for_adviser(current_user),
        done=queries.recently_followed_up(current_user),
        retention=queries.retention(current_user),
        days=services.checkin_days(),
    )


def _load(check_id: int):
    return access.found_or_404(queries.get_for_adviser(current_user, check_id))


def _detail(check, form=None, code=200):
    return render_template("aftercare/adviser_detail.html", check=check,
                           form=form or FollowUpForm()), code


@bp.get("/adviseur/nazorg/<int:check_id>")
@adviser_required
def adviser_detail(check_id: int):
    check = _load(check_id)
    # The page names the worker: reading it is a staff action on personal data.
    record("aftercare_viewed", check, actor=current_user)
    db.session.commit()
    return _detail(check)


@bp.post("/adviseur/nazorg/<int:check_id>/opvolgen")
@adviser_required
def follow_up(check_id: int):
    check = _load(check_id)
    form = FollowUpForm()
    done = form_action(form, lambda: services.follow_up(check, current_user, form.note.data),
                       _("Opvolging vastgelegd."), url_for("aftercare.adviser_index"), field="note")
    return done or _detail(check, form, 422)
