from __future__ import annotations

import re

import pytest

from portal import create_app
from portal.accounts.models import Role
from tests.accounts.helpers import sign_in

# Per-account limits, and why they cannot lock the owner out: test_lockout.py

def test_sign_in_limited_per_ip_across_accounts(client, cheap_unknown_account_check):
    for i in range(10):
        res = sign_in(client, f"guess{i}@example.nl", "wrong password!!")
        assert res.status_code == 200
    assert sign_in(client, "guess99@example.nl", "wrong password!!").status_code == 429
    # Another address still gets through.
    res = sign_in(client, "guess100@example.nl", "x" * 12, environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert res.status_code == 200
    # Viewing the form is not limited.
    assert client.get("/inloggen").status_code == 200


def test_two_factor_code_guessing_limited(client, make, db_session):
    user = make.user(Role.adviser, totp_secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    db_session.commit()
    sign_in(client, user.email)
    codes = [c for c in ("111111", "222222", "333333", "444444", "555555", "666666")]
    statuses = [client.post("/inloggen/2fa", data={"code": c}).status_code for c in codes]
    assert statuses[-1] == 429


@pytest.fixture
def csrf_app(database_url, smtp_server):
    app = create_app({"ENV": "testing", "SECRET_KEY": "csrf-test", "DATABASE_URL": database_url,
                      "WTF_CSRF_ENABLED": True, "MAIL_SERVER": "127.0.0.1",
                      "MAIL_PORT": smtp_server.port_number})
    yield app
    app.extensions["db_engine"].dispose()


def test_csrf_token_required_on_sign_in(csrf_app, make, db_session):
    user = make.user(Role.member)
    db_session.commit()
    client = csrf_app.test_client()
    res = client.post("/inloggen", data={"email": user.email, "password": "correct horse battery"})
    assert res.status_code == 400
    assert "Formulier verlopen" in res.get_data(as_text=True)
    page = client.get("/inloggen").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    res = client.post("/inloggen", data={"email": user.email, "password": "correct horse battery",
                                         "csrf_token": token})
    assert res.status_code == 302


def test_sign_out_needs_a_csrf_token(csrf_app, make, db_session):
    """Sign-out is a POST with a token: another site cannot sign a user out (and so cannot
    make them sign in again on a page of its choosing)."""
    user = make.user(Role.member)
    db_session.commit()
    client = csrf_app.test_client()
    page = client.get("/inloggen").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post("/inloggen", data={"email": user.email, "password": "correct horse battery",
                                          "csrf_token": token}).status_code == 302
    home = client.get("/").get_data(as_text=True)
    assert "Uitloggen" in home
    # A forged sign-out (no token, or someone else's) is refused and changes nothing.
    assert client.post("/uitloggen").status_code == 400
    assert client.post("/uitloggen", data={"csrf_token": "forged"}).status_code == 400
    db_session.refresh(user)
    version = user.session_version
    assert "Uitloggen" in client.get("/").get_data(as_text=True)
    # With the token from the page the user is signed out.
    token = re.search(r'action="/uitloggen"[^>]*><input type="hidden" name="csrf_token" value="([^"]+)"',
                      home).group(1)
    assert client.post("/uitloggen", data={"csrf_token": token}).status_code == 302
    db_session.refresh(user)
    assert user.session_version == version + 1
    assert "Uitloggen" not in client.get("/").get_data(as_text=True)
