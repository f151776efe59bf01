"""A browser for tests against a real server (the `serve` fixture): its own cookie jar, CSRF
tokens read from the page as a browser would send them, redirects left to the test to see.
Threads can share one (a double click) or each use their own (two tabs, four sessions)."""
from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the test sees the 302 itself


class LiveBrowser:
    def __init__(self, base_url: str):
        self.base = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())

    def request(self, path: str, data: dict | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as res:
                return res.status, res.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def hidden_fields(self, path: str, *names: str) -> dict[str, str]:
        """Open a form page and return the hidden fields a browser would send back."""
        _status, html = self.request(path)
        return {name: re.search(rf'name="{name}" type="hidden" value="([^"]+)"', html).group(1)
                for name in names}

    def csrf(self, path: str) -> str:
        return self.hidden_fields(path, "csrf_token")["csrf_token"]

    def sign_in(self, email: str, password: str) -> None:
        status, _html = self.request("/inloggen", {"email": email, "password": password,
                                                   "csrf_token": self.csrf("/inloggen")})
        assert status == 302, "sign-in failed"
