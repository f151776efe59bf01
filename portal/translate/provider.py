"""The translation provider: one interface, one real client (LibreTranslate's HTTP API:
POST /translate with q, source, target, format and api_key; answers translatedText).

A provider that is down, slow or refuses raises ProviderError; callers then keep the source
text and try again later. Texts can hold personal data (a resident's experience, a recruiter's
message): they are never logged, only the kind of failure is."""
from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Protocol

from flask import current_app

log = logging.getLogger(__name__)


class ProviderError(Exception):
    """The translation did not happen. The message is a short reason without the text."""


class ProviderDown(ProviderError):
    """Unreachable, too slow, overloaded or a server error: every text would fail now."""


class ProviderRefused(ProviderError):
    """The server answered but refused this request (e.g. a language it does not have)."""


class Translator(Protocol):
    def translate(self, texts: list[str], source: str, target: str) -> list[str]: ...


@dataclass(frozen=True)
class LibreTranslate:
    """Client for a LibreTranslate-compatible server."""

    url: str
    key: str | None = None
    timeout: float = 10.0

    def translate(self, texts: list[str], source: str, target: str) -> list[str]:
        if not texts:
            return []
        body: dict[str, object] = {"q": texts, "source": source, "target": target,
                                   "format": "text"}
        if self.key:
            body["api_key"] = self.key
        request = urllib.request.Request(  # noqa: S310 - scheme checked in from_config
            self.url.rstrip("/") + "/translate", data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                answer = json.loads(response.read(2_000_000) or b"null")
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code in (400, 403, 404, 413):
                raise ProviderRefused(f"HTTP {exc.code}") from None
            raise ProviderDown(f"HTTP {exc.code}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
            raise ProviderDown(type(getattr(exc, "reason", exc)).__name__) from None
        except (ValueError, OSError) as exc:  # a broken answer, a reset mid-read
            raise ProviderDown(type(exc).__name__) from None
        found = answer.get("translatedText") if isinstance(answer, dict) else None
        if isinstance(found, str):
            found = [found]
        if (not isinstance(found, list) or len(found) != len(texts)
                or not all(isinstance(t, str) for t in found)):
            raise ProviderDown("unexpected answer")
        return [t.strip() for t in found]


def from_config(inline: bool = False) -> Translator | None:
    """The configured provider, or None when machine translation is off. `inline`: for a
    call made while a person waits (a staff page), with a shorter timeout."""
    cfg = current_app.config
    url = (cfg.get("TRANSLATE_URL") or "").strip()
    if not url:
        return None
    if not url.startswith(("http://", "https://")):
        raise RuntimeError("PORTAL_TRANSLATE_URL must be an http:// or https:// address")
    timeout = float(cfg.get("TRANSLATE_INLINE_TIMEOUT" if inline else "TRANSLATE_TIMEOUT") or 10)
    return LibreTranslate(url, cfg.get("TRANSLATE_KEY") or None, timeout)


def enabled() -> bool:
    return bool((current_app.config.get("TRANSLATE_URL") or "").strip())
