"""The desk: a coordinator or adviser makes a resident's work profile together with the
resident (recorded as assisted, audited), and prints the azc's poster "Tell us what work you
want". Staff reach the azc's they work at (the Werkbalie's rule: the region's advisers, the
azc's coordinators, admins)."""
from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from portal import db
from portal.access import found_or_404
from portal.accounts.auth import roles_required
from portal.accounts.models import Role
from portal.activities.poster import render as render_poster
from portal.apply.forms import options
from portal.form_errors import put_error
from portal.posters.views import pdf_response
from portal.security import no_store
from portal.talent import kinds, profiles
from portal.talent.forms import DeskProfileForm
from portal.talent.poster import profile_poster
from portal.werkbalie import queries as desk_queries

bp = Blueprint("talent_desk", __name__, url_prefix="/talent/balie")
bp.after_request(no_store)
staff_only = roles_required(Role.coordinator, Role.adviser, Role.admin)


def _location(code: str):
    return found_or_404(desk_queries.staff_location(current_user, code))


@bp.get("/")
@staff_only
def index():
    return render_template("talent/desk_index.html",
                           locations=desk_queries.location_choices(current_user))


@bp.route("/<location_code>/nieuw", methods=["GET", "POST"])
@staff_only
def new_profile(location_code: str):
    location = _location(location_code)
    form = DeskProfileForm()
    form.azc_location.choices = options(
        [(loc.id, loc.name) for loc in desk_queries.location_choices(current_user)])
    form.work.choices = options(kinds.kind_choices("nl"))
    if not form.is_submitted():
        form.azc_location.data = location.id
    if form.validate_on_submit():
        data = form.data_for(form.azc_location.data)
        try:
            created = profiles.create(data, ui_language=form.language.data,
                                      assisted_by=current_user)
            db.session.commit()
        except (profiles.AlreadyHasProfile, IntegrityError) as exc:
            db.session.rollback()
            existing = exc.profile if isinstance(exc, profiles.AlreadyHasProfile) else None
            if existing is not None:
                profiles.send_link_again(existing)
                db.session.commit()
            put_error(form, "phone", _("Met dit telefoonnummer is al een werkprofiel gemaakt. "
                                       "De bewoner kreeg de eigen link nog een keer, als dat kon."))
        else:
            return render_template("talent/desk_done.html", location=location,
                                   link=profiles.private_url(created.profile),
                                   months=profiles.consent_months())
    return render_template("talent/desk_form.html", location=location, form=form,
                           months=profiles.consent_months()), 422 if form.errors else 200


@bp.get("/<location_code>/poster.pdf")
@staff_only
def poster(location_code: str):
    location = _location(location_code)
    return pdf_response(render_poster(profile_poster(location, profiles.consent_months())),
                        f"werkprofiel-{location.code}.pdf")
