"""One table of the dashboard as CSV. Cells a spreadsheet would run as a formula are
neutralised (OWASP: prefix a quote); location, sector and signal names come from users."""
from __future__ import annotations

import csv
import io

from flask_babel import format_decimal

from portal.dashboard.tables import Table

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return format_decimal(value)  # a number never needs neutralising (even a negative one)
    text = str(value)
    return "'" + text if text.startswith(DANGEROUS_START) else text


def write(table: Table) -> str:
    """The file as text, with a BOM and ';' so Dutch Excel opens it as UTF-8 columns."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([cell(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([cell(v) for v in row])
    return out.getvalue()
