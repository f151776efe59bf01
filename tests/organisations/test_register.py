"""Registering an organisation with its first user."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.accounts.models import User
from portal.audit.models import AuditEvent
from portal.organisations.forms import normalise_postcode
from portal.organisations.models import Organisation, OrgStatus

URL = "/organisatie/aanmelden"


def form_data(reg, **overrides):
    data = {
        "kind": "employer", "name": "Bakkerij Het Zoete Brood", "kvk": "12345678",
        "sector": "productie", "street": "Dorpsstraat 12", "postcode": "1506pr", "city": "Zaandam",
        "region": str(reg.id), "contact_name": "Anna de Groot", "email": "Anna@Bakkerij.example",
        "password": "brood-en-banket-2026", "password_confirm": "brood-en-banket-2026",
        "website": "",
    }
    data.update(overrides)
    return data


def field_error(html: str, field_id: str) -> bool:
    return f'id="{field_id}-error"' in html


@pytest.fixture
def region(make, db_session):
    r = make.region("Zaanstreek-Waterland")
    db_session.commit()
    return r


def test_form_lists_sectors_but_no_regions(client, region):
    res = client.get(URL)
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    assert "Zaanstreek-Waterland" not in html and 'name="region"' not in html  # from the postcode
    for sector in ("logistiek", "schoonmaak", "agrarisch", "techniek"):
        assert f'value="{sector}"' in html
    assert 'class="hp"' in html


def test_valid_registration_creates_pending_org_and_member(client, region, db_session):
    res = client.post(URL, data=form_data(region))
    assert res.status_code == 302
    assert res.headers["Location"].endswith("/organisatie/aangemeld")
    org = db_session.scalar(select(Organisation))
    assert org.status == OrgStatus.pending
    assert org.postcode == "1506 PR"
    assert org.kvk == "12345678"
    assert org.region_id == region.id
    assert not org.can_publish
    user = db_session.scalar(select(User))
    assert user.organisation_id == org.id
    assert user.email == "anna@bakkerij.example"
    assert user.email_verified_at is None
    event = db_session.scalar(select(AuditEvent).where(AuditEvent.action == "organisation_registered"))
    assert event.object_id == org.id
    assert "anna" not in str(event.detail).lower()  # no personal data in the audit trail
    page = client.get(res.headers["Location"]).get_data(as_text=True)
    assert "Bekijk uw e-mail" in page


def test_verification_mail_arrives_over_smtp(client, region, mails):
    from portal.notifications.services import send_pending

    client.post(URL, data=form_data(region))
    sent, failed = send_pending()
    assert (sent, failed) == (1, 0)
    assert len(mails) == 1
    assert mails[0]["To"] == "anna@bakkerij.example"
    body = mails[0].get_content()
    assert "https://werk.example.nl/account/bevestigen/" in body


def test_duplicate_kvk_gets_message_at_the_field(client, region, make, db_session):
    make.organisation(region=region).kvk = "12345678"
    db_session.commit()
    res = client.post(URL, data=form_data(region, email="other@example.nl"))
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    assert field_error(html, "kvk")
    assert "Dit KvK-nummer is al aangemeld" in html
    assert db_session.scalar(select(func.count(Organisation.id))) == 1
    assert db_session.scalar(select(func.count(User.id))) == 0


@pytest.mark.parametrize("postcode", ["0123 AB", "1234", "123 AB", "1234 SS", "1234sa", "1234 SD",
                                      "12345 AB", "ABCD EF", "1234 A1"])
def test_bad_postcode_is_refused_at_the_field(client, region, db_session, postcode):
    res = client.post(URL, data=form_data(region, postcode=postcode))
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    assert field_error(html, "postcode")
    assert "Vul een Nederlandse postcode in" in html
    assert db_session.scalar(select(func.count(Organisation.id))) == 0


@pytest.mark.parametrize("raw,expected", [("1234ab", "1234 AB"), ("1234 AB", "1234 AB"),
                                          (" 9999zz ", "9999 ZZ"), ("1234 sb", "1234 SB")])
def test_postcode_is_normalised(raw, expected):
    assert normalise_postcode(raw) == expected


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a", ""])
def test_kvk_must_be_eight_digits(client, region, db_session, kvk):
    res = client.post(URL, data=form_data(region, kvk=kvk))
    assert field_error(res.get_data(as_text=True), "kvk")
    assert db_session.scalar(select(func.count(Organisation.id))) == 0


def test_mismatched_passwords(client, region, db_session):
    res = client.post(URL, data=form_data(region, password_confirm="something-else-2026"))
    html = res.get_data(as_text=True)
    assert field_error(html, "password_confirm")
    assert "De wachtwoorden zijn niet gelijk" in html
    assert db_session.scalar(select(func.count(User.id))) == 0


@pytest.mark.parametrize("weak", ["kort", "password123"])
def test_weak_password_message_at_the_field(client, region, db_session, weak):
    res = client.post(URL, data=form_data(region, password=weak, password_confirm=weak))
    assert res.status_code == 200
    assert field_error(res.get_data(as_text=True), "password")
    assert db_session.scalar(select(func.count(Organisation.id))) == 0
    assert db_session.scalar(select(func.count(User.id))) == 0


def test_email_already_used_leaves_no_half_organisation(client, region, make, db_session):
    make.user(email="anna@bakkerij.example")
    db_session.commit()
    res = client.post(URL, data=form_data(region, kvk="87654321"))
    # The same answer as for a new address (tests/accounts/test_no_enumeration.py), nothing made.
    assert res.status_code == 302
    assert db_session.scalar(select(Organisation).where(Organisation.kvk == "87654321")) is None


def test_missing_region_and_unknown_sector(client, region, db_session):
    res = client.post(URL, data=form_data(region, sector="casino"))
    assert field_error(res.get_data(as_text=True), "sector")
    # A postcode the region table does not know, and no region chosen: the list is asked for.
    res = client.post(URL, data=form_data(region, region="-1"))
    assert field_error(res.get_data(as_text=True), "region")
    assert db_session.scalar(select(func.count(Organisation.id))) == 0


def test_honeypot_stores_nothing(client, region, db_session):
    res = client.post(URL, data=form_data(region, website="http://spam.example"))
    assert res.status_code == 302
    assert db_session.scalar(select(func.count(Organisation.id))) == 0


def test_register_post_is_rate_limited(client, region):
    from portal.extensions import limiter

    limiter.reset()
    codes = [client.post(URL, data=form_data(region, kvk="1")).status_code for _ in range(11)]
    assert codes[:10] == [200] * 10
    assert codes[10] == 429
    assert client.get(URL).status_code == 200  # reading the form is not limited
    limiter.reset()


def test_agency_registration(client, region, db_session):
    client.post(URL, data=form_data(region, kind="agency", kvk="11112222"))
    org = db_session.scalar(select(Organisation))
    assert org.kind.value == "agency"


def test_register_needs_csrf_token(app, client, region, db_session):
    res = client.post(URL, data=form_data(region), csrf=False)
    assert res.status_code == 400
    assert db_session.scalar(select(func.count(Organisation.id))) == 0
    html = client.get(URL).get_data(as_text=True)
    assert 'name="csrf_token"' in html
