"""Where a broken business rule shows up on a page. Services raise a DomainError naming the
field it is about (or none); views hand it to put_error. The message then sits next to that
field, and the form's error summary at the top links to it. A rule about the form as a whole
(or a field this form does not have) goes on the form's own error list, which the same
summary shows: one place on the page for every error, never a flash that a redirect could
lose or that appears far from the form."""
from __future__ import annotations

from wtforms.form import BaseForm


def put_error(form: BaseForm, field: str | None, message: object) -> None:
    if field and field in form:
        target = form[field]
        # Before validation WTForms keeps errors as a tuple: rebuild rather than append.
        target.errors = [*target.errors, message]
    else:
        form.form_errors.append(message)
