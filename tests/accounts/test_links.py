"""Email verification, password reset, invites and email change, with links taken from mail
received by the real SMTP server."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock
from portal.accounts.models import Role, User
from portal.accounts.services import start_email_verification
from portal.audit.models import AuditEvent
from tests.accounts.helpers import deliver, link_path, sign_in

NEW_PASSWORD = "een lange nieuwe zin"


def _unverified(app, make, db_session):
    user = make.user(Role.member)
    user.email_verified_at = None
    with app.test_request_context():
        start_email_verification(user)
    db_session.commit()
    return user


def test_verification_link_from_mail_lets_user_sign_in(app, client, make, db_session, mails):
    user = _unverified(app, make, db_session)
    message = deliver(mails, user.email)
    path = link_path(message)
    assert path.startswith("/account/bevestigen/")
    res = client.get(path)
    assert res.status_code == 302 and res.headers["Location"] == "/inloggen"
    assert sign_in(client, user.email).status_code == 302


def test_expired_verification_link_offers_a_new_one(app, client, make, db_session, mails):
    user = _unverified(app, make, db_session)
    path = link_path(deliver(mails, user.email))
    clock.move_to(clock.utcnow() + timedelta(days=4))
    res = client.get(path)
    page = res.get_data(as_text=True)
    assert res.status_code == 400
    assert "Deze link is verlopen" in page
    assert 'action="/account/bevestigen"' in page
    db_session.refresh(user)
    assert user.email_verified_at is None


def test_broken_verification_link(client):
    res = client.get("/account/bevestigen/not-a-token")
    assert res.status_code == 400
    assert "Deze link werkt niet" in res.get_data(as_text=True)


def test_resend_verification_same_answer_for_unknown_address(app, client, make, db_session, mails):
    user = _unverified(app, make, db_session)
    deliver(mails)
    mails.clear()
    known = client.post("/account/bevestigen", data={"email": user.email}).get_data(as_text=True)
    unknown = client.post("/account/bevestigen", data={"email": "x@example.nl"}).get_data(as_text=True)
    assert known == unknown
    path = link_path(deliver(mails, user.email))
    assert client.get(path).status_code == 302


def test_password_reset_end_to_end_and_link_works_once(client, make, db_session, mails):
    user = make.user(Role.member)
    db_session.commit()
    known = client.post("/wachtwoord-vergeten", data={"email": user.email}).get_data(as_text=True)
    unknown = client.post("/wachtwoord-vergeten", data={"email": "nobody@example.nl"}).get_data(as_text=True)
    assert known == unknown
    message = deliver(mails)
    assert message["To"] == user.email and len(mails) == 1
    path = link_path(message)
    assert client.get(path).status_code == 200
    weak = client.post(path, data={"password": "wachtwoord123", "confirm": "wachtwoord123"})
    assert "te makkelijk te raden" in weak.get_data(as_text=True)
    res = client.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert res.status_code == 302 and res.headers["Location"] == "/inloggen"
    assert sign_in(client, user.email, NEW_PASSWORD).status_code == 302
    # Used once: the link is bound to the old password and stops working.
    again = client.get(path)
    assert again.status_code == 400 and "Deze link werkt niet" in again.get_data(as_text=True)
    assert client.post(path, data={"password": "nog een andere zin", "confirm": "nog een andere zin"}).status_code == 400
    assert "password_reset" in db_session.scalars(select(AuditEvent.action)).all()


def test_reset_link_expires_after_an_hour(client, make, db_session, mails):
    user = make.user(Role.member)
    db_session.commit()
    client.post("/wachtwoord-vergeten", data={"email": user.email})
    path = link_path(deliver(mails))
    clock.move_to(clock.utcnow() + timedelta(hours=2))
    res = client.get(path)
    assert res.status_code == 400 and "Deze link is verlopen" in res.get_data(as_text=True)


def test_invite_flow(client, make, db_session, mails, login, app):
    member = make.user(Role.member)
    db_session.commit()
    login(member)
    res = client.post("/organisatie/uitnodigen", data={"email": "Collega@Example.nl"})
    assert res.status_code == 302
    message = deliver(mails, "collega@example.nl")
    assert member.organisation.name in message.get_content()
    path = link_path(message)
    invitee = app.test_client()
    page = invitee.get(path).get_data(as_text=True)
    assert "collega@example.nl" in page
    res = invitee.post(path, data={"name": "Col Lega", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert res.status_code == 302
    new = db_session.scalar(select(User).where(User.email == "collega@example.nl"))
    assert new.organisation_id == member.organisation_id
    assert new.role == Role.member and new.email_verified_at is not None
    assert invitee.get("/account").status_code == 200
    # The link cannot make a second account.
    assert app.test_client().get(path).status_code == 400


def test_an_invite_lapses_when_its_sender_leaves(client, make, db_session, mails, login, app):
    # accounts sit below organisations: the invite reaches the organisation through its sender,
    # and is good only while the sender is still an active member of it.
    member = make.user(Role.member)
    db_session.commit()
    login(member)
    client.post("/organisatie/uitnodigen", data={"email": "nieuw@example.nl"})
    path = link_path(deliver(mails, "nieuw@example.nl"))
    assert app.test_client().get(path).status_code == 200
    member.active = False
    db_session.commit()
    assert app.test_client().get(path).status_code == 400


# Inviting an address that has an account: test_no_enumeration.py


def test_only_members_invite(client, make, db_session, login):
    login(make.user(Role.adviser))
    db_session.commit()
    assert client.get("/organisatie/uitnodigen").status_code == 403


def test_change_password_needs_current_and_ends_other_sessions(app, client, make, db_session, login):
    user = make.user(Role.member)
    db_session.commit()
    login(user)
    other = app.test_client()
    sign_in(other, user.email)
    assert other.get("/account").status_code == 200
    bad = client.post("/account/wachtwoord", data={
        "pw-current_password": "wrong one here", "pw-password": NEW_PASSWORD, "pw-confirm": NEW_PASSWORD})
    assert "Uw huidige wachtwoord klopt niet." in bad.get_data(as_text=True)
    res = client.post("/account/wachtwoord", data={
        "pw-current_password": "correct horse battery", "pw-password": NEW_PASSWORD,
        "pw-confirm": NEW_PASSWORD})
    assert res.status_code == 302
    assert client.get("/account").status_code == 200  # this session continues
    assert other.get("/account").status_code == 302  # the other one ended
    assert sign_in(app.test_client(), user.email, NEW_PASSWORD).status_code == 302
    assert "password_changed" in db_session.scalars(select(AuditEvent.action)).all()


def test_change_email_switches_only_after_confirmation(client, make, db_session, login, mails):
    user = make.user(Role.member)
    db_session.commit()
    old = user.email
    login(user)
    bad = client.post("/account/e-mail", data={"em-email": "nieuw@example.nl", "em-current_password": "nope nope nope"})
    assert "Uw huidige wachtwoord klopt niet." in bad.get_data(as_text=True)
    res = client.post("/account/e-mail", data={"em-email": "Nieuw@Example.nl",
                                               "em-current_password": "correct horse battery"})
    assert res.status_code == 302
    db_session.refresh(user)
    assert user.email == old
    path = link_path(deliver(mails, "nieuw@example.nl"))
    assert client.get(path).status_code == 302
    db_session.refresh(user)
    assert user.email == "nieuw@example.nl"
    assert "email_changed" in db_session.scalars(select(AuditEvent.action)).all()
