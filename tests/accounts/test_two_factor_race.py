"""A TOTP code is accepted once, also when several sessions send it at the same moment."""
from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pyotp

from portal.accounts.models import Role
from portal.clock import utcnow
from tests.factories import PASSWORD

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
SESSIONS = 4


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # let the test see the 302 itself


class Session:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as res:
                return res.status, res.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def csrf(self, path: str) -> str:
        _status, html = self.request(path)
        return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)

    def sign_in(self, email: str) -> None:
        status, _html = self.request("/inloggen", {"email": email, "password": PASSWORD,
                                                   "csrf_token": self.csrf("/inloggen")})
        assert status == 302


def test_same_code_from_four_sessions_at_once_is_accepted_once(serve, make, db_session):
    user = make.user(Role.adviser, totp_secret=SECRET)
    db_session.commit()
    server = serve()
    sessions = [Session(server.url) for _ in range(SESSIONS)]
    for session in sessions:
        session.sign_in(user.email)
    tokens = [session.csrf("/inloggen/2fa") for session in sessions]
    code = pyotp.TOTP(SECRET).at(utcnow())

    def send(i: int) -> int:
        return sessions[i].request("/inloggen/2fa", {"code": code, "csrf_token": tokens[i]})[0]

    with ThreadPoolExecutor(max_workers=SESSIONS) as pool:
        statuses = list(pool.map(send, range(SESSIONS)))
    assert sorted(statuses) == [200] * (SESSIONS - 1) + [302]  # one in, three asked again
    inside = [s.request("/account")[0] for s in sessions]
    assert inside.count(200) == 1
