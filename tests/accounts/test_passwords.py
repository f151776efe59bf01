"""Passwords are checked for strength (zxcvbn, score 3 of 4), the reason is said in the portal's
words, and the rule is on the form before anyone meets it as an error."""
from __future__ import annotations

import pytest

from portal.accounts import passwords
from portal.accounts.models import Role
from portal.accounts.services import AccountError, validate_password

RULE_TEXT = "niet makkelijk te raden"


@pytest.mark.parametrize("password, why", [
    ("zxcvbnm,./", "Toetsen die naast elkaar liggen"),
    ("abcdefghijklmn", "Reeksen zoals abc"),
    ("aaaaaaaaaaaaaaa", "Herhalingen"),
    ("iloveyou12", "wachtwoord dat veel wordt gebruikt"),
    ("a" * 150, "Herhalingen"),  # only the first 72 characters are scored; still a repeat
])
def test_weak_passwords_refused_with_the_reason_in_dutch(app, password, why):
    with pytest.raises(AccountError) as err:
        validate_password(password)
    assert err.value.field == "password"
    assert "te makkelijk te raden" in err.value.message and why in err.value.message, err.value.message
    assert "Kies bijvoorbeeld een zin van vier gewone woorden." in err.value.message


@pytest.mark.parametrize("password", ["werkportaal2026", "Welkom2026!", "Wachtwoord-1234"])
def test_dutch_and_portal_words_count_as_guessable(app, password):
    with pytest.raises(AccountError):
        validate_password(password)


def test_the_persons_name_and_address_count_as_guessable(app):
    # Strong for a stranger, weak when it is built from the person's own name and address.
    validate_password("h.oosterbeek2026")
    with pytest.raises(AccountError):
        validate_password("h.oosterbeek2026", email="h.oosterbeek@bakkerij.nl",
                          name="Hendrikus Oosterbeek")


@pytest.mark.parametrize("password", ["drie kleine katjes", "paarse fiets op het dak",
                                      "Zaandam heeft een mooie haven",
                                      "een lange zin " * 10])  # longer than zxcvbn scores
def test_passphrases_accepted(app, password):
    validate_password(password)


def test_strength_reports_zxcvbn_score(app):
    assert passwords.strength("correct horse battery staple", [])[0] == 4
    assert passwords.strength("password", [])[0] == 0


def test_rule_is_on_the_registration_form_before_any_error(client):
    html = client.get("/organisatie/aanmelden").get_data(as_text=True)
    assert RULE_TEXT in html
    assert 'id="password-hint"' in html  # the hint the field's aria-describedby points to
    assert 'id="password-error"' not in html


def test_rule_is_on_the_settings_form(client, make, login, db_session):
    login(make.user(Role.member))
    db_session.commit()
    assert RULE_TEXT in client.get("/account").get_data(as_text=True)


def test_weak_password_on_registration_shows_the_reason(client, make, db_session):
    region = make.region()
    db_session.commit()
    res = client.post("/organisatie/aanmelden", data={
        "kind": "employer", "name": "Bakkerij", "kvk": "12345678", "sector": "horeca",
        "street": "Dorpsstraat 1", "postcode": "1234 AB", "city": "Zaandam",
        "region": str(region.id), "contact_name": "Piet", "email": "piet@bakkerij.nl",
        "password": "asdfghjkl;", "password_confirm": "asdfghjkl;"})
    html = res.get_data(as_text=True)
    assert res.status_code == 200
    assert "te makkelijk te raden" in html and "Toetsen die naast elkaar liggen" in html
