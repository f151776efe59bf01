"""Public vacancy codes: printed on posters and typed in by hand from a phone, so they use an
alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 6/G, 8/B) and are stored in upper case."""
from __future__ import annotations

import secrets
from collections.abc import Callable

ALPHABET = "ACDEFHJKLMNPQRTUVWXY3479"
LENGTH = 6
MAX_TRIES = 20


class CodeSpaceExhausted(RuntimeError):
    """Only after MAX_TRIES collisions in a row: practically never with 24^6 codes."""


def random_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def new_code(taken: Callable[[str], bool]) -> str:
    """A fresh code that `taken` says is not in use yet (retries on collision)."""
    for _ in range(MAX_TRIES):
        code = random_code()
        if not taken(code):
            return code
    raise CodeSpaceExhausted("no free vacancy code found")


def normalise(code: str) -> str:
    """Codes are matched case-insensitively: residents type what they read."""
    return (code or "").strip().upper()
