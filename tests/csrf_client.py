"""A test client that behaves like a browser with the page already open: CSRF protection stays
ON in every test, and a POST that carries no token gets the one this client's own session would
have been given on the form page. A test that means to post without a token says so:
`client.post(url, data=..., csrf=False)`.

The token is made by flask-wtf's own generate_csrf in a request that carries this client's
cookies, and the session it touches is saved back into the client, exactly as a GET of a form
page would do. A token is never shared between clients: another client's session has another
secret, so a token copied from it is refused."""
from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from flask_wtf.csrf import generate_csrf
from werkzeug.datastructures import MultiDict
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

FIELD = "csrf_token"
HEADER = "X-CSRFToken"


class CsrfClient(FlaskClient):
    def open(self, *args, csrf: bool = True, **kwargs):
        if csrf and self._unsafe(args, kwargs) and not self._has_token(kwargs):
            token = self.csrf_token()
            data = kwargs.get("data")
            if isinstance(data, MultiDict):
                data = data.copy()
                data[FIELD] = token
                kwargs["data"] = data
            elif isinstance(data, dict) or data is None and "json" not in kwargs:
                # a form: the token travels as a form field, as in the rendered page
                kwargs["data"] = {**(data or {}), FIELD: token}
            else:
                # raw or JSON bodies: the header flask-wtf also accepts
                kwargs["headers"] = {**dict(kwargs.get("headers") or {}), HEADER: token}
        return super().open(*args, **kwargs)

    def csrf_token(self) -> str:
        """The signed token for this client's session (the session gets a secret if it has none)."""
        app: Flask = self.application
        # A fresh app context means a fresh `g`: flask-wtf caches the signed token there, and the
        # test's long-lived app context may hold another client's.
        with app.app_context():
            ctx = app.test_request_context()
            self._add_cookies_to_wsgi(ctx.request.environ)
            with ctx:
                token = generate_csrf()
                response = app.response_class()
                app.session_interface.save_session(app, ctx.session, response)
        self._update_cookies_from_response(
            ctx.request.host.partition(":")[0], ctx.request.path, response.headers.getlist("Set-Cookie"))
        return token

    def _unsafe(self, args, kwargs) -> bool:
        if args and isinstance(args[0], (EnvironBuilder, dict, Request)):
            return False  # a prebuilt request is sent exactly as built
        methods = self.application.config.get("WTF_CSRF_METHODS") or ("POST", "PUT", "PATCH", "DELETE")
        return str(kwargs.get("method", "GET")).upper() in methods

    @staticmethod
    def _has_token(kwargs) -> bool:
        data = kwargs.get("data")
        if isinstance(data, dict) and FIELD in data:
            return True
        headers = kwargs.get("headers") or {}
        return HEADER in dict(headers)
