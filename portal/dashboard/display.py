"""How a figure reads, in one place for the page, the PDF, the CSV-free summary text and the
charts' labels: numbers in the page's locale, "–" where there is nothing to measure (never a
"-0", never a blank that reads as zero), and a change against the previous period in words
("3 meer", "2 dagen korter"), so a sign cannot be misread or lost in print."""
from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_decimal
from flask import has_request_context
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

NOTHING = "–"  # en dash: nothing to measure (no data), read out as "geen gegevens"
COUNT, PERCENT, DAYS = "count", "percent", "days"


def _locale() -> str:
    return str(get_locale() or "nl") if has_request_context() else "nl"


def clean(value: float | int | None) -> float | int | None:
    """-0.0 becomes 0.0 and a float is kept to one decimal: what people see is what we compare."""
    if isinstance(value, float):
        return round(value, 1) + 0.0
    return value


def number(value: float | int | None) -> str:
    """1.234 / 12,5 / 0 in Dutch; NOTHING for None. A whole float shows without ",0"."""
    value = clean(value)
    if value is None:
        return NOTHING
    if isinstance(value, float) and not value.is_integer():
        return format_decimal(value, format="#,##0.0", locale=_locale())
    return format_decimal(int(value), format="#,##0", locale=_locale())


def percent(value: float | None) -> str:
    return NOTHING if value is None else f"{number(value)} %"


def in_days(value: float | None) -> str:
    if value is None:
        return NOTHING
    value = clean(float(value))
    return ngettext("%(n)s dag", "%(n)s dagen", 1 if value == 1 else 2, n=number(value))


def figure(value: float | int | None, kind: str = COUNT) -> str:
    return {PERCENT: percent, DAYS: in_days}.get(kind, number)(value)


@dataclass(frozen=True)
class Change:
    direction: str  # "up", "down", "same" or "none" (nothing to compare)
    text: str

    @property
    def arrow(self) -> str:
        return {"up": "▲", "down": "▼", "same": "="}.get(self.direction, "")


def change(current: float | int | None, previous: float | int | None, kind: str = COUNT) -> Change:
    """The difference with the previous period, in words. Compared as shown (one decimal), so
    12,5 against 12,5 is "gelijk" even when the unrounded values differ a little."""
    current, previous = clean(current), clean(previous)
    if current is None or previous is None:
        return Change("none", _("geen vergelijking"))
    diff = clean(float(current) - float(previous)) if kind != COUNT else int(current) - int(previous)
    if not diff:
        return Change("same", _("gelijk"))
    size, up = number(abs(diff)), diff > 0
    if kind == PERCENT:
        text = (_("%(n)s procentpunt hoger", n=size) if up
                else _("%(n)s procentpunt lager", n=size))
    elif kind == DAYS:
        plural = 1 if abs(diff) == 1 else 2
        text = (ngettext("%(n)s dag langer", "%(n)s dagen langer", plural, n=size) if up
                else ngettext("%(n)s dag korter", "%(n)s dagen korter", plural, n=size))
    else:
        text = _("%(n)s meer", n=size) if up else _("%(n)s minder", n=size)
    return Change("up" if up else "down", text)


def share(part: int, whole: int) -> float | None:
    """Part of a whole in per cent, one decimal; None (shown "–") when the whole is 0."""
    return round(100 * part / whole, 1) if whole else None
