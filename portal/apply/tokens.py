"""Secrets handed to residents. Only hashes of status tokens are stored, so a database leak
does not give anyone access to an application."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from datetime import datetime

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

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


# --- the status link of a double-clicked form ------------------------------------------------
# The browser shows only the answer to the last click, so a resubmitted form must show the
# status link again. Only its hash is stored for good; for SEAL_SECONDS the plain token is also
# kept encrypted (Fernet, key derived from SECRET_KEY), together with a fingerprint of the
# browser and the answers, so only that browser with those answers gets it back.
SEAL_SECONDS = 3600


def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
               info=b"portal.apply.submission-seal").derive(secret_key.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(key))


def seal(token: str, fingerprint: str, *, secret_key: str, now: datetime) -> str:
    plain = json.dumps({"t": token, "f": fingerprint}).encode("utf-8")
    return _fernet(secret_key).encrypt_at_time(plain, int(now.timestamp())).decode("ascii")


def unseal(sealed: str | None, fingerprint: str, *, secret_key: str, now: datetime) -> str | None:
    """The token, when the seal is younger than SEAL_SECONDS and made for this fingerprint."""
    if not sealed:
        return None
    try:
        plain = _fernet(secret_key).decrypt_at_time(sealed.encode("ascii"), SEAL_SECONDS,
                                                    int(now.timestamp()))
    except (InvalidToken, ValueError):
        return None  # expired, another secret key, or damaged
    data = json.loads(plain)
    if not hmac.compare_digest(str(data.get("f", "")), fingerprint):
        return None
    return str(data["t"])
