"""The POSTs that several features share: CSRF-checked, one service call, one commit, a
flash, a redirect. button_action: a form that is only a button (confirm a tour, cancel it, take
over a question, disable an account...); a broken rule (any DomainError) is rolled back and
flashed. form_action: a form with fields; a broken rule is rolled back and put next to its
field (portal.form_errors), and the view shows the form again."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import abort, flash, redirect
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response

from portal import db
from portal.domain import DomainError
from portal.form_errors import put_error

T = TypeVar("T")


def button_action(call: Callable[[], object], success: str, back: str, code: int = 302):
    """`code`: 303 for a resident's private link (a POST answered by a GET of the page)."""
    if not FlaskForm().validate_on_submit():  # the CSRF token is the form's only field
        abort(400)
    return _flashed(call, success, back, code)


def flashed_action(form: FlaskForm, call: Callable[[], T], success: str | Callable[[T], str],
                   back: str) -> Response | None:
    """A form whose refusal is not about one of its fields (attendance marks, a checkbox
    list): valid, the same as button_action; not valid, None and the caller decides."""
    if not form.validate_on_submit():
        return None
    return _flashed(call, success, back)


def _flashed(call: Callable[[], T], success: str | Callable[[T], str], back: str,
             code: int = 302) -> Response:
    try:
        result = call()
    except DomainError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
    else:
        db.session.commit()
        flash(success(result) if callable(success) else success, "success")
    return redirect(back, code)


def form_action(form: FlaskForm, call: Callable[[], T], success: str | Callable[[T], str],
                back: str | Callable[[T], str], field: str | None = None) -> Response | None:
    """Valid fields: `call()`, commit, flash `success`, redirect to `back`. None: show the form
    again (the caller picks the status) — its fields were not valid, or the service refused;
    then the refusal sits next to the field it names (else `field`, else the form as a whole).
    `success` and `back` may be functions of what `call()` returned (a new row's name, its
    page), asked after the commit."""
    if not form.validate_on_submit():
        return None
    try:
        result = call()
    except DomainError as exc:
        db.session.rollback()
        put_error(form, exc.field or field, exc.message)
        return None
    db.session.commit()
    flash(success(result) if callable(success) else success, "success")
    return redirect(back(result) if callable(back) else back)
