"""What a load balancer asks (/healthz) and what a visitor sees while the database is away.

/healthz: 200 "ok"; 200 "degraded" when only Redis (shared rate-limit counters) is down, since
every worker then counts in its own memory and requests still work; 503 "error" when the
database is down, so the balancer stops sending traffic to this instance."""
from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify, render_template, request
from flask_babel import force_locale
from sqlalchemy import text
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from portal import db
from portal.extensions import limiter
from portal.i18n import visitor_language
from portal.security import NO_STORE

bp = Blueprint("health", __name__)
log = logging.getLogger(__name__)

RETRY_SECONDS = 10


def _database() -> str:
    try:
        # A connection of its own (pool pre-ping drops dead ones first): the answer is about
        # the database now, not about a session this request may have broken.
        with db.engine().connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return "unreachable"
    return "ok"


def _redis() -> str | None:
    """None when limits are not kept in Redis (memory:// in development and single-worker)."""
    if not str(current_app.config["RATELIMIT_STORAGE_URI"]).startswith(("redis", "rediss")):
        return None
    return "ok" if limiter.storage.check() else "unreachable"


@bp.get("/healthz")
def healthz():
    checks = {"database": _database()}
    redis = _redis()
    if redis is not None:
        checks["redis"] = redis
    if checks["database"] != "ok":
        return jsonify(status="error", **checks), 503, NO_STORE
    status = "ok" if all(v == "ok" for v in checks.values()) else "degraded"
    return jsonify(status=status, **checks), 200, NO_STORE


@bp.app_errorhandler(OperationalError)
@bp.app_errorhandler(InterfaceError)
@bp.app_errorhandler(PoolTimeout)
def unavailable(exc: Exception):
    """The database is down or restarting: a page that says so (the pool pre-pings and reconnects
    by itself once it is back), never a traceback. The log names the error type only: its
    message can hold SQL parameters (names, phone numbers)."""
    log.error("database unavailable: %s on %s", type(exc).__name__, request.endpoint)
    language = visitor_language()
    with force_locale(language):
        html = render_template("errors/unavailable.html", language=language)
    return html, 503, {"Retry-After": str(RETRY_SECONDS), **NO_STORE}
