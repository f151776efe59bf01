"""Extension objects, created once and bound to each app in create_app."""
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
limiter = Limiter(key_func=get_remote_address, default_limits=[])

# Pages that are never rate limited and are read far more than anything else: the QR landing
# page (every poster scan), static files and the health check. Flask-Limiter resolves its rules
# (and exemptions) on every request; a request filter, its public way to skip a request, stops
# that before it starts and keeps a scan cheap.
UNLIMITED_ENDPOINTS = frozenset({"apply.vacancy", "static", "health.healthz"})


@limiter.request_filter
def _unlimited_hot_path() -> bool:
    return request.endpoint in UNLIMITED_ENDPOINTS
