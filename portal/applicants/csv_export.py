"""CSV of the recruiter's current filter. Cells that a spreadsheet would run as a formula are
neutralised (OWASP: prefix a quote)."""
from __future__ import annotations

import csv
import io
from typing import Iterable

from flask_babel import gettext as _

from portal.applicants.models import Application
from portal.templating import nice_date

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value) -> str:
    text = "" if value is None else str(value)
    if text.startswith(DANGEROUS_START):
        return "'" + text
    return text


def header() -> list[str]:
    return [_("Referentie"), _("Vacature"), _("Vacaturecode"), _("Fase"), _("Gesolliciteerd op"),
            _("Naam"), _("Telefoon"), _("E-mail"), _("Talen"), _("Verblijfsstatus"),
            _("azc-locatie"), _("Via poster van"), _("Ervaring"), _("Beschikbaarheid")]


def row(app: Application, stage_labels, residence_labels, language_labels) -> list[str]:
    base = [app.reference, app.vacancy.title, app.vacancy.code, str(stage_labels[app.stage]),
            nice_date(app.created_at)]
    if app.erased_at is not None:
        personal = [_("gegevens verwijderd"), "", "", "", "", "", "", "", ""]
    else:
        languages = ", ".join(
            f"{language_labels.get(item.get('lang'), item.get('lang'))} ({item.get('level', '')})"
            for item in (app.languages or []) if isinstance(item, dict))
        personal = [app.name, app.phone, app.email, languages,
                    str(residence_labels.get(app.residence_status, "")),
                    app.azc_location.name if app.azc_location else "",
                    app.poster_location.name if app.poster_location else "",
                    app.experience, app.availability]
    return [neutralise(cell) for cell in base + personal]


def write(apps: Iterable[Application], stage_labels, residence_labels,
          language_labels) -> tuple[str, int]:
    """The whole file as text (with a BOM so Excel reads UTF-8) and the number of rows."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header())
    count = 0
    for app in apps:
        writer.writerow(row(app, stage_labels, residence_labels, language_labels))
        count += 1
    return out.getvalue(), count

