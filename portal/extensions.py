"""Extension objects, created once and bound to each app in create_app."""
import logging

from flask import request
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

babel = Babel()
csrf = CSRFProtect()
login_manager = LoginManager()
# Storage comes from RATELIMIT_STORAGE_URI (memory:// by default, redis://... for several workers).
# Redis down must not take sign-in and apply down with it (a 500 there keeps residents out while
# /healthz says "degraded"): each worker then counts in its own memory until Redis answers again
# (Flask-Limiter re-checks with a growing interval), and says so loudly in the log. Short socket
# timeouts: a Redis host that does not answer at all costs a request half a second, not minutes.
limiter = Limiter(key_func=get_remote_address, default_limits=[],
                  in_memory_fallback_enabled=True, swallow_errors=True,
                  # Flask-Limiter types the options as str | int; redis takes seconds as a float.
                  storage_options={"socket_connect_timeout": 0.5, "socket_timeout": 0.5})  # type: ignore[dict-item]


class _Loudly(logging.Filter):
    """Flask-Limiter notes the switch to memory as a warning among others; limits that quietly
    became per worker (a tenth of their strength behind ten workers) deserve an ERROR."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "falling back to in-memory" in message:
            record.levelno, record.levelname = logging.ERROR, "ERROR"
            record.msg, record.args = (
                "RATE LIMITS DEGRADED: the rate-limit storage (Redis) is unreachable; every worker "
                "now counts on its own in memory until it answers again", ())
        elif "storage recovered" in message:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.msg, record.args = "rate limits shared again: the storage (Redis) answers", ()
        return True


logging.getLogger("flask-limiter").addFilter(_Loudly())

# Pages that are never rate limited and are read far more than anything else: the QR landing
# page (every poster scan), static files and the health check. Flask-Limiter resolves its rules
# (and exemptions) on every request; a request filter, its public way to skip a request, stops
# that before it starts and keeps a scan cheap.
UNLIMITED_ENDPOINTS = frozenset({"apply.vacancy", "static", "health.healthz"})


@limiter.request_filter
def _unlimited_hot_path() -> bool:
    return request.endpoint in UNLIMITED_ENDPOINTS
