"""The V-number (vreemdelingennummer) printed on the W-document identifies one person across
employers. We only keep HMAC-SHA256(key, number): equal numbers give equal hashes, so the
full-time check works, but the number cannot be read back. The key lives in config, never
in the database."""
from __future__ import annotations

import hashlib
import hmac
import re

from flask import current_app

LENGTH = 10
_SEPARATORS = re.compile(r"[\s.\-/]")
_KEY_LABEL = b"werkportaal-azc/v-number/v1"


class InvalidVNumber(ValueError):
    pass


def normalise(raw: str | None) -> str | None:
    """Digits only; spaces, dots and dashes as printed or typed are dropped. None when empty."""
    text = _SEPARATORS.sub("", raw or "")
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or len(text) != LENGTH or set(text) == {"0"}:
        raise InvalidVNumber(text)
    return text


def _key() -> bytes:
    configured = current_app.config.get("V_NUMBER_KEY")
    if configured:
        return configured.encode() if isinstance(configured, str) else bytes(configured)
    # Derived, so rotating SECRET_KEY without setting V_NUMBER_KEY breaks matching of older
    # placements; production should set V_NUMBER_KEY explicitly.
    secret = current_app.config["SECRET_KEY"]
    secret = secret.encode() if isinstance(secret, str) else secret
    return hmac.new(secret, _KEY_LABEL, hashlib.sha256).digest()


def person_hash(normalised: str) -> str:
    return hmac.new(_key(), normalised.encode("ascii"), hashlib.sha256).hexdigest()
