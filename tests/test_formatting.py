"""portal.formatting: money, dates, month arithmetic and phone numbers, one implementation each."""
from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime

import flask_babel
import pytest
from flask import g

from portal.formatting import (
    add_months,
    decimal_euros,
    dutch_date,
    iso_date,
    money,
    nice_date,
    phone_international,
    phone_national,
)


@contextlib.contextmanager
def page(app, url):
    """A request for `url`, with the language chosen afresh (the test app context keeps `g`)."""
    with app.test_request_context(url):
        g.pop("locale", None)
        flask_babel.refresh()
        yield


def test_money_is_dutch():
    assert money(1550, isolate=False) == "€ 15,50"
    assert money(1471, isolate=False) == "€ 14,71"
    assert money(5, isolate=False) == "€ 0,05"
    assert money(125000, isolate=False) == "€ 1.250,00"
    assert money(-250, isolate=False) == "€ -2,50"
    assert money(None) == ""


def test_money_outside_a_request_has_no_isolates():
    assert money(1550) == "€ 15,50"  # mails from `portal tick`, PDFs


def test_money_on_a_right_to_left_page_stays_in_one_piece(app):
    with page(app, "/v/ABC?lang=ar"):
        assert money(1550) == "\u2066€ 15,50\u2069"
    with page(app, "/v/ABC?lang=ar"):
        assert money(1550, isolate=False) == "€ 15,50"  # a PDF has no bidi engine
    with page(app, "/v/ABC?lang=nl"):
        assert money(1550) == "€ 15,50"


def test_money_filter_in_templates_is_the_same_function(app):
    assert app.jinja_env.filters["money"] is money


def test_feed_amounts_are_machine_readable():
    assert decimal_euros(1550) == "15.50" and decimal_euros(None) is None
    assert decimal_euros(125000) == "1250.00"


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
    (date(2026, 1, 31), 3, date(2026, 4, 30)),
    (date(2026, 11, 15), 3, date(2027, 2, 15)),  # over the year end
    (date(2026, 8, 31), -6, date(2026, 2, 28)),  # back: the last day of February
    (date(2026, 3, 31), -1, date(2026, 2, 28)),
    (date(2026, 1, 10), -1, date(2025, 12, 10)),
    (date(2026, 5, 5), 0, date(2026, 5, 5)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_iso_dates_sort_and_use_the_dutch_calendar_day():
    assert iso_date(date(2026, 3, 1)) == "2026-03-01"
    # 23:30 UTC on 31 March is already 1 April in Amsterdam (summer time).
    assert iso_date(datetime(2026, 3, 31, 23, 30, tzinfo=UTC)) == "2026-04-01"
    assert iso_date(None) == ""


def test_dutch_date_is_dutch_whatever_the_page(app):
    with page(app, "/?lang=en"):
        assert dutch_date(date(2026, 3, 1)) == "1 maart 2026"


def test_nice_date_follows_the_page_language(app):
    with page(app, "/?lang=nl"):
        assert nice_date(date(2026, 3, 1)) == "1 maart 2026"
    with page(app, "/?lang=en"):
        assert nice_date(date(2026, 3, 1)) == "March 1, 2026"
    assert nice_date(None) == ""


def test_dutch_phone_numbers_national_and_international():
    assert phone_national("+31612345678") == "06 12345678"
    assert phone_international("+31612345678") == "+31 6 12345678"
    assert phone_national("+31201234567") == "020 123 4567"


def test_foreign_numbers_are_always_international():
    # Staff pages showed "+2917123456": an Eritrean mobile, readable once grouped.
    assert phone_national("+2917123456") == "+291 7 123 456"
    assert phone_international("+2917123456") == "+291 7 123 456"


def test_text_that_is_not_a_number_is_left_alone():
    assert phone_national("bel de balie") == "bel de balie"
    assert phone_international(None) == ""


def test_phone_filters_in_templates(app):
    assert app.jinja_env.filters["phone"] is phone_national
    assert app.jinja_env.filters["phone_international"] is phone_international
