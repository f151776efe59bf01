"""Response security headers, password hashing and signed tokens."""
from __future__ import annotations

import io

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import Flask, Response, current_app, request
from flask.sessions import SecureCookieSessionInterface
from flask.wrappers import Request
from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer
from werkzeug.datastructures import ImmutableMultiDict

from portal import clock

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(stored: str | None, password: str) -> bool:
    if not stored:
        # Spend the same time as a real check so timing does not reveal unknown accounts.
        _burn(password)
        return False
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _burn(password: str) -> None:
    try:
        _hasher.verify(_DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        pass


_DUMMY_HASH = _hasher.hash("not-a-real-password-used-for-timing")


class _ClockSigner(TimestampSigner):
    """Token age follows portal.clock, so expiry rules can be tested with a moved clock."""

    def get_timestamp(self) -> int:
        return int(clock.utcnow().timestamp())


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt, signer=_ClockSigner)


def make_token(purpose: str, data) -> str:
    return _serializer(purpose).dumps(data)


class TokenError(Exception):
    def __init__(self, expired: bool):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def read_token(purpose: str, token: str, max_age: int):
    try:
        return _serializer(purpose).loads(token, max_age=max_age)
    except SignatureExpired as exc:
        raise TokenError(expired=True) from exc
    except BadSignature as exc:
        raise TokenError(expired=False) from exc


# Headers for a response no browser or proxy may keep (see no_store): a shared phone or office
# computer must not show it again from its cache.
NO_STORE = {"Cache-Control": "no-store"}


def no_store(response: Response) -> Response:
    """An after_request hook for a blueprint whose pages show personal data (names, phone
    numbers, reports, exports): `bp.after_request(no_store)`. No browser or proxy keeps a copy,
    so a shared computer at an office or an azc cannot show the page again from its cache or
    history after the user signed out. Set on the blueprint, so a new page cannot forget it."""
    response.headers.update(NO_STORE)
    return response


class LazyCookieSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, but a request without a session cookie (every poster
    scan by a resident) gets an empty session without building the signing serializer."""

    def open_session(self, app, request):
        if app.config["SESSION_COOKIE_NAME"] not in request.cookies:
            return self.session_class()
        return super().open_session(app, request)


URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


class StripNulBytes:
    """WSGI middleware: drop NUL bytes from the path, the query string and form bodies
    (url-encoded or multipart, with a length or chunked) before Flask parses them. No person
    types a NUL, and PostgreSQL refuses them in text; removing them here means no feature can
    trip over one deep in a query. The portal takes no file uploads, so no form part is binary."""

    def __init__(self, wsgi_app, max_body: int):
        self.wsgi_app = wsgi_app
        self.max_body = max_body

    def __call__(self, environ, start_response):
        query = environ.get("QUERY_STRING", "")
        if "%00" in query:
            environ["QUERY_STRING"] = query.replace("%00", "")
        path = environ.get("PATH_INFO", "")
        if "\x00" in path:
            environ["PATH_INFO"] = path.replace("\x00", "")
        content_type = environ.get("CONTENT_TYPE", "").lower()
        if content_type.startswith((URLENCODED, MULTIPART)):
            body = self._read_body(environ)
            if body is not None:
                body = body.replace(b"\x00", b"")
                if content_type.startswith(URLENCODED):
                    body = body.replace(b"%00", b"")  # in multipart "%00" is just three characters
                environ["wsgi.input"] = io.BytesIO(body)
                environ["CONTENT_LENGTH"] = str(len(body))
                environ.pop("HTTP_TRANSFER_ENCODING", None)  # now a plain body of known length
                environ.pop("wsgi.input_terminated", None)
        return self.wsgi_app(environ, start_response)

    def _read_body(self, environ) -> bytes | None:
        """The whole body if it is within the size limit, else None: the request then goes on
        untouched and Flask refuses it (413), or finds no body, as it would without us."""
        stream = environ["wsgi.input"]
        if "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
            if not environ.get("wsgi.input_terminated"):
                return None  # the server cannot mark the end: Werkzeug reads nothing either
            body = stream.read(self.max_body + 1)
            if len(body) > self.max_body:
                # Werkzeug does not apply MAX_CONTENT_LENGTH to a chunked body; with the length
                # known (one byte too many is enough) Flask refuses it with 413.
                environ["wsgi.input"] = io.BytesIO(body)
                environ["CONTENT_LENGTH"] = str(len(body))
                environ.pop("HTTP_TRANSFER_ENCODING", None)
                environ.pop("wsgi.input_terminated", None)
                return None
            return body
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return None
        if not 0 < length <= self.max_body:
            return None
        return stream.read(length)


class NoUploadsRequest(Request):
    """The portal takes no file uploads. A form part sent as a file (any client can send one,
    under any field name) is ignored, so no form ever receives a file where it expects text."""

    @property
    def files(self) -> ImmutableMultiDict:
        return ImmutableMultiDict()


def init_app(app: Flask) -> None:
    app.session_interface = LazyCookieSessionInterface()
    app.request_class = NoUploadsRequest
    # Wrapping wsgi_app is Flask's documented way to add middleware; its stubs call it a method.
    app.wsgi_app = StripNulBytes(app.wsgi_app, app.config["MAX_CONTENT_LENGTH"])  # type: ignore[method-assign]

    @app.after_request
    def _headers(response):
        h = response.headers
        h.setdefault("Content-Security-Policy", CSP)
        h.setdefault("X-Content-Type-Options", "nosniff")
        h.setdefault("X-Frame-Options", "DENY")
        h.setdefault("Referrer-Policy", "same-origin")
        h.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        if request.is_secure or app.config["ENV"] == "production":
            h.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response
