"""Guessing a password is slow, but someone who does not know it cannot lock the owner out:
limits are per account *and* address, plus a slow per-account limit that the owner's own
(known) device is exempt from."""
from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import func, select

from portal.accounts.models import Role
from portal.notifications.models import OutboxMessage
from tests.accounts.helpers import sign_in
from tests.factories import PASSWORD

WRONG = "wrong password!!"


@pytest.fixture
def owner(make, db_session):
    """An account whose hash is cheap to check, so a test can make a hundred wrong guesses."""
    def _owner(role=Role.member):
        user = make.user(role)
        user.password_hash = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(PASSWORD)
        db_session.commit()
        return user
    return _owner


def addr(ip: str) -> dict:
    return {"environ_base": {"REMOTE_ADDR": ip}}


@pytest.mark.parametrize("role", [Role.member, Role.admin])
def test_thirty_wrong_passwords_from_other_addresses_do_not_lock_the_owner(client, owner, role):
    user = owner(role)
    statuses = [sign_in(client, user.email, WRONG, **addr(f"198.51.100.{n}")).status_code
                for n in (1, 2, 3) for _ in range(10)]
    # Each guessing address gets five tries, then waits.
    assert statuses == ([200] * 5 + [429] * 5) * 3
    # The owner, from their own address, signs in as usual (staff then go on to the code step).
    res = sign_in(client, user.email, **addr("192.0.2.10"))
    assert res.status_code == 302
    assert ("/inloggen/2fa" in res.headers["Location"]) == (role == Role.admin)


def test_brute_force_from_one_address_is_limited(client, owner, make, db_session):
    user = owner()
    for _ in range(5):
        assert sign_in(client, user.email, WRONG, **addr("198.51.100.7")).status_code == 200
    assert sign_in(client, user.email, WRONG, **addr("198.51.100.7")).status_code == 429
    # Even the right password waits there: guessing cannot continue from that address.
    assert sign_in(client, user.email, **addr("198.51.100.7")).status_code == 429
    # Another account from that address is not this account's limit.
    other = make.user(Role.member)
    db_session.commit()
    assert sign_in(client, other.email, **addr("198.51.100.7")).status_code == 302


def test_guessing_from_many_addresses_is_slowed_but_the_known_device_gets_in(app, client, owner):
    user = owner()
    own_device = app.test_client()  # the owner's own browser, signed in there before
    assert sign_in(own_device, user.email, **addr("192.0.2.10")).status_code == 302
    own_device.post("/uitloggen", **addr("192.0.2.10"))
    # A hundred wrong guesses from twenty addresses (five each) use up the account's day.
    for n in range(20):
        for _ in range(5):
            assert sign_in(client, user.email, WRONG, **addr(f"203.0.113.{n}")).status_code == 200
    # A new address now waits, even with the right password: the guessing is slowed per account.
    assert sign_in(client, user.email, **addr("203.0.113.200")).status_code == 429
    # The browser the owner signed in with before still gets in, from any address.
    assert sign_in(own_device, user.email, **addr("192.0.2.99")).status_code == 302


def test_successful_sign_ins_do_not_use_up_the_limits(client, owner):
    user = owner()
    for _ in range(8):
        assert sign_in(client, user.email, **addr("192.0.2.10")).status_code == 302


def test_a_forged_device_cookie_buys_nothing(client, owner):
    user = owner()
    for n in range(20):
        for _ in range(5):
            sign_in(client, user.email, WRONG, **addr(f"203.0.113.{n}"))
    client.set_cookie("known_device", "forged.value.here")
    assert sign_in(client, user.email, **addr("203.0.113.201")).status_code == 429


def test_reset_mails_are_capped_per_account_without_refusing_the_owner(client, owner, db_session):
    user = owner()
    statuses = [client.post("/wachtwoord-vergeten", data={"email": user.email.upper()},
                            **addr(f"198.51.100.{n}")).status_code for n in range(10)]
    assert statuses == [200] * 10  # the same answer for every address: nothing to learn
    sent = db_session.scalar(select(func.count()).select_from(OutboxMessage)
                             .where(OutboxMessage.to_addr == user.email))
    assert sent == 5  # at most five links an hour reach the mailbox; the owner has those


def test_reset_requests_from_one_address_are_limited(client):
    for _ in range(5):
        assert client.post("/wachtwoord-vergeten", data={"email": "target@example.nl"},
                           **addr("198.51.100.9")).status_code == 200
    assert client.post("/wachtwoord-vergeten", data={"email": "target@example.nl"},
                       **addr("198.51.100.9")).status_code == 429
