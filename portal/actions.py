"""The one-button POST that several features share (confirm a tour, cancel it, take over a
question, disable an account...): CSRF-checked, one service call, one commit, a flash, a
redirect. A broken rule (any DomainError) is rolled back and shown as the error message."""
from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, redirect
from flask_wtf import FlaskForm

from portal import db
from portal.domain import DomainError


def button_action(call: Callable[[], object], success: str, back: str):
    if not FlaskForm().validate_on_submit():  # the CSRF token is the form's only field
        abort(400)
    try:
        call()
    except DomainError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
    else:
        db.session.commit()
        flash(success, "success")
    return redirect(back)
