"""Registration, invitations and changing one's address never tell whether an address has an
account: the answer is the same, and the owner of the address is told by mail instead."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from portal.accounts.models import Role, User
from portal.notifications.services import send_pending
from portal.organisations.models import Organisation
from tests.factories import PASSWORD

REGISTER = "/organisatie/aanmelden"


@pytest.fixture
def region(make, db_session):
    r = make.region("Zaanstreek-Waterland")
    db_session.commit()
    return r


def registration(region, email, kvk, password="brood-en-banket-2026"):
    return {"kind": "employer", "name": "Bakkerij Het Zoete Brood", "kvk": kvk,
            "sector": "productie", "street": "Dorpsstraat 12", "postcode": "1506pr",
            "city": "Zaandam", "region": str(region.id), "contact_name": "Anna de Groot",
            "email": email, "password": password, "password_confirm": password, "website": ""}


def page_without(html: str, email: str) -> str:
    """The page as the person sees it, minus the address they typed and the CSRF token (signed
    with the time, so it differs from second to second)."""
    return re.sub(r'csrf_token"( type="hidden")? value="[^"]+"', "", html).replace(email, "ADDRESS")


def received(mails, to):
    send_pending()
    return [m for m in mails if m["To"] == to]


def test_registering_with_a_taken_address_looks_like_success(client, make, region, db_session, mails):
    owner = make.user(Role.member, email="anna@bakkerij.example")
    db_session.commit()
    organisations_before = db_session.scalar(select(func.count(Organisation.id)))
    taken = client.post(REGISTER, data=registration(region, "Anna@Bakkerij.example", "87654321"))
    new = client.post(REGISTER, data=registration(region, "bram@bakkerij.example", "87654322"))
    assert taken.status_code == new.status_code == 302
    assert taken.headers["Location"] == new.headers["Location"]
    # Nothing was made for the taken address; the new one got its organisation.
    assert db_session.scalar(select(func.count(Organisation.id))) == organisations_before + 1
    assert db_session.scalar(select(Organisation).where(Organisation.kvk == "87654321")) is None
    # The owner hears of it, and how to get in; no link that creates anything.
    [notice] = received(mails, owner.email)
    body = notice.get_content()
    assert "organisatie aanmelden" in body and "U heeft al een account" in body
    assert "https://werk.example.nl/inloggen" in body and "/wachtwoord-vergeten" in body
    assert "/account/bevestigen/" not in body
    # The new address got the usual verification link.
    assert "/account/bevestigen/" in received(mails, "bram@bakkerij.example")[0].get_content()


def test_the_owner_is_told_once_a_day_not_once_per_attempt(client, make, region, db_session, mails):
    owner = make.user(Role.member, email="anna@bakkerij.example")
    db_session.commit()
    for n in range(4):
        client.post(REGISTER, data=registration(region, owner.email, f"8765432{n}"),
                    environ_base={"REMOTE_ADDR": f"198.51.100.{n}"})
    assert len(received(mails, owner.email)) == 1


@pytest.mark.parametrize("taken", [True, False])
def test_a_weak_password_gets_the_same_error_for_taken_and_new_addresses(client, make, region,
                                                                        db_session, taken):
    if taken:
        make.user(Role.member, email="anna@bakkerij.example")
        db_session.commit()
    res = client.post(REGISTER, data=registration(region, "anna@bakkerij.example", "87654321",
                                                  password="wachtwoord1"))
    html = res.get_data(as_text=True)
    assert res.status_code == 200
    assert 'id="password-error"' in html and 'id="email-error"' not in html


def test_a_registered_kvk_number_is_said_whatever_the_address(client, make, region, db_session):
    """KvK numbers are public and a company taking part is no personal data: the form says so
    (and points to an invitation), the same for a taken and a new address."""
    org = make.organisation(region)
    make.user(Role.member, organisation=org, email="anna@bakkerij.example")
    db_session.commit()
    pages = [client.post(REGISTER, data=registration(region, email, org.kvk)).get_data(as_text=True)
             for email in ("anna@bakkerij.example", "bram@bakkerij.example")]
    for html in pages:
        assert 'id="kvk-error"' in html and "Dit KvK-nummer is al aangemeld" in html
        assert 'id="email-error"' not in html


def test_inviting_an_address_with_an_account_looks_the_same(client, make, login, db_session, mails):
    member = make.user(Role.member)
    elsewhere = make.user(Role.member)  # has an account at another organisation
    db_session.commit()
    login(member)
    answers = []
    for email in (elsewhere.email, "nieuw@example.nl"):
        res = client.post("/organisatie/uitnodigen", data={"email": email})
        page = client.get(res.headers["Location"]).get_data(as_text=True)
        answers.append((res.status_code, page_without(page, email)))
    assert answers[0] == answers[1]
    assert "De uitnodiging is verstuurd naar ADDRESS" in answers[0][1]
    [notice] = received(mails, elsewhere.email)
    body = notice.get_content()
    assert member.organisation.name in body and "U heeft al een account" in body
    assert "/uitnodiging/" not in body  # no invitation that could move the account
    assert "/uitnodiging/" in received(mails, "nieuw@example.nl")[0].get_content()


def test_changing_to_an_address_with_an_account_looks_the_same(client, make, login, db_session, mails):
    user = make.user(Role.member)
    other = make.user(Role.member)
    db_session.commit()
    login(user)
    answers = []
    for email in (other.email, "vrij@example.nl"):
        res = client.post("/account/e-mail", data={"em-email": email, "em-current_password": PASSWORD})
        page = client.get(res.headers["Location"]).get_data(as_text=True)
        answers.append((res.status_code, page_without(page, email)))
    assert answers[0] == answers[1]
    [notice] = received(mails, other.email)
    assert "ander account veranderen in uw e-mailadres" in notice.get_content()
    db_session.expire_all()
    assert db_session.get(User, user.id).email == user.email
