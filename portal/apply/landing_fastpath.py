"""The poster-scan fast path: a WSGI layer in front of Flask that answers a repeated scan of an
OPEN vacancy's landing page from a per-worker copy of the whole response, after one small query
(landing_cache.probe) has confirmed that the copy is still right.

Why: every poster scan lands on /v/<code>[/<azc>], and at a job fair hundreds arrive at once.
Flask's full request cycle (routing, locale, session, limiter, security headers) costs several
times the page itself; a hit here skips it. What is NOT given up:
- freshness: the probe reads the vacancy's status, last change and the organisation's status on
  every scan, in the database all instances share, so an edit or a closing made on any instance
  shows at once on every worker (names that change without touching the vacancy, such as the
  azc's, within landing_cache.TTL_SECONDS, as in the view's own cache);
- counting: every scan served here is counted like one served by the view;
- privacy: only requests without cookies other than the language choice, and only responses
  the view marked as shareable (open vacancy, no flashed message) and that set no cookie other
  than the language are kept. The key holds everything the page depends on: path, query,
  language cookie, Accept-Language, host and scheme.
Anything else (HEAD, POST, a session, a closed or unknown vacancy, a miss) goes to Flask."""
from __future__ import annotations

import re
import threading
import time
import weakref
from dataclasses import dataclass
from typing import Any, cast

from flask import Flask
from flask.sansio.app import App
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.http import parse_cookie

from portal import db
from portal.apply import landing_cache, signals
from portal.apply.queries import MAX_CODE
from portal.i18n import COOKIE as LANGUAGE_COOKIE
from portal.signals import total

ENVIRON_KEY = "portal.landing.shareable"  # set by apply.views.vacancy: (probe, language)
PATH = re.compile(rf"^/[vV]/([A-Za-z0-9]{{1,{MAX_CODE}}})(?:/([A-Za-z0-9]{{1,{MAX_CODE}}}))?$")


@dataclass(frozen=True)
class Entry:
    version: tuple
    language: str
    status: str
    headers: list[tuple[str, str]]
    body: bytes
    stored_at: float


_apps: weakref.WeakSet[LandingFastPath] = weakref.WeakSet()


def mark_shareable(environ: dict[str, Any], found: landing_cache.Probe, language: str) -> None:
    """Called by the view for a page every reader of this address and language gets alike."""
    environ[ENVIRON_KEY] = (found, language)


def clear() -> None:
    for fast_path in list(_apps):
        with fast_path.lock:
            fast_path.entries.clear()


class LandingFastPath:
    def __init__(self, app: Flask, wsgi_app: Any) -> None:
        self.app = app
        self.wsgi_app = wsgi_app
        self.lock = threading.Lock()
        self.entries: dict[tuple, Entry] = {}  # per app: never a page of another app's data
        _apps.add(self)

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        match = PATH.match(environ.get("PATH_INFO", "")) if environ["REQUEST_METHOD"] == "GET" else None
        key = self._key(environ) if match else None
        if match is None or key is None:
            return self.wsgi_app(environ, start_response)
        entry = self.entries.get(key)
        if entry is not None and time.monotonic() - entry.stored_at <= landing_cache.TTL_SECONDS:
            with self.app.app_context():
                try:
                    found = landing_cache.probe(match.group(1), match.group(2))
                except SQLAlchemyError:
                    found = None  # the database is away: Flask answers (a friendly 503)
                if found is not None and found.is_open and found.version == entry.version:
                    if total(signals.vacancy_viewed, found.vacancy_id, language=entry.language,
                             location_id=found.location_id):
                        db.session.commit()
                    start_response(entry.status, entry.headers)
                    return [entry.body]
        return self._fill(key, environ, start_response)

    def _key(self, environ: dict[str, Any]) -> tuple | None:
        cookies = environ.get("HTTP_COOKIE")
        language = None
        if cookies:
            parsed = parse_cookie(cookies)
            if set(parsed) - {LANGUAGE_COOKIE}:
                return None  # a session or any other cookie: Flask decides
            language = parsed.get(LANGUAGE_COOKIE)
        return (environ["PATH_INFO"], environ.get("QUERY_STRING", ""), language,
                environ.get("HTTP_ACCEPT_LANGUAGE", ""), environ.get("HTTP_HOST", ""),
                environ.get("wsgi.url_scheme"), environ.get("HTTP_X_FORWARDED_PROTO", ""))

    def _fill(self, key: tuple, environ: dict[str, Any], start_response: Any) -> Any:
        seen: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            seen.update(status=status, headers=headers)
            return start_response(status, headers, exc_info)

        result = self.wsgi_app(environ, capture)
        shareable = environ.get(ENVIRON_KEY)
        if shareable is None or not seen.get("status", "").startswith("200"):
            return result
        if any(name.lower() == "set-cookie" and not value.startswith(LANGUAGE_COOKIE + "=")
               for name, value in seen["headers"]):
            return result
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        found, language = shareable
        entry = Entry(found.version, language, seen["status"], list(seen["headers"]), body,
                      time.monotonic())
        with self.lock:
            if len(self.entries) >= landing_cache.MAX_ENTRIES:
                self.entries.clear()  # bounded; a full cache refills from a few scans
            self.entries[key] = entry
        return [body]


def install(app: App) -> None:
    """From the blueprint's record_once (state.app is always a Flask app here)."""
    flask_app = cast(Flask, app)
    flask_app.wsgi_app = LandingFastPath(flask_app, flask_app.wsgi_app)  # type: ignore[method-assign]
