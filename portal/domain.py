"""What every feature's services share: the domain error that views put on a form field
(portal.form_errors.put_error). Cleaning text before it is stored is portal.text."""
from __future__ import annotations

from flask_babel import LazyString


class DomainError(Exception):
    """A broken business rule. `field` names the form field the message belongs to (None:
    the form as a whole); `message` may be a lazy translation."""

    def __init__(self, message: str | LazyString, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field
