"""A TOTP code is accepted once, also when several sessions send it at the same moment."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pyotp

from portal.accounts.models import Role
from portal.clock import utcnow
from tests.factories import PASSWORD
from tests.live_browser import LiveBrowser

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
SESSIONS = 4


def test_same_code_from_four_sessions_at_once_is_accepted_once(serve, make, db_session):
    user = make.user(Role.adviser, totp_secret=SECRET)
    db_session.commit()
    server = serve()
    sessions = [LiveBrowser(server.url) for _ in range(SESSIONS)]
    for session in sessions:
        session.sign_in(user.email, PASSWORD)
    tokens = [session.csrf("/inloggen/2fa") for session in sessions]
    code = pyotp.TOTP(SECRET).at(utcnow())

    def send(i: int) -> int:
        return sessions[i].request("/inloggen/2fa", {"code": code, "csrf_token": tokens[i]})[0]

    with ThreadPoolExecutor(max_workers=SESSIONS) as pool:
        statuses = list(pool.map(send, range(SESSIONS)))
    assert sorted(statuses) == [200] * (SESSIONS - 1) + [302]  # one in, three asked again
    inside = [s.request("/account")[0] for s in sessions]
    assert inside.count(200) == 1
