"""Secrets handed to residents. Only hashes of status tokens are stored, so a database leak
does not give anyone access to an application."""
from __future__ import annotations

import hashlib
import secrets

# No look-alikes (0/O, 1/I/L, 5/S, 8/B): residents read the code out on the phone.
REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY234679"
REFERENCE_LENGTH = 8


def new_status_token() -> str:
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def new_submission_key() -> str:
    return secrets.token_urlsafe(18)
