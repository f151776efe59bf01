"""The resident's private links: /s/<token> (an application), /t/<token> (a sign-up for an
activity), /b/<token> (a Werkbalie appointment), and the other resident pages that find
something by a code. One rule for all of them, so the three cannot drift apart:

- an unknown, mistyped, erased or expired token (the loader returns None) gets the one "not
  found" page with a 404, the same for every reason: the page must not tell whether a link
  ever existed;
- the pages are resident pages (all seven languages) and never cached (no-store): residents
  share phones, and the next person must not get someone's appointment from the cache.

    @bp.get("/b/<booking_token>")
    @private_link(queries.booking_by_token, "booking_token")
    def booking_status(appointment, booking_token): ...
"""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_wtf import FlaskForm

from portal import db
from portal.i18n import resident_page
from portal.security import NO_STORE

View = Callable[..., ResponseReturnValue]


def not_found() -> ResponseReturnValue:
    """The resident's "not found" page: a code or link that leads nowhere (any more)."""
    return render_template("apply/not_found.html"), 404


def private_page(template: str, status: int = 200, **context: Any) -> ResponseReturnValue:
    """A page behind a private link (or a form answer that shows one): never cached."""
    return render_template(template, **context), status, NO_STORE


def private_link(load: Callable[[str], object | None], token_arg: str) -> Callable[[View], View]:
    """A resident page for the object behind the URL's token: the view gets the object as its
    first argument; no object, the "not found" page."""
    def decorate(view: View) -> View:
        @wraps(view)
        def wrapper(**kwargs: Any) -> ResponseReturnValue:
            found = load(kwargs[token_arg])
            if found is None:
                return not_found()
            return view(found, **kwargs)
        return resident_page(wrapper)
    return decorate


def erase_when_confirmed(form: FlaskForm, erase: Callable[[], object], erased: str, ask: str,
                         kept: dict[str, Any], **asking: Any) -> ResponseReturnValue:
    """The "erase my data" page behind a private link: the confirmed POST erases, commits and
    shows `erased` with `kept` (what that page still needs, read before the erasure); anything
    else shows the question page `ask` with the form and `asking`."""
    if form.validate_on_submit():
        erase()
        db.session.commit()
        return private_page(erased, **kept)
    return private_page(ask, form=form, **asking)
