"""Private links of sign-ups and Werkbalie appointments. As for applications only a hash of
the token is stored (apply/tokens.py); unlike there, a reminder sent days later must carry the
link again. So the token is not random but an HMAC, under the app's secret key, of a random
nonce stored in the row: a copy of the database alone opens nothing, and the tick can rebuild
the link for the reminder."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from flask import current_app

from portal.apply.tokens import hash_token

TOKEN_LENGTH = 32  # characters of URL-safe base64: 192 bits


@dataclass(frozen=True)
class Link:
    nonce: str
    token: str
    token_hash: str


def token_for(nonce: str) -> str:
    key = current_app.config["SECRET_KEY"].encode("utf-8")
    digest = hmac.new(key, b"private-link:" + nonce.encode("ascii"), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:TOKEN_LENGTH]


def new_link() -> Link:
    nonce = secrets.token_hex(16)
    token = token_for(nonce)
    return Link(nonce, token, hash_token(token))


def lookup_hash(token: str) -> str | None:
    """The stored hash for a token from a URL, or None for anything that cannot be one."""
    if not token or len(token) > 64:
        return None
    return hash_token(token)
