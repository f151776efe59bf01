"""portal.access: every predicate and SQL scope against real rows, the two kept in step, and the
rules through the pages: an adviser moved to another region loses access, a suspended
organisation loses residents' personal data, reports never reach the reported organisation,
an adviser without a region sees nothing region-bound."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import select

from portal import access, db
from portal.accounts.models import Role
from portal.applicants.models import ApplicationEvent, Stage
from portal.organisations.models import Organisation, OrgStatus
from portal.regions.models import Location
from portal.reports import services as reports


@pytest.fixture
def w(make, db_session):
    """Two regions with an organisation, an adviser and an azc each; an adviser without a
    region; a coordinator of the first azc; an admin; a member of each organisation."""
    r1, r2 = make.region("Zaan"), make.region("Rijk van Nijmegen")
    l1, l2 = make.location(r1, code="ZDM"), make.location(r2, code="NMG")
    a1, a2 = make.user(Role.adviser, region=r1), make.user(Role.adviser, region=r2)
    nowhere = make.user(Role.adviser, region=r1)
    nowhere.region = None
    o1 = make.organisation(r1, adviser=a1, name="Bakkerij Zon")
    o2 = make.organisation(r2, adviser=a2, name="Kas Oost")
    m1, m2 = make.user(Role.member, organisation=o1), make.user(Role.member, organisation=o2)
    coordinator = make.user(Role.coordinator, locations=[l1])
    admin = make.user(Role.admin)
    report1 = make.report(organisation=o1)
    report2 = make.report(organisation=o2)
    loose = make.report(region=None, employer_name="Onbekend bedrijf")
    v1 = make.vacancy(o1, locations=[l1], title="Bakker")
    app1 = make.application(v1, name="Samira Haddad", phone="+31612345678", azc_location=l1)
    db_session.commit()
    return SimpleNamespace(**locals())


USERS = ("a1", "a2", "nowhere", "m1", "m2", "coordinator", "admin")


# --- predicates ----------------------------------------------------------------------------

@pytest.mark.parametrize("who, sees", [
    ("a1", {"o1"}), ("a2", {"o2"}), ("nowhere", set()), ("m1", {"o1"}), ("m2", {"o2"}),
    ("coordinator", set()), ("admin", {"o1", "o2"}),
])
def test_may_see_org(w, who, sees):
    assert {o for o in ("o1", "o2") if access.may_see_org(getattr(w, who), getattr(w, o))} == sees


@pytest.mark.parametrize("who, acts, manages", [
    ("a1", set(), {"o1"}), ("m1", {"o1"}, set()), ("m2", {"o2"}, set()),
    ("admin", set(), {"o1", "o2"}), ("nowhere", set(), set()), ("coordinator", set(), set()),
])
def test_members_act_advisers_and_admins_manage(w, who, acts, manages):
    user = getattr(w, who)
    assert {o for o in ("o1", "o2") if access.may_act_for_org(user, getattr(w, o))} == acts
    assert {o for o in ("o1", "o2") if access.may_manage_org(user, getattr(w, o))} == manages


def test_may_see_region_and_items_without_a_region(w):
    assert access.may_see_region(w.a1, w.r1.id) and not access.may_see_region(w.a1, w.r2.id)
    assert access.may_see_region(w.admin, None) and access.may_see_region(w.admin, w.r2.id)
    # Region-less items are for admins: not for an adviser, least of all one without a region.
    for who in ("a1", "nowhere", "m1", "coordinator"):
        assert not access.may_see_region(getattr(w, who), None), who
    assert not access.may_see_region(w.m1, w.r1.id)


def test_a_disabled_or_moved_adviser_advises_nobody(w, db_session):
    assert access.advises_region(w.a1, w.r1.id)
    w.a1.region_id = w.r2.id
    assert not access.advises_region(w.a1, w.r1.id) and access.advises_region(w.a1, w.r2.id)
    w.a1.active = False
    assert not access.advises_region(w.a1, w.r2.id)
    assert not access.advises_region(None, w.r1.id) and not access.advises_region(w.admin, w.r1.id)


def test_locations(w):
    assert access.location_ids(w.admin) is None
    assert access.location_ids(w.coordinator) == {w.l1.id}
    assert access.location_ids(w.a1) == set() and access.location_ids(w.m1) == set()
    assert access.may_see_location(w.coordinator, w.l1.id)
    assert not access.may_see_location(w.coordinator, w.l2.id)
    assert not access.may_see_location(w.coordinator, None)
    assert access.may_see_location(w.admin, w.l2.id) and not access.may_see_location(w.a1, w.l1.id)


def test_personal_data_is_withheld_from_a_suspended_organisation_only(w, db_session):
    assert all(access.may_see_personal_data(getattr(w, who)) for who in USERS)
    w.o1.status = OrgStatus.suspended
    assert not access.may_see_personal_data(w.m1)
    assert access.may_see_personal_data(w.m2)
    assert access.may_see_personal_data(w.a1) and access.may_see_personal_data(w.admin)
    assert not access.may_see_personal_data(SimpleNamespace(is_authenticated=False))


def test_mail_recipients(w, make, db_session):
    unverified = make.user(Role.member, organisation=w.o1)
    unverified.email_verified_at = None
    gone = make.user(Role.member, organisation=w.o1)
    gone.active = False
    idle = make.user(Role.adviser, region=w.r1)
    idle.active = False
    db_session.flush()
    assert access.organisation_members(w.o1.id) == [w.m1]
    assert access.region_advisers(w.r1.id) == [w.a1]
    assert access.region_advisers(None) == []


# --- the same rules as SQL, in step with the predicates ------------------------------------

@pytest.mark.parametrize("who", USERS)
def test_org_scope_selects_what_may_see_org_allows(w, who):
    user = getattr(w, who)
    rows = set(db.session.scalars(select(Organisation.id).where(
        access.org_scope(user, Organisation.id, Organisation.region_id))))
    assert rows == {o.id for o in (w.o1, w.o2) if access.may_see_org(user, o)}


@pytest.mark.parametrize("who, sees", [
    ("a1", {"report1"}), ("a2", {"report2"}), ("nowhere", set()), ("m1", set()),
    ("m2", set()), ("coordinator", set()), ("admin", {"report1", "report2", "loose"}),
])
def test_region_scope_on_reports(w, who, sees):
    user = getattr(w, who)
    ids = set(db.session.scalars(reports.visible_to(user).with_only_columns(reports.Report.id)))
    assert ids == {getattr(w, r).id for r in sees}
    for name in ("report1", "report2", "loose"):
        report = getattr(w, name)
        assert access.may_see_region(user, report.region_id) == (report.id in ids)


@pytest.mark.parametrize("who", USERS)
def test_location_scope_selects_what_may_see_location_allows(w, who):
    user = getattr(w, who)
    rows = set(db.session.scalars(select(Location.id).where(access.location_scope(user, Location.id))))
    assert rows == {loc.id for loc in (w.l1, w.l2) if access.may_see_location(user, loc.id)}


# --- reports, through the pages ------------------------------------------------------------

def test_a_report_is_never_shown_to_the_reported_organisation(client, login, w, make, db_session):
    again = make.report(organisation=w.o1)
    db_session.commit()
    assert reports.related_reports(w.m1, w.report1) == []
    assert reports.related_reports(w.a1, w.report1) == [again]
    assert reports.get_visible(w.m1, w.report1.id) is None
    login(w.m1)
    for url in ("/adviseur/meldingen", f"/adviseur/meldingen/{w.report1.id}"):
        page = client.get(url)
        assert page.status_code in (403, 404), url
        assert w.report1.description not in page.get_data(as_text=True)


def test_an_adviser_without_a_region_sees_no_region_less_report(client, login, w):
    login(w.nowhere)
    assert client.get(f"/adviseur/meldingen/{w.loose.id}").status_code == 404
    assert w.loose.code not in client.get("/adviseur/meldingen").get_data(as_text=True)
    login(w.admin)
    assert client.get(f"/adviseur/meldingen/{w.loose.id}").status_code == 200


# --- an adviser moves: access and links follow the region ----------------------------------

def test_adviser_moved_to_another_region_loses_access_and_links(client, login, w, make, db_session):
    question = make.question(w.o1, asked_by=w.m1, adviser=w.a1)
    placement = make.placement(w.app1)
    db_session.commit()
    login(w.a1)
    urls = [f"/sollicitanten/{w.app1.id}", f"/sollicitanten/?organisatie={w.o1.id}",
            f"/adviseur/organisaties/{w.o1.id}", f"/adviseur/plaatsingen/{placement.id}",
            f"/adviseur/vragen/{question.id}", f"/adviseur/meldingen/{w.report1.id}"]
    assert [client.get(u).status_code for u in urls] == [200] * len(urls)

    login(w.admin)
    moved = client.post(f"/beheer/medewerkers/{w.a1.id}/rol",
                        data={"role": "adviser", "region": str(w.r2.id)})
    assert moved.status_code == 302
    db_session.expire_all()
    assert w.a1.region_id == w.r2.id
    assert w.o1.contact_adviser_id is None  # no longer their contact person
    assert question.adviser_id is None  # back to the region's advisers

    login(w.a1)  # signs in again: the role change ended the old session
    assert [client.get(u).status_code for u in urls] == [404] * len(urls)
    assert client.get(f"/adviseur/organisaties/{w.o2.id}").status_code == 200
    assert w.o2.contact_adviser_id == w.a2.id  # the new region's links are left alone


def test_a_coordinator_who_becomes_adviser_loses_the_azc(client, login, w, db_session):
    login(w.coordinator)
    assert client.get("/prikbord/ZDM").status_code == 200
    login(w.admin)
    client.post(f"/beheer/medewerkers/{w.coordinator.id}/rol",
                data={"role": "adviser", "region": str(w.r1.id)})
    db_session.expire_all()
    assert w.coordinator.locations == []
    login(w.coordinator)
    assert client.get("/prikbord/ZDM").status_code in (403, 404)


def test_disabling_an_adviser_drops_their_contact_links(client, login, w, db_session):
    login(w.admin)
    assert client.post(f"/beheer/medewerkers/{w.a1.id}/uitschakelen").status_code == 302
    db_session.expire_all()
    assert w.o1.contact_adviser_id is None


# --- a suspended organisation --------------------------------------------------------------

@pytest.fixture
def suspended(w, db_session):
    w.o1.status = OrgStatus.suspended
    w.o1.status_reason = "Onderzoek naar onbetaald proefwerk."
    db_session.commit()
    return w


def test_suspended_members_see_why_and_whom_to_call_but_no_names(client, login, suspended):
    w = suspended
    login(w.m1)
    for url in ("/sollicitanten/", f"/sollicitanten/{w.app1.id}", "/sollicitanten/export.csv",
                "/rondleidingen/", f"/sollicitanten/{w.app1.id}/aannemen"):
        page = client.get(url)
        text = page.get_data(as_text=True)
        assert page.status_code == 403, url
        assert page.mimetype == "text/html", url  # no CSV
        assert "geschorst" in text and "Onderzoek naar onbetaald proefwerk." in text, url
        assert w.a1.email in text, url  # whom to call
        assert "Samira" not in text and "612345678" not in text, url


def test_suspended_members_cannot_message_residents(client, login, suspended, db_session):
    w = suspended
    login(w.m1)
    r = client.post(f"/sollicitanten/{w.app1.id}/fase",
                    data={"stage": "contacted", "message": "Kom langs"})
    assert r.status_code == 403
    r = client.post("/sollicitanten/acties", data={"ids": [w.app1.id], "stage": "contacted",
                                                    "message": "Kom langs"})
    assert r.status_code == 403
    db_session.expire_all()
    assert w.app1.stage == Stage.new
    assert db.session.scalars(select(ApplicationEvent).where(
        ApplicationEvent.application_id == w.app1.id)).all() == []


def test_suspended_placement_page_keeps_the_twv_work_without_the_name(client, login, suspended,
                                                                      make, db_session):
    w = suspended
    placement = make.placement(w.app1)
    db_session.commit()
    login(w.m1)
    page = client.get(f"/plaatsingen/{placement.id}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert w.app1.reference in text and "Samira" not in text
    login(w.a1)  # the adviser still sees who it is
    assert "Samira" in client.get(f"/adviseur/plaatsingen/{placement.id}").get_data(as_text=True)


def test_reinstated_organisation_sees_its_applicants_again(client, login, suspended, db_session):
    w = suspended
    login(w.a1)
    assert "Samira" in client.get(f"/sollicitanten/{w.app1.id}").get_data(as_text=True)
    w.o1.status, w.o1.status_reason = OrgStatus.approved, None
    db_session.commit()
    login(w.m1)
    page = client.get("/sollicitanten/")
    assert page.status_code == 200 and "Samira" in page.get_data(as_text=True)
    assert client.get("/sollicitanten/export.csv").mimetype == "text/csv"
