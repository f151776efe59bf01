"""Settings: defaults here, overridden by environment variables (read when the app is
created, never at import) and then by the `overrides` passed to create_app."""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

DEFAULTS: dict[str, Any] = {
    "ENV": "development",  # development | testing | production
    "SECRET_KEY": None,
    "DATABASE_URL": None,  # default: sqlite in instance/
    "BASE_URL": "http://127.0.0.1:5000",  # absolute base for QR codes and mail links
    "FULL_TIME_HOURS": 40,
    "ASYLUM_WAIT_MONTHS": 6,  # months the asylum procedure must run before work is allowed
    "MAX_CLOSING_MONTHS": 3,
    "RETENTION_WEEKS": 4,
    "RETENTION_CONSENT_DAYS": 365,
    # Reports of dubious offers (portal/reports/housekeeping.py): the reporter's contact is erased
    # this many weeks after the report was closed or passed on, its free text after these months.
    "REPORT_CONTACT_WEEKS": 4,
    "REPORT_RETENTION_MONTHS": 24,
    # Residents' work profiles (portal/talent): they live this many months from consent or the
    # last renewal; the resident is reminded this many weeks before the end.
    "TALENT_CONSENT_MONTHS": 6,
    "TALENT_REMIND_WEEKS": 2,
    "MAIL_SERVER": None,
    "MAIL_PORT": 25,
    "MAIL_USERNAME": None,
    "MAIL_PASSWORD": None,
    "MAIL_STARTTLS": False,
    "MAIL_FROM": "Werkportaal azc <noreply@werkportaal.example>",
    "MAIL_MAX_ATTEMPTS": 8,
    "V_NUMBER_KEY": None,  # HMAC key for V-numbers; defaults to a key derived from SECRET_KEY
    "TWV_REMIND_FIRST_DAYS": 3,  # days in cancellation_requested before the 1st reminder
    "TWV_REMIND_SECOND_DAYS": 7,
    "TWV_FLAG_DAYS": 10,  # then the region's advisers are flagged; overdue from here
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_ENABLED": True,
    # How many proxies (load balancer, nginx) stand in front of the app and append to
    # X-Forwarded-For. 0: the client is the TCP peer and forwarded headers are ignored (anyone
    # could write them). Behind one nginx: 1. Too high lets clients choose their own address.
    "TRUSTED_PROXIES": 0,
    # Production with memory:// limits is only allowed when exactly one worker process runs
    # (each worker would otherwise count on its own and the limits multiply by the worker count).
    "SINGLE_WORKER": False,
    # Seconds between writes of each worker's page-view tally (portal/dashboard/counter.py);
    # unset: 5, and 0 (at once) under test.
    "VIEW_FLUSH_SECONDS": None,
    "EMAIL_TOKEN_MAX_AGE": 3 * 24 * 3600,
    "RESET_TOKEN_MAX_AGE": 3600,
    "INVITE_TOKEN_MAX_AGE": 7 * 24 * 3600,
    "DIGEST_MINUTES": 60,
    "CONTENT_DIR": None,  # default: <project>/content
    "WTF_CSRF_TIME_LIMIT": None,  # tokens live as long as the session
    # Text messages (portal/notifications/sms.py): a MessageBird-style REST endpoint. Unset:
    # no SMS; reminders go by mail only and staff lists show who cannot be reached.
    "SMS_URL": None,
    "SMS_KEY": None,
    "SMS_SENDER": "Werkportaal",  # originator: at most 11 letters or a phone number
    "SMS_TIMEOUT": 10,
    # Machine translation (portal/translate): a LibreTranslate-compatible server. Unset: off.
    "TRANSLATE_URL": None,
    "TRANSLATE_KEY": None,
    "TRANSLATE_TIMEOUT": 10,  # seconds per call from `portal tick`
    "TRANSLATE_INLINE_TIMEOUT": 3,  # seconds, while a staff member waits for a page
    "TRANSLATE_BATCH": 50,  # translations per tick at most, so one tick stays short
}

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _coerce(value: str, default: Any) -> Any:
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(value)
    return value


def load_config(overrides: dict[str, Any] | None, instance_path: str) -> dict[str, Any]:
    cfg = dict(DEFAULTS)
    for key, default in DEFAULTS.items():
        env = os.environ.get(f"PORTAL_{key}")
        if env is not None:
            cfg[key] = _coerce(env, default)
    if os.environ.get("DATABASE_URL"):
        cfg["DATABASE_URL"] = os.environ["DATABASE_URL"]
    if os.environ.get("RATELIMIT_STORAGE_URI"):
        cfg["RATELIMIT_STORAGE_URI"] = os.environ["RATELIMIT_STORAGE_URI"]
    cfg.update(overrides or {})

    if not cfg["DATABASE_URL"]:
        cfg["DATABASE_URL"] = f"sqlite:///{Path(instance_path) / 'portal.sqlite3'}"
    if cfg["CONTENT_DIR"] is None:
        cfg["CONTENT_DIR"] = str(PROJECT_ROOT / "content")
    if not cfg["SECRET_KEY"]:
        if cfg["ENV"] == "production":
            raise RuntimeError("PORTAL_SECRET_KEY must be set in production")
        cfg["SECRET_KEY"] = _dev_secret(instance_path)
    if cfg["ENV"] == "production" and not cfg["BASE_URL"].startswith("https://"):
        raise RuntimeError("PORTAL_BASE_URL must be an https:// address in production")
    if cfg["ENV"] == "production" and not cfg["MAIL_SERVER"]:
        # Without a server the outbox prints mail (status links included) to the log.
        raise RuntimeError("PORTAL_MAIL_SERVER must be set in production")
    cfg["BASE_URL"] = cfg["BASE_URL"].rstrip("/")
    _check_rate_limit_storage(cfg)

    production = cfg["ENV"] == "production"
    cfg.update(
        SESSION_COOKIE_SECURE=production,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=production,
        REMEMBER_COOKIE_HTTPONLY=True,
        PERMANENT_SESSION_LIFETIME=8 * 3600,
        TESTING=cfg["ENV"] == "testing",
        BABEL_DEFAULT_LOCALE="nl",
        BABEL_DEFAULT_TIMEZONE="Europe/Amsterdam",
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    return cfg


def _check_rate_limit_storage(cfg: dict[str, Any]) -> None:
    """memory:// keeps counters inside one worker process: with four gunicorn workers a limit of
    10 per hour becomes 40, and every restart forgets who was guessing passwords. Production must
    share counters (Redis) unless the operator states that only one worker runs."""
    if cfg["ENV"] != "production" or cfg["SINGLE_WORKER"]:
        return
    if str(cfg["RATELIMIT_STORAGE_URI"]).startswith("memory://"):
        raise RuntimeError(
            "RATE LIMITS WOULD NOT HOLD: RATELIMIT_STORAGE_URI is memory:// in production, so each "
            "worker counts sign-in attempts and applications on its own and forgets them on restart. "
            "Set RATELIMIT_STORAGE_URI=redis://host:6379/0 (shared by every worker and instance), "
            "or PORTAL_SINGLE_WORKER=1 if exactly one worker process runs.")


def _dev_secret(instance_path: str) -> str:
    """A stable key for development so sessions survive restarts; never used in production."""
    path = Path(instance_path) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
    return path.read_text().strip()
