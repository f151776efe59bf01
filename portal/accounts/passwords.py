"""Password rules: long enough, not a well-known password, not the email address."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MIN_LENGTH = 10
MAX_LENGTH = 200  # argon2 copes with more, but nobody needs more and it bounds the work per request

_LIST = Path(__file__).with_name("common_passwords.txt")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = _LIST.read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def is_common(password: str) -> bool:
    return password.strip().lower() in common_passwords()
