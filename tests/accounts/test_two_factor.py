from __future__ import annotations

import re
from datetime import timedelta

import pyotp
import pytest
from sqlalchemy import select

from portal.accounts.models import Role
from portal.audit.models import AuditEvent
from portal.clock import utcnow
from tests.accounts.helpers import sign_in

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # 160 bits; pyotp refuses < 112
STAFF_URLS = ["/", "/account", "/organisatie/uitnodigen"]


def code_at(secret, moment=None):
    return pyotp.TOTP(secret).at(moment or utcnow())


def _plain_get_urls(app):
    """Every GET page without URL parameters, except the few open during two-factor sign-in
    and the public resident pages (anyone may read those, signed in or not)."""
    from portal.accounts.auth import TWO_FACTOR_OPEN

    return sorted({rule.rule for rule in app.url_map.iter_rules()
                   if "GET" in rule.methods and not rule.arguments
                   and rule.endpoint not in TWO_FACTOR_OPEN and not rule.endpoint.startswith("health.")
                   # `is True`: a view that is a resident page only for visitors (the front
                   # page, resident_page_when) is a staff page for a signed-in user
                   and getattr(app.view_functions[rule.endpoint], "resident_page", False) is not True})


@pytest.mark.parametrize("role", [Role.adviser, Role.coordinator, Role.admin])
def test_staff_without_secret_is_sent_to_setup_everywhere(app, client, make, db_session, role):
    user = make.user(role)
    user.totp_secret = None
    db_session.commit()
    res = sign_in(client, user.email)
    assert res.headers["Location"] == "/account/2fa-instellen"
    urls = _plain_get_urls(app)
    assert "/account" in urls and "/" in urls
    for url in urls:
        res = client.get(url)
        assert res.status_code == 302 and res.headers["Location"] == "/account/2fa-instellen", url


def test_setup_shows_secret_and_qr_then_stores_secret(client, make, db_session):
    user = make.user(Role.coordinator)
    user.totp_secret = None
    db_session.commit()
    sign_in(client, user.email)
    page = client.get("/account/2fa-instellen").get_data(as_text=True)
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    assert 'src="data:image/svg+xml;base64,' in page
    # The secret stays the same while the user is setting up (kept in the session).
    again = client.get("/account/2fa-instellen").get_data(as_text=True)
    assert secret in again.replace(" ", "")
    wrong = client.post("/account/2fa-instellen", data={"code": "000000"})
    assert "Deze code klopt niet" in wrong.get_data(as_text=True)
    db_session.refresh(user)
    assert user.totp_secret is None
    res = client.post("/account/2fa-instellen", data={"code": code_at(secret)})
    assert res.status_code == 302 and res.headers["Location"] == "/"
    db_session.refresh(user)
    assert user.totp_secret == secret
    assert client.get("/account").status_code == 200
    assert "2fa_enabled" in db_session.scalars(select(AuditEvent.action)).all()


def test_staff_with_secret_must_give_code(client, make, db_session):
    user = make.user(Role.admin, totp_secret=SECRET)
    db_session.commit()
    res = sign_in(client, user.email)
    assert res.headers["Location"] == "/inloggen/2fa"
    with client.session_transaction() as sess:
        assert not sess.get("2fa_ok")
    for url in STAFF_URLS:
        assert client.get(url).headers["Location"] == "/inloggen/2fa"
    bad = client.post("/inloggen/2fa", data={"code": "123456" if code_at(SECRET) != "123456" else "654321"})
    assert "Deze code klopt niet" in bad.get_data(as_text=True)
    with client.session_transaction() as sess:
        assert not sess.get("2fa_ok")
    ok = client.post("/inloggen/2fa", data={"code": code_at(SECRET)})
    assert ok.status_code == 302
    assert client.get("/account").status_code == 200


def test_code_can_be_used_only_once(app, make, db_session):
    user = make.user(Role.adviser, totp_secret=SECRET)
    db_session.commit()
    code = code_at(SECRET)
    first = app.test_client()
    sign_in(first, user.email)
    assert first.post("/inloggen/2fa", data={"code": code}).status_code == 302
    second = app.test_client()
    sign_in(second, user.email)
    res = second.post("/inloggen/2fa", data={"code": code})
    assert res.status_code == 200 and "Deze code klopt niet" in res.get_data(as_text=True)
    # An older code (previous step, still inside the window) is refused too.
    res = second.post("/inloggen/2fa", data={"code": code_at(SECRET, utcnow() - timedelta(seconds=30))})
    assert "Deze code klopt niet" in res.get_data(as_text=True)


def test_code_from_far_past_is_refused(client, make, db_session):
    user = make.user(Role.adviser, totp_secret=SECRET)
    db_session.commit()
    sign_in(client, user.email)
    res = client.post("/inloggen/2fa", data={"code": code_at(SECRET, utcnow() - timedelta(minutes=5))})
    assert "Deze code klopt niet" in res.get_data(as_text=True)


def test_members_have_no_two_factor_setup(client, make, db_session, login):
    login(make.user(Role.member))
    db_session.commit()
    assert client.get("/account/2fa-instellen").status_code == 404
