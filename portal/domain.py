"""What every feature's services share: the domain error that views put on a form field, and
the clean-up of free text before it is stored."""
from __future__ import annotations

import re

# Control characters (a NUL breaks PostgreSQL); tab, newline and carriage return are kept.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DomainError(Exception):
    """A broken business rule. `field` names the form field the message belongs to (None:
    the form as a whole); `message` may be a lazy translation."""

    def __init__(self, message, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


def clean_text(value: str | None, limit: int | None = None) -> str:
    """Free text as stored: control characters dropped, trimmed, at most `limit` characters."""
    text = _CONTROL.sub("", value or "").strip()
    return text[:limit] if limit else text
