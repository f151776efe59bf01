import pytest
from flask import g


@pytest.fixture(autouse=True)
def _fresh_g_per_request(app):
    """The test app context (and so `g`) outlives each request; in production every request
    has its own. Forget what Flask-Login and the language choice cached on `g`, so each
    request reads its own cookie and ?lang= as it does in production."""

    def _forget():
        for key in ("_login_user", "locale", "_flask_babel"):
            g.pop(key, None)

    app.before_request_funcs.setdefault(None, []).insert(0, _forget)
