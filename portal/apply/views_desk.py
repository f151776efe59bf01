"""The Werkbalie or COA desk: a resident who lost the private link to their application gets
a new one (the old link stops working). Only with the code and the phone number together, and
only for staff who may help this resident (portal.access): the coordinators of the azc the
resident lives in and the advisers of the employer's region; admins. With an e-mail address
the link goes there, in the resident's language; without one it is shown once on the screen,
to write down or photograph. Both are recorded in the audit log, without personal data."""
from __future__ import annotations

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import roles_required
from portal.accounts.models import Role
from portal.applicants.models import Application
from portal.apply import queries, services
from portal.apply.forms import DeskLinkForm
from portal.apply.views import bp
from portal.audit.services import record
from portal.form_errors import put_error
from portal.private_links import private_page


def may_help(user, app: Application) -> bool:
    return (access.may_see_location(user, app.azc_location_id)
            or access.may_see_region(user, app.vacancy.organisation.region_id))


@bp.route("/balie/statuslink", methods=["GET", "POST"])
@roles_required(Role.coordinator, Role.adviser, Role.admin)
def desk_link():
    form = DeskLinkForm()
    result = None
    if form.validate_on_submit():
        app = queries.application_by_reference(form.reference.data)
        if (app is None or app.erased_at is not None or app.phone != form.phone.e164
                or not may_help(current_user, app)):
            # One answer for "no such application" and "not yours to help": nothing leaks.
            put_error(form, None, _("Geen sollicitatie gevonden met deze code en dit "
                                    "telefoonnummer bij uw azc of regio."))
        else:
            token = services.renew_status_link(app)
            if app.email:
                with force_locale(app.ui_language):
                    services.send_status_link(app, token, renewed=True)
            record("application.status_link_renewed", app, via="desk", mailed=bool(app.email))
            db.session.commit()
            result = {"mailed": bool(app.email), "url": None if app.email else services.status_url(token),
                      "vacancy": app.vacancy.title, "reference": app.reference}
            form = DeskLinkForm(formdata=None)
    # no-store: the page may show a resident's new link
    return private_page("apply/desk_link.html", 422 if form.errors else 200, form=form,
                        result=result)
