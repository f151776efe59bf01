"""The one way the portal writes CSV files (applicant lists, dashboard tables).

- Dutch Excel opens it as columns of UTF-8 text: a byte order mark, ';' between cells, CRLF.
- Dates are ISO (2026-03-01): they sort, and every spreadsheet reads them as dates.
- Numbers stay numbers; callers pass labels ("Gesproken"), not codes ("contacted").
- A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV
  injection"). Only then: "+31 6 12345678" and "-3" are data, and an apostrophe in front of
  every phone number would make the file useless for calling people."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from flask import Response
from flask_babel import format_decimal
from flask_babel import gettext as _

from portal.formatting import iso_date
from portal.security import NO_STORE

FORMULA_START = ("=", "+", "-", "@")
# Characters a spreadsheet may skip before it looks for a formula.
LEADING_SKIPPED = "\t\r\n"
# A sign followed only by digits, spaces and number punctuation: a phone number or an amount.
# Without letters, quotes, '!' or '|' there is no function, reference or DDE call to run.
_PLAIN_NUMBER = re.compile(r"[+-][0-9 .,()/+-]*")


def neutralise(text: str) -> str:
    head = text.lstrip(LEADING_SKIPPED)
    if not head.startswith(FORMULA_START):
        return text
    if head[0] in "+-" and _PLAIN_NUMBER.fullmatch(head):
        return text
    return "'" + text


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("ja") if value else _("nee"))
    if isinstance(value, (int, float, Decimal)):
        return str(format_decimal(value))  # "1.234,5" in Dutch: Excel reads it as a number
    if isinstance(value, date):  # a datetime too: its Dutch calendar day
        return iso_date(value)
    return neutralise(str(value))


def write(header: Iterable[object], rows: Iterable[Iterable[object]]) -> tuple[str, int]:
    """The whole file as text and the number of data rows."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([cell(v) for v in header])
    count = 0
    for row in rows:
        writer.writerow([cell(v) for v in row])
        count += 1
    return out.getvalue(), count


def response(text: str, filename: str) -> Response:
    """A download that no browser or proxy keeps: these files hold personal data."""
    return Response(text, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{filename}"', **NO_STORE})
