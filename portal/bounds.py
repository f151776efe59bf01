"""Numbers from URLs and query strings that the database can hold. A primary key is a signed
64-bit integer on PostgreSQL and SQLite: 2**63 and larger cannot exist, and handing one to a
query makes the driver fail (OverflowError, NumericValueOutOfRange) instead of finding nothing.
So such numbers are refused where they enter: in the URL (404) and in query parameters (as if
the parameter were missing)."""
from __future__ import annotations

from werkzeug.routing import IntegerConverter

MAX_ID = 2**63 - 1
MAX_PAGE = 100_000  # a page number times its page size must stay a valid OFFSET too


class BoundedIntConverter(IntegerConverter):
    """`<int:...>` in every route: at most 2**63-1 (and at least -2**63 if signed), else 404."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None,  # noqa: A002
                 max: int | None = None, signed: bool = False) -> None:  # noqa: A002
        if min is None and signed:
            min = -MAX_ID - 1  # noqa: A001
        super().__init__(map, fixed_digits, min, MAX_ID if max is None else max, signed)


def id_arg(value: str) -> int:
    """`type=` for request.args.get: an id, or ValueError (so the default applies)."""
    number = int(value)
    if not 0 <= number <= MAX_ID:
        raise ValueError("not an id")
    return number


def page_arg(value: str) -> int:
    """`type=` for a page number: 1..MAX_PAGE, or ValueError (so the default applies)."""
    number = int(value)
    if not 1 <= number <= MAX_PAGE:
        raise ValueError("not a page")
    return number


def register(app) -> None:
    """Before blueprints are registered: every `<int:...>` rule then uses the bounded one."""
    app.url_map.converters["int"] = BoundedIntConverter
