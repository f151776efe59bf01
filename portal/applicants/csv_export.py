"""CSV of the recruiter's current filter: which columns, in what words. Writing the file
(formula neutralising, ISO dates, Excel-friendly encoding) is portal.csv_export."""
from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext as _

from portal import csv_export
from portal.applicants.models import Application
from portal.formatting import phone_international


def header() -> list[str]:
    return [_("Referentie"), _("Vacature"), _("Vacaturecode"), _("Fase"), _("Gesolliciteerd op"),
            _("Naam"), _("Naam (Latijnse letters)"), _("Telefoon"), _("E-mail"), _("Talen"), _("Verblijfsstatus"),
            _("azc-locatie"), _("Via poster van"), _("Ervaring"), _("Beschikbaarheid")]


def row(app: Application, stage_labels, residence_labels, language_labels,
        level_labels) -> list:
    base = [app.reference, app.vacancy.title, app.vacancy.code, str(stage_labels[app.stage]),
            app.created_at]
    if app.erased_at is not None:
        return base + [_("gegevens verwijderd"), "", "", "", "", "", "", "", "", ""]
    languages = ", ".join(
        f"{language_labels.get(item.get('lang'), item.get('lang'))} "
        f"({level_labels.get(item.get('level'), item.get('level', ''))})"
        for item in (app.languages or []) if isinstance(item, dict))
    # International notation: one format for numbers of every country.
    return base + [app.name, app.latin_name or "", phone_international(app.phone), app.email, languages,
                   str(residence_labels.get(app.residence_status, "")),
                   app.azc_location.name if app.azc_location else "",
                   app.poster_location.name if app.poster_location else "",
                   app.experience, app.availability]


def write(apps: Iterable[Application], stage_labels, residence_labels, language_labels,
          level_labels) -> tuple[str, int]:
    """The whole file as text and the number of rows."""
    return csv_export.write(header(), (row(app, stage_labels, residence_labels, language_labels,
                                           level_labels) for app in apps))
