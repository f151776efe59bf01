"""'Translate' for the resident's own words on an application (experience, availability):
read by machine translation in the staff member's language, labelled so, never stored."""
from __future__ import annotations

from flask import render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from portal.applicants.views import _load, bp, viewer_required
from portal.audit.services import record
from portal.translate.provider import enabled
from portal.translate.services import for_staff


@bp.get("/sollicitanten/<int:application_id>/vertaling")
@viewer_required
def translation(application_id: int):
    app = _load(application_id)  # the same rule as the application's own page
    items = for_staff([(_("Ervaring"), app.experience), (_("Beschikbaarheid"), app.availability)],
                      str(get_locale()))
    if enabled() and items:
        record("application_translated", app)  # personal data went to the provider
    return render_template("translate/staff.html", items=items, enabled=enabled(),
                           heading=_("Sollicitatie %(ref)s", ref=app.reference),
                           back=url_for(".detail", application_id=app.id))
