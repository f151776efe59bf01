from __future__ import annotations

import re

from sqlalchemy import select

from portal.accounts.models import Role
from portal.audit.models import AuditEvent
from tests.accounts.helpers import sign_in

GENERIC = "Het e-mailadres of het wachtwoord klopt niet."
TOKEN = re.compile(r'(?<=name="csrf_token" type="hidden" value=")[^"]+')


def test_member_signs_in_and_sees_dashboard(client, make, db_session):
    user = make.user(Role.member)
    db_session.commit()
    res = sign_in(client, user.email.upper())  # email is case-insensitive
    assert res.status_code == 302 and res.headers["Location"] == "/"
    page = client.get("/").get_data(as_text=True)
    assert user.name in page
    assert "Uitloggen" in page
    events = db_session.scalars(select(AuditEvent.action)).all()
    assert "sign_in" in events


def test_unknown_email_and_wrong_password_get_identical_answer(client, make, db_session):
    user = make.user(Role.member)
    db_session.commit()
    wrong_pw = sign_in(client, user.email, "not the right password")
    unknown = sign_in(client, "nobody@example.nl", "not the right password")
    assert wrong_pw.status_code == unknown.status_code == 200
    a = wrong_pw.get_data(as_text=True)
    b = unknown.get_data(as_text=True)
    assert GENERIC in a and GENERIC in b
    # Apart from the echoed email address (and the form's CSRF token, signed with the time)
    # the pages are the same.
    a, b = (TOKEN.sub("", page) for page in (a, b))
    assert a.replace(user.email, "X") == b.replace("nobody@example.nl", "X")
    # The failure is audited without the typed email address.
    failed = db_session.scalars(select(AuditEvent).where(AuditEvent.action == "sign_in_failed")).all()
    assert len(failed) == 2
    for event in failed:
        assert "@" not in repr(event.detail)


def test_disabled_user_cannot_sign_in_and_session_ends(client, make, db_session, login):
    from portal.accounts.services import disable_user

    user = make.user(Role.member)
    db_session.commit()
    login(user)
    assert client.get("/account").status_code == 200
    disable_user(user)
    db_session.commit()
    assert client.get("/account").status_code == 302  # back to sign-in
    res = sign_in(client, user.email)
    assert GENERIC in res.get_data(as_text=True)


def test_unverified_cannot_sign_in(client, make, db_session):
    user = make.user(Role.member)
    user.email_verified_at = None
    db_session.commit()
    res = sign_in(client, user.email)
    assert res.status_code == 200
    assert "nog niet bevestigd" in res.get_data(as_text=True)
    assert client.get("/account").status_code == 302


def test_sign_in_starts_a_new_session(client, make, db_session):
    user = make.user(Role.member)
    db_session.commit()
    with client.session_transaction() as sess:
        sess["planted"] = "by attacker"
    sign_in(client, user.email)
    with client.session_transaction() as sess:
        assert "planted" not in sess
        assert sess["_user_id"] == user.get_id()


def test_next_parameter_only_redirects_inside_the_site(client, make, db_session):
    user = make.user(Role.member)
    db_session.commit()
    res = client.post("/inloggen?next=//evil.example/x",
                      data={"email": user.email, "password": "correct horse battery"})
    assert res.headers["Location"] == "/"
    client.post("/uitloggen")
    res = client.post("/inloggen?next=/account",
                      data={"email": user.email, "password": "correct horse battery"})
    assert res.headers["Location"] == "/account"


def test_sign_out_ends_the_session_everywhere(app, client, make, db_session, login):
    user = make.user(Role.member)
    db_session.commit()
    login(user)
    other = app.test_client()
    with client.session_transaction() as sess:
        copied = dict(sess)
    with other.session_transaction() as sess:
        sess.update(copied)
    assert other.get("/account").status_code == 200
    res = client.post("/uitloggen")
    assert res.status_code == 302
    assert client.get("/account").status_code == 302
    assert other.get("/account").status_code == 302  # a copied cookie no longer works
    assert "sign_out" in db_session.scalars(select(AuditEvent.action)).all()


def test_sign_out_needs_post(client, make, db_session, login):
    login(make.user(Role.member))
    db_session.commit()
    assert client.get("/uitloggen").status_code == 405


def test_public_home_explains_portal(client):
    page = client.get("/").get_data(as_text=True)
    assert "Inloggen" in page and "/report" in page


def test_dashboard_links_per_role(client, make, db_session, login):
    login(make.user(Role.member))
    db_session.commit()
    page = client.get("/").get_data(as_text=True)
    assert "/organisatie/uitnodigen" in page
