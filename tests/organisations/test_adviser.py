"""The adviser's queue and decisions: approve, reject, suspend, reinstate, contact person."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal import clock
from portal.accounts.models import Role
from portal.audit.models import AuditEvent
from portal.notifications.models import OutboxMessage
from portal.notifications.services import send_pending
from portal.organisations import services
from portal.organisations.models import OrgStatus

BASE = "/adviseur/organisaties"


@pytest.fixture
def setup(make, db_session):
    region = make.region()
    adviser = make.user(Role.adviser, region=region)
    org = make.organisation(region=region, status=OrgStatus.pending)
    member = make.user(organisation=org, email="eigenaar@bedrijf.example")
    db_session.commit()
    return region, adviser, org, member


def events(db_session, action):
    return db_session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_queue_lists_pending_oldest_first_with_age(client, login, make, db_session):
    region = make.region()
    adviser = make.user(Role.adviser, region=region)
    now = clock.utcnow()
    young = make.organisation(region=region, status=OrgStatus.pending, name="Jong Bedrijf")
    old = make.organisation(region=region, status=OrgStatus.pending, name="Oud Bedrijf")
    young.created_at = now - timedelta(days=2)
    old.created_at = now - timedelta(days=9)
    make.organisation(region=region, status=OrgStatus.approved, name="Goedgekeurd Bedrijf")
    make.organisation(status=OrgStatus.pending, name="Andere Regio Bedrijf")
    db_session.commit()
    login(adviser)
    html = client.get(BASE).get_data(as_text=True)
    assert html.index("Oud Bedrijf") < html.index("Jong Bedrijf")
    assert "9 dagen" in html and "2 dagen" in html
    assert "Goedgekeurd Bedrijf" not in html
    assert "Andere Regio Bedrijf" not in html
    approved = client.get(BASE + "?status=approved").get_data(as_text=True)
    assert "Goedgekeurd Bedrijf" in approved and "Oud Bedrijf" not in approved
    assert client.get(BASE + "?status=nonsense").status_code == 404


def test_admin_queue_shows_every_region(client, login, make, db_session):
    admin = make.user(Role.admin)
    make.organisation(status=OrgStatus.pending, name="Noord BV")
    make.organisation(status=OrgStatus.pending, name="Zuid BV")
    db_session.commit()
    login(admin)
    html = client.get(BASE).get_data(as_text=True)
    assert "Noord BV" in html and "Zuid BV" in html


def test_approve_sets_contact_mails_members_and_audits(client, login, setup, db_session, mails):
    region, adviser, org, member = setup
    login(adviser)
    res = client.post(f"{BASE}/{org.id}/goedkeuren")
    assert res.status_code == 302
    db_session.refresh(org)
    assert org.status == OrgStatus.approved
    assert org.can_publish
    assert org.contact_adviser_id == adviser.id
    assert org.decided_at is not None
    ev = events(db_session, "organisation_approved")
    assert len(ev) == 1 and ev[0].actor_id == adviser.id and ev[0].object_id == org.id
    send_pending()
    assert [m["To"] for m in mails] == ["eigenaar@bedrijf.example"]
    assert "goedgekeurd" in mails[0]["Subject"]
    assert adviser.email in mails[0].get_content()


def test_approve_keeps_existing_contact(client, login, make, setup, db_session):
    region, adviser, org, member = setup
    other = make.user(Role.adviser, region=region)
    org.contact_adviser = other
    db_session.commit()
    login(adviser)
    client.post(f"{BASE}/{org.id}/goedkeuren")
    db_session.refresh(org)
    assert org.contact_adviser_id == other.id


def test_reject_needs_a_reason(client, login, setup, db_session):
    region, adviser, org, member = setup
    login(adviser)
    res = client.post(f"{BASE}/{org.id}/afwijzen", data={"reject-reason": "   "})
    assert res.status_code == 400
    assert 'id="reject-reason-error"' in res.get_data(as_text=True)
    db_session.refresh(org)
    assert org.status == OrgStatus.pending
    assert db_session.scalar(select(OutboxMessage)) is None


def test_reject_mails_the_reason(client, login, setup, db_session, mails):
    region, adviser, org, member = setup
    login(adviser)
    res = client.post(f"{BASE}/{org.id}/afwijzen",
                      data={"reject-reason": "Geen inschrijving bij de KvK gevonden.",
                            "reject-confirm": "y"})
    assert res.status_code == 302
    db_session.refresh(org)
    assert org.status == OrgStatus.rejected
    assert not org.can_publish
    assert len(events(db_session, "organisation_rejected")) == 1
    send_pending()
    assert len(mails) == 1
    assert "Geen inschrijving bij de KvK gevonden." in mails[0].get_content()
    # rejected is final
    res = client.post(f"{BASE}/{org.id}/goedkeuren", follow_redirects=True)
    assert "Dit kan niet" in res.get_data(as_text=True)
    db_session.refresh(org)
    assert org.status == OrgStatus.rejected


def test_suspend_and_reinstate(client, login, make, db_session, mails):
    region = make.region()
    adviser = make.user(Role.adviser, region=region)
    org = make.organisation(region=region, status=OrgStatus.approved)
    make.user(organisation=org, email="baas@bedrijf.example")
    db_session.commit()
    login(adviser)
    res = client.post(f"{BASE}/{org.id}/schorsen", data={"suspend-reason": ""})
    assert res.status_code == 400
    assert 'id="suspend-reason-error"' in res.get_data(as_text=True)
    res = client.post(f"{BASE}/{org.id}/schorsen", data={"suspend-reason": "Melding van onbetaald proefwerk.", "suspend-confirm": "y"})
    assert res.status_code == 302
    db_session.refresh(org)
    assert org.status == OrgStatus.suspended and not org.can_publish
    assert org.status_reason == "Melding van onbetaald proefwerk."
    res = client.post(f"{BASE}/{org.id}/herstellen")
    assert res.status_code == 302
    db_session.refresh(org)
    assert org.status == OrgStatus.approved and org.can_publish
    assert org.status_reason is None
    assert len(events(db_session, "organisation_suspended")) == 1
    assert len(events(db_session, "organisation_reinstated")) == 1
    send_pending()
    subjects = [m["Subject"] for m in mails]
    assert any("geschorst" in s for s in subjects) and any("weer actief" in s for s in subjects)
    assert "Melding van onbetaald proefwerk." in mails[0].get_content()


@pytest.mark.parametrize("start,action,data", [
    (OrgStatus.pending, "schorsen", {"suspend-reason": "x", "suspend-confirm": "y"}),
    (OrgStatus.pending, "herstellen", {}),
    (OrgStatus.approved, "goedkeuren", {}),
    (OrgStatus.approved, "afwijzen", {"reject-reason": "x", "reject-confirm": "y"}),
    (OrgStatus.approved, "herstellen", {}),
    (OrgStatus.suspended, "goedkeuren", {}),
    (OrgStatus.suspended, "afwijzen", {"reject-reason": "x", "reject-confirm": "y"}),
    (OrgStatus.suspended, "schorsen", {"suspend-reason": "x", "suspend-confirm": "y"}),
    (OrgStatus.rejected, "goedkeuren", {}),
    (OrgStatus.rejected, "schorsen", {"suspend-reason": "x", "suspend-confirm": "y"}),
    (OrgStatus.rejected, "herstellen", {}),
])
def test_invalid_transitions_are_refused(client, login, make, db_session, start, action, data):
    region = make.region()
    adviser = make.user(Role.adviser, region=region)
    org = make.organisation(region=region, status=start)
    db_session.commit()
    login(adviser)
    res = client.post(f"{BASE}/{org.id}/{action}", data=data, follow_redirects=True)
    assert res.status_code == 200
    assert "Dit kan niet" in res.get_data(as_text=True)
    db_session.refresh(org)
    assert org.status == start
    assert db_session.scalar(select(AuditEvent).where(AuditEvent.action.like("organisation_%"))) is None
    assert db_session.scalar(select(OutboxMessage)) is None


def test_transition_table_matches_the_design():
    assert services.TRANSITIONS == {
        OrgStatus.pending: {OrgStatus.approved, OrgStatus.rejected},
        OrgStatus.approved: {OrgStatus.suspended},
        OrgStatus.suspended: {OrgStatus.approved},
        OrgStatus.rejected: set(),
    }


def test_change_contact_adviser_only_within_region(client, login, make, setup, db_session):
    region, adviser, org, member = setup
    colleague = make.user(Role.adviser, region=region)
    stranger = make.user(Role.adviser)  # other region
    db_session.commit()
    login(adviser)
    page = client.get(f"{BASE}/{org.id}").get_data(as_text=True)
    assert colleague.email in page and stranger.email not in page
    res = client.post(f"{BASE}/{org.id}/contactpersoon", data={"contact-adviser": str(stranger.id)})
    assert res.status_code == 400
    db_session.refresh(org)
    assert org.contact_adviser_id is None
    res = client.post(f"{BASE}/{org.id}/contactpersoon", data={"contact-adviser": str(colleague.id)})
    assert res.status_code == 302
    db_session.refresh(org)
    assert org.contact_adviser_id == colleague.id
    ev = events(db_session, "organisation_contact_changed")
    assert ev[0].detail["new_adviser_id"] == colleague.id


def test_suspend_calls_vacancy_hooks(client, login, make, db_session, monkeypatch):
    from portal.vacancies import services as vs

    calls = []
    monkeypatch.setattr(vs, "take_offline_for_organisation", lambda o: calls.append(("off", o.id)) or 3)
    monkeypatch.setattr(vs, "restore_for_organisation", lambda o: calls.append(("on", o.id)) or 3)
    region = make.region()
    adviser = make.user(Role.adviser, region=region)
    org = make.organisation(region=region, status=OrgStatus.approved)
    db_session.commit()
    login(adviser)
    client.post(f"{BASE}/{org.id}/schorsen", data={"suspend-reason": "Signalen van uitbuiting.", "suspend-confirm": "y"})
    client.post(f"{BASE}/{org.id}/herstellen")
    assert calls == [("off", org.id), ("on", org.id)]
    assert events(db_session, "organisation_suspended")[0].detail["vacancies"] == 3


def test_suspend_takes_published_vacancies_offline(client, login, make, db_session):
    from portal.vacancies.models import VacancyStatus

    region = make.region()
    adviser = make.user(Role.adviser, region=region)
    org = make.organisation(region=region, status=OrgStatus.approved)
    vac = make.vacancy(organisation=org)
    db_session.commit()
    login(adviser)
    client.post(f"{BASE}/{org.id}/schorsen", data={"suspend-reason": "Onderzoek loopt.", "suspend-confirm": "y"})
    db_session.refresh(vac)
    assert vac.status != VacancyStatus.published
    client.post(f"{BASE}/{org.id}/herstellen")
    db_session.refresh(vac)
    assert vac.status == VacancyStatus.published


@pytest.mark.parametrize("action, prefix, label", [("afwijzen", "reject", "Ja, wijs deze organisatie af"),
                                                   ("schorsen", "suspend", "Ja, schors deze organisatie")])
def test_reject_and_suspend_need_an_explicit_tick(client, login, make, db_session, action,
                                                  prefix, label):
    """Both cannot be undone by one click (suspending takes every vacancy offline at once)."""
    region = make.region()
    adviser = make.user(Role.adviser, region=region)
    status = OrgStatus.pending if action == "afwijzen" else OrgStatus.approved
    org = make.organisation(region=region, status=status)
    db_session.commit()
    login(adviser)
    assert label in client.get(f"{BASE}/{org.id}").get_data(as_text=True)
    res = client.post(f"{BASE}/{org.id}/{action}", data={f"{prefix}-reason": "Signalen."})
    assert res.status_code == 400
    html = res.get_data(as_text=True)
    assert f'id="{prefix}-confirm-error"' in html and "Signalen." in html  # reason kept
    db_session.refresh(org)
    assert org.status == status
    assert client.post(f"{BASE}/{org.id}/{action}", data={
        f"{prefix}-reason": "Signalen.", f"{prefix}-confirm": "y"}).status_code == 302
    db_session.refresh(org)
    assert org.status != status
