"""Organisation pages for employers and agencies: registering, and their own organisation.
The adviser's pages are in views_adviser.py on the same blueprint."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from portal import db
from portal.accounts.auth import member_required
from portal.extensions import limiter
from portal.form_errors import put_error
from portal.organisations import queries, services
from portal.organisations.forms import KIND_LABELS, SECTOR_LABELS, RegisterForm

bp = Blueprint("organisations", __name__)


@bp.route("/organisatie/aanmelden", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"])
def register():
    form = RegisterForm()
    form.set_regions(queries.all_regions())
    if form.validate_on_submit():
        if form.website.data:
            # A bot filled the hidden field: answer as if it worked, store nothing.
            return redirect(url_for("organisations.registered"))
        data = services.Registration(
            kind=form.kind.data, name=form.name.data, kvk=form.kvk.data, sector=form.sector.data,
            street=form.street.data, postcode=form.postcode.data, city=form.city.data,
            region_id=form.region.data, contact_name=form.contact_name.data,
            email=form.email.data, password=form.password.data,
        )
        try:
            services.register(data)
            db.session.commit()
        except services.OrganisationError as exc:
            db.session.rollback()
            put_error(form, exc.field, exc.message)
        except IntegrityError:
            # Two sign-ups with the same KvK number or email at the same moment.
            db.session.rollback()
            form.kvk.errors = list(form.kvk.errors) + [
                _("Dit KvK-nummer of e-mailadres is al aangemeld.")]
        else:
            return redirect(url_for("organisations.registered"))
    return render_template("organisations/register.html", form=form)


@bp.get("/organisatie/aangemeld")
def registered():
    return render_template("organisations/registered.html")


@bp.get("/organisatie")
@member_required
def mine():
    org = current_user.organisation
    if org is None:  # a member always has one; guard against broken data
        return redirect(url_for("organisations.register"))
    return render_template(
        "organisations/mine.html", org=org, colleagues=queries.members(org),
        invite_url=url_for("accounts.invite"), contact=queries.contact_adviser(org),
        advisers=queries.advisers_to_call(org),
        kind_label=KIND_LABELS.get(org.kind.value, org.kind.value),
        sector_label=SECTOR_LABELS.get(org.sector, org.sector),
    )


from portal.organisations import views_adviser  # noqa: E402,F401  (routes on the same bp)
