"""The member's own organisation page."""
from __future__ import annotations

from portal.accounts.models import Role
from portal.organisations.models import OrgStatus


def test_pending_org_cannot_publish_and_page_says_so(client, login, make, db_session):
    org = make.organisation(status=OrgStatus.pending, name="Wachtend BV")
    member = make.user(organisation=org)
    db_session.commit()
    assert org.can_publish is False
    login(member)
    html = client.get("/organisatie").get_data(as_text=True)
    assert "Uw aanmelding wordt beoordeeld door een werkgeversadviseur" in html
    assert "nog niet publiceren" in html


def test_approved_org_shows_contact_adviser_and_colleagues(client, login, make, db_session):
    region = make.region()
    adviser = make.user(Role.adviser, region=region, email="jobhunter@uwv.example")
    adviser.name = "Yasmin Haddad"
    org = make.organisation(region=region, status=OrgStatus.approved, adviser=adviser)
    member = make.user(organisation=org)
    colleague = make.user(organisation=org, email="collega@bedrijf.example")
    db_session.commit()
    assert org.can_publish
    login(member)
    html = client.get("/organisatie").get_data(as_text=True)
    assert "Yasmin Haddad" in html and "mailto:jobhunter@uwv.example" in html
    assert colleague.email in html
    assert "U kunt vacatures publiceren" in html
    assert 'href="/organisatie/uitnodigen"' in html


def test_rejected_and_suspended_show_reason(client, login, make, db_session):
    org = make.organisation(status=OrgStatus.suspended)
    org.status_reason = "Klachten over loon."
    member = make.user(organisation=org)
    db_session.commit()
    login(member)
    html = client.get("/organisatie").get_data(as_text=True)
    assert "geschorst" in html and "Klachten over loon." in html
    assert org.can_publish is False
