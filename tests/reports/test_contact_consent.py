"""The reporter decides whether their phone or e-mail goes along when an adviser passes the
report on: a tick on the form, shown to the adviser, and the printable summary (what goes to
the Labour Inspectorate, municipality or police) leaves the contact out without it."""
from __future__ import annotations

import pytest

from portal.accounts.models import Role
from tests.reports.helpers import all_reports, post_report

PHONE = "+31655512345"


@pytest.fixture
def adviser_and_location(make, db_session):
    region = make.region()
    loc = make.location(region, code="ZDM")
    adviser = make.user(Role.adviser, region=region)
    db_session.commit()
    return adviser, loc


def test_form_offers_the_choice_with_the_contact_fields(client):
    html = client.get("/report").get_data(as_text=True)
    contact_at = html.index('name="contact"')
    consent_at = html.index('name="contact_consent"')
    assert contact_at < consent_at < html.index("Wat doen we met je melding?")
    assert 'type="checkbox"' in html[consent_at - 200:consent_at + 200]


@pytest.mark.parametrize("ticked, contact, stored", [
    (True, PHONE, True), (False, PHONE, False), (True, "", False),  # nothing to pass on
])
def test_the_tick_is_stored_with_the_report(client, adviser_and_location, ticked, contact, stored):
    data = {"contact": contact, "location": "ZDM"}
    if ticked:
        data["contact_consent"] = "y"
    assert post_report(client, **data).status_code == 302
    (report,) = all_reports()
    assert report.contact_consent is stored


@pytest.mark.parametrize("ticked", [True, False])
def test_adviser_sees_the_choice_and_the_print_follows_it(client, login, adviser_and_location,
                                                         ticked):
    adviser, _loc = adviser_and_location
    data = {"contact": PHONE, "location": "ZDM", "description": "Geen contract gekregen."}
    if ticked:
        data["contact_consent"] = "y"
    post_report(client, **data)
    (report,) = all_reports()
    login(adviser)

    detail = client.get(f"/adviseur/meldingen/{report.id}").get_data(as_text=True)
    assert PHONE in detail  # the adviser may always call back
    consent = detail.split('class="report-consent">', 1)[1].split("<", 1)[0]
    assert consent == ("Ja" if ticked else "Nee")
    assert ('name="contact"' in detail) is ticked  # no choice offered without the tick

    # Even with the box forced in the URL, the print carries the contact only when ticked.
    printed = client.get(f"/adviseur/meldingen/{report.id}/afdruk?contact=y").get_data(as_text=True)
    assert "Geen contract gekregen." in printed
    assert (PHONE in printed) is ticked
    assert ("Contactgegevens van de melder zijn weggelaten." in printed) is not ticked
