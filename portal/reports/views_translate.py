"""'Translate' for a report's description (often written in Farsi, Tigrinya or Arabic): read
by machine translation in the adviser's language, labelled so, never stored."""
from __future__ import annotations

from flask import render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from portal.accounts.auth import adviser_required
from portal.audit.services import record
from portal.reports.views import bp
from portal.reports.views_adviser import _load
from portal.translate.provider import enabled
from portal.translate.services import for_staff


@bp.get("/adviseur/meldingen/<int:report_id>/vertaling")
@adviser_required
def translation(report_id: int):
    report = _load(report_id)  # the same rule as the report's own page
    items = for_staff([(_("Beschrijving"), report.description)], str(get_locale()))
    if enabled() and items:
        record("report_translated", report)  # personal data went to the provider
    return render_template("translate/staff.html", items=items, enabled=enabled(),
                           heading=_("Melding %(code)s", code=report.code),
                           back=url_for(".detail", report_id=report.id))
