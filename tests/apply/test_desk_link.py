"""The desk resends a lost status link: only the coordinators of the resident's azc and the
advisers of the employer's region find the application, with its code and phone number; the
mail is in the resident's language; without an e-mail address the link is shown once."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from portal import db
from portal.accounts.models import Role
from portal.audit.models import AuditEvent
from portal.notifications.models import OutboxMessage

URL = "/balie/statuslink"


@pytest.fixture
def world(make, db_session):
    region, other_region = make.region("Zaanstreek"), make.region("Nijmegen")
    azc, other_azc = make.location(region, code="ZDM"), make.location(other_region, code="NYM")
    org = make.organisation(region)
    vacancy = make.vacancy(org, locations=[azc], title="Hulp in de bakkerij")
    with_mail = make.application(vacancy, azc_location=azc, phone="+31612345678",
                                 email="samira@example.org", ui_language="ar")
    without = make.application(vacancy, azc_location=azc, phone="+31687654321")
    people = {
        "coordinator": make.user(Role.coordinator, locations=[azc]),
        "other_coordinator": make.user(Role.coordinator, locations=[other_azc]),
        "adviser": make.user(Role.adviser, region=region),
        "other_adviser": make.user(Role.adviser, region=other_region),
        "member": make.user(Role.member, organisation=org),
    }
    db_session.commit()
    return SimpleNamespace(with_mail=with_mail, without=without, **people)


def _post(client, app, phone):
    return client.post(URL, data={"reference": app.reference, "phone": phone})


@pytest.mark.parametrize("who", ["coordinator", "adviser"])
def test_desk_sends_a_new_link_in_the_residents_language(client, login, world, who):
    old = world.with_mail.plain_token
    login(getattr(world, who))
    res = _post(client, world.with_mail, "06 12345678")
    html = res.get_data(as_text=True)
    assert res.status_code == 200 and res.headers["Cache-Control"] == "no-store"
    assert "naar het e-mailadres van de bewoner gestuurd" in html
    assert "/s/" not in html  # staff do not see a link that went by mail
    mail = db.session.scalars(select(OutboxMessage)).one()
    assert mail.to_addr == "samira@example.org" and mail.resident
    assert "رابط" in mail.body or "الرابط" in mail.body  # Arabic, the language she applied in
    new = re.search(r"/s/([\w-]+)", mail.body).group(1)
    assert client.get(f"/s/{old}").status_code == 404
    assert client.get(f"/s/{new}").status_code == 200
    event = db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "application.status_link_renewed")).one()
    assert event.detail == {"via": "desk", "mailed": True}


def test_without_email_the_desk_sees_the_new_link_once(client, login, world):
    login(world.coordinator)
    html = _post(client, world.without, "+31 6 8765 4321").get_data(as_text=True)
    link = re.search(r"https://werk\.example\.nl/s/([\w-]+)", html).group(1)
    assert client.get(f"/s/{link}").status_code == 200
    assert client.get(f"/s/{world.without.plain_token}").status_code == 404
    assert "https://werk.example.nl/s/" not in client.get(URL).get_data(as_text=True)


@pytest.mark.parametrize("who,phone", [("other_coordinator", "06 12345678"),
                                       ("other_adviser", "06 12345678"),
                                       ("coordinator", "06 11111111")])
def test_others_and_wrong_numbers_find_nothing_and_change_nothing(client, login, world, who, phone):
    old = world.with_mail.plain_token
    login(getattr(world, who))
    res = _post(client, world.with_mail, phone)
    assert res.status_code == 422
    assert "Geen sollicitatie gevonden" in res.get_data(as_text=True)
    assert client.get(f"/s/{old}").status_code == 200  # the resident's link still works
    assert db.session.scalar(select(OutboxMessage.id)) is None


def test_employers_may_not_use_the_desk(client, login, world):
    login(world.member)
    assert client.get(URL).status_code == 403
    assert _post(client, world.with_mail, "06 12345678").status_code == 403
