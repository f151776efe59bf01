"""How the portal writes money, dates and phone numbers for people to read, and the calendar
arithmetic behind closing dates and staleness checks. One implementation each: templates use
them as filters (portal/templating.py), PDFs, mails and CSV files call them directly."""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime

import phonenumbers
from babel.dates import format_date as babel_format_date
from flask import has_request_context
from flask_babel import format_date, format_datetime

from portal import i18n
from portal.clock import AMS

# Unicode left-to-right isolate: keeps "€ 14,71" in one piece inside an Arabic or Farsi sentence.
LRI, PDI = "\u2066", "\u2069"


# --- money ------------------------------------------------------------------------------

def money(cents: int | None, isolate: bool | None = None) -> str:
    """Dutch notation: "€ 14,71", "€ 1.250,00". On right-to-left pages the amount is wrapped in
    left-to-right isolates, so the sign stays with its amount instead of jumping to the other
    side. PDFs (no bidi engine) and CSV files ask for isolate=False; None means: isolate when
    the current page is right-to-left."""
    if cents is None:
        return ""
    cents = int(cents)
    euros, rest = divmod(abs(cents), 100)
    text = f"€ {'-' if cents < 0 else ''}{euros:,}".replace(",", ".") + f",{rest:02d}"
    if isolate is None:
        isolate = has_request_context() and i18n.text_direction() == "rtl"
    return f"{LRI}{text}{PDI}" if isolate else text


_CURRENCY = re.compile(r"^(?:€|eur(?:o)?)\s*|\s*(?:€|eur(?:o)?)$", re.IGNORECASE)
_AMOUNT = re.compile(r"^(\d{1,3}(?:[.,]\d{3})*|\d+)(?:([.,])(\d{1,2}))?$", re.ASCII)
_WHOLE_EUROS = re.compile(r"[.,]-$")  # "15,-": the Dutch way of writing a round amount


def parse_money(text: str | None) -> int | None:
    """Cents from an amount as people in the Netherlands type it: "15,50", "15.50", "€ 15,50",
    "15,5", "15", "15,-", "1.250,00". None for empty input; ValueError for anything else. The last
    separator is the decimal one when one or two digits follow it; earlier separators must
    group thousands. "1.250" or "1,250" (three digits after the only separator) is refused
    rather than guessed: a thousands point and an English decimal point look the same."""
    raw = (text or "").replace("\u00a0", " ").replace("\u202f", " ").strip()
    if not raw:
        return None
    raw = _WHOLE_EUROS.sub("", _CURRENCY.sub("", raw))
    match = _AMOUNT.match(raw)  # no space inside: "15 50" may mean 1550 or 15,50
    if not match or len(raw) > 16:
        raise ValueError(f"not an amount: {text!r}")
    whole, decimal_sep, decimals = match.groups()
    if decimal_sep and decimal_sep in whole:  # "1.250.5": the same mark in two roles
        raise ValueError(f"not an amount: {text!r}")
    if decimal_sep is None and re.search(r"[.,]", whole):
        if re.fullmatch(r"\d{1,3}[.,]\d{3}", whole):  # "1.250": thousands or decimals?
            raise ValueError(f"ambiguous amount: {text!r}")
        if len(set(re.findall(r"[.,]", whole))) > 1:
            raise ValueError(f"not an amount: {text!r}")
    euros = int(re.sub(r"[.,]", "", whole))
    return euros * 100 + int((decimals or "0").ljust(2, "0"))


def amount_input(cents: int | None) -> str:
    """How a money field shows a stored amount back for editing: "15,50" (no sign, no
    thousands separator), which parse_money reads again."""
    if cents is None:
        return ""
    euros, rest = divmod(int(cents), 100)
    return f"{euros},{rest:02d}"


def decimal_euros(cents: int | None) -> str | None:
    """Machine notation for data feeds: "14.71" (a dot, no sign, no thousands separator)."""
    if cents is None:
        return None
    cents = int(cents)
    euros, rest = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{euros}.{rest:02d}"


def number_range(low: int | None, high: int | None, isolate: bool | None = None) -> str:
    """"24–38" (or "24" when both are the same). On right-to-left pages the range is wrapped in
    left-to-right isolates: between two numbers a dash otherwise takes the page's direction,
    and an Arabic card read "38–24"."""
    text = f"{low}" if low == high or high is None else f"{low}–{high}"
    if isolate is None:
        isolate = has_request_context() and i18n.text_direction() == "rtl"
    return f"{LRI}{text}{PDI}" if isolate else text


# --- dates ------------------------------------------------------------------------------

def nice_date(value: date | datetime | None, fmt: str = "long") -> str:
    """A date (or moment) in the language of the current page: "3 maart 2026"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return str(format_datetime(value, "d MMM yyyy HH:mm"))
    return str(format_date(value, fmt))


def dutch_date(day: date) -> str:
    """Always Dutch, whatever the page language: posters and letters for Dutch bodies."""
    return babel_format_date(day, "d MMMM yyyy", locale="nl")


def iso_date(value: date | datetime | None) -> str:
    """YYYY-MM-DD: what a spreadsheet sorts and reads as a date in every locale. A moment is
    given as its Dutch calendar day."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(AMS).date() if value.tzinfo else value.date()
    return value.isoformat()


class LabelledDate(date):
    """A date that reads as words on a page or in a PDF ("week van 2 mrt 2026") and is written
    as an ISO date to a CSV file, where it must sort: str() gives the label, csv_export sees a
    date."""

    label: str

    def __new__(cls, day: date, label: str) -> LabelledDate:
        obj = super().__new__(cls, day.year, day.month, day.day)
        obj.label = label
        return obj

    def __str__(self) -> str:
        return self.label


def add_months(day: date, months: int) -> date:
    """`months` calendar months later (earlier when negative). A day that the target month
    does not have becomes its last day: 31 January + 1 month is 28 (or 29) February."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


# --- phone numbers ----------------------------------------------------------------------

def _parse(number: str | None) -> phonenumbers.PhoneNumber | None:
    if not number:
        return None
    try:
        return phonenumbers.parse(number, "NL")
    except phonenumbers.NumberParseException:
        return None


def phone_international(number: str | None) -> str:
    """"+31 6 12345678", "+291 7 123 456": the number as anyone anywhere dials it. Text that is
    not a phone number is given back unchanged."""
    parsed = _parse(number)
    if parsed is None:
        return number or ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_national(number: str | None) -> str:
    """"06 12345678" for a Dutch number (how Dutch staff write and dial it); a foreign number
    stays international, since it is only dialled from here with its country code."""
    parsed = _parse(number)
    if parsed is None:
        return number or ""
    if parsed.country_code != 31:
        return phone_international(number)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
