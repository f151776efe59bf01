"""An organisation's region follows from its postcode (a table admins keep), not from a list it
picks from; an unknown postcode falls back to a list and is flagged for admins; an adviser can
move an organisation (audited, access follows, open items follow); admins see every region
without an adviser and what waits there."""
from __future__ import annotations

from itertools import pairwise

import pytest
from sqlalchemy import select

from portal.accounts.models import Role
from portal.audit.models import AuditEvent
from portal.organisations.models import Organisation, OrgStatus
from portal.placements.models import TwvState
from portal.questions.models import Question
from portal.regions.models import PostcodeRange
from portal.regions.postcodes import region_for_postcode
from portal.reports.models import Report
from tests.organisations.test_register import URL, form_data


@pytest.fixture
def regions(make, db_session):
    zaan, eindhoven = make.region("Zaanstreek-Waterland"), make.region("Eindhoven")
    make.postcode_range(zaan, 1500, 1509, "Zaanstad (Zaandam)")
    make.postcode_range(eindhoven, 5600, 5658, "Eindhoven")
    db_session.commit()
    return zaan, eindhoven


def _org(db_session) -> Organisation | None:
    db_session.expire_all()
    return db_session.scalar(select(Organisation))


def _actions(db_session, action) -> list[AuditEvent]:
    return list(db_session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_the_region_follows_from_the_postcode_whatever_is_posted(client, regions, db_session):
    zaan, eindhoven = regions
    assert 'name="region"' not in client.get(URL).get_data(as_text=True)
    # A Zaandam company that sends Eindhoven (an old form, a forged post) still lands in Zaan.
    res = client.post(URL, data=form_data(eindhoven, postcode="1506 PR"))
    assert res.status_code == 302
    org = _org(db_session)
    assert org.region_id == zaan.id and org.region_confirmed
    assert _actions(db_session, "organisation_registered")[0].detail["region_from_postcode"]


def test_an_unknown_postcode_asks_for_the_region_and_flags_it_for_admins(
        client, login, make, regions, db_session):
    zaan, eindhoven = regions
    data = form_data(zaan, postcode="9711 AB")  # Groningen: not in the table
    data.pop("region")
    res = client.post(URL, data=data)
    html = res.get_data(as_text=True)
    assert 'id="region-error"' in html and 'name="region"' in html
    assert _org(db_session) is None
    assert client.post(URL, data={**data, "region": str(eindhoven.id)}).status_code == 302
    org = _org(db_session)
    assert org.region_id == eindhoven.id and not org.region_confirmed
    login(make.user(Role.admin))
    home = client.get("/").get_data(as_text=True)
    flagged = home.split('id="unconfirmed-regions"')[1].split("</section>")[0]
    assert org.name in flagged and "9711 AB" in flagged


def test_lookup_uses_the_four_digits():
    assert region_for_postcode("not a postcode") is None


def test_lookup_finds_the_range(regions):
    zaan, eindhoven = regions
    assert region_for_postcode("1506pr") == zaan and region_for_postcode("5611 AB") == eindhoven
    assert region_for_postcode("1510 AA") is None


def test_admins_keep_the_table(client, login, make, regions, db_session):
    zaan, eindhoven = regions
    login(make.user(Role.admin))
    page = client.get("/beheer/postcodes").get_data(as_text=True)
    assert "Zaanstad (Zaandam)" in page and "5600–5658" in page
    res = client.post("/beheer/postcodes", data={"low": "6500", "high": "6546",
                                                 "region": str(zaan.id), "label": "Nijmegen"})
    assert res.status_code == 302
    # Overlap with an existing range is refused: one region per postcode.
    res = client.post("/beheer/postcodes", data={"low": "5650", "high": "5700",
                                                 "region": str(zaan.id), "label": ""})
    assert 'id="low-error"' in res.get_data(as_text=True) and "overlappen" in res.get_data(as_text=True)
    res = client.post("/beheer/postcodes", data={"low": "1600", "high": "1599",
                                                 "region": str(zaan.id)})
    assert 'id="high-error"' in res.get_data(as_text=True)
    nijmegen = db_session.scalar(select(PostcodeRange).where(PostcodeRange.low == 6500))
    assert client.post(f"/beheer/postcodes/{nijmegen.id}", data={
        "low": "6500", "high": "6549", "region": str(eindhoven.id), "label": "Nijmegen"}).status_code == 302
    db_session.expire_all()
    assert (nijmegen.high, nijmegen.region_id) == (6549, eindhoven.id)
    assert client.post(f"/beheer/postcodes/{nijmegen.id}/verwijderen").status_code == 302
    assert db_session.get(PostcodeRange, nijmegen.id) is None
    assert {e.action for e in db_session.scalars(select(AuditEvent))} >= {
        "postcode_range_added", "postcode_range_changed", "postcode_range_removed"}


def test_only_admins_reach_the_table(client, login, make, regions):
    login(make.user(Role.adviser, region=regions[0]))
    assert client.get("/beheer/postcodes").status_code in (403, 404)


@pytest.fixture
def moving(make, db_session, regions):
    zaan, eindhoven = regions
    old_adviser = make.user(Role.adviser, region=zaan)
    new_adviser = make.user(Role.adviser, region=eindhoven)
    org = make.organisation(region=zaan, adviser=old_adviser, name="Verhuisd Bedrijf")
    member = make.user(organisation=org)
    report = make.report(organisation=org)
    question = make.question(org, asked_by=member, adviser=old_adviser)
    db_session.commit()
    return org, old_adviser, new_adviser, report, question


def test_an_adviser_moves_an_organisation_and_everything_follows(client, login, db_session,
                                                                 regions, moving):
    zaan, eindhoven = regions
    org, old_adviser, new_adviser, report, question = moving
    login(old_adviser)
    assert f'action="/adviseur/organisaties/{org.id}/regio"' in client.get(
        f"/adviseur/organisaties/{org.id}").get_data(as_text=True)
    res = client.post(f"/adviseur/organisaties/{org.id}/regio", data={"region-region": str(eindhoven.id)})
    assert res.status_code == 302
    db_session.expire_all()
    assert org.region_id == eindhoven.id and org.contact_adviser_id is None
    assert db_session.get(Report, report.id).region_id == eindhoven.id
    assert db_session.get(Question, question.id).adviser_id is None
    [event] = _actions(db_session, "organisation_region_moved")
    assert event.actor_id == old_adviser.id
    assert (event.detail["old_region_id"], event.detail["new_region_id"]) == (zaan.id, eindhoven.id)
    # Access follows the region: the old adviser no longer sees it, the new one does.
    assert client.get(f"/adviseur/organisaties/{org.id}").status_code == 404
    login(new_adviser)
    assert client.get(f"/adviseur/organisaties/{org.id}").status_code == 200
    assert client.get(f"/adviseur/meldingen/{report.id}").status_code == 200


def test_never_into_a_region_without_an_adviser(client, login, make, db_session, moving):
    org, old_adviser, _new, _report, _question = moving
    empty = make.region("Regio zonder adviseur")
    db_session.commit()
    login(old_adviser)
    res = client.post(f"/adviseur/organisaties/{org.id}/regio", data={"region-region": str(empty.id)})
    assert res.status_code == 422
    assert "geen werkgeversadviseur" in res.get_data(as_text=True)
    db_session.expire_all()
    assert org.region.name == "Zaanstreek-Waterland"


def test_confirming_the_same_region_clears_the_flag(client, login, db_session, moving):
    org, old_adviser, _new, _report, _question = moving
    org.region_confirmed = False
    db_session.commit()
    login(old_adviser)
    assert client.post(f"/adviseur/organisaties/{org.id}/regio",
                       data={"region-region": str(org.region_id)}).status_code == 302
    db_session.expire_all()
    assert org.region_confirmed and _actions(db_session, "organisation_region_confirmed")


def test_admins_see_regions_without_an_adviser_and_what_waits_there(client, login, make,
                                                                    db_session, regions):
    zaan, eindhoven = regions
    make.user(Role.adviser, region=zaan)
    waiting = make.organisation(region=eindhoven, status=OrgStatus.pending)
    working = make.organisation(region=eindhoven)
    make.report(organisation=working)
    make.question(working)
    make.placement(make.application(make.vacancy(working)), twv_state=TwvState.cancellation_requested)
    make.report(region=None)  # a report nobody's region: admins only
    db_session.commit()
    login(make.user(Role.admin))
    for page in ("/", "/beheer/"):
        html = client.get(page).get_data(as_text=True)
        box = html.split('id="regions-without-adviser"')[1].split("</section>")[0]
        assert "Eindhoven" in box and "Zaanstreek-Waterland" not in box
        assert "1 organisatie wacht op een besluit" in box and "1 open melding" in box
        assert "1 open vraag" in box and "1 TWV-intrekking open" in box
        assert 'id="reports-without-region"' in html
    assert waiting.name  # (the pending one is counted, not listed by name)


def test_no_box_when_every_region_has_an_adviser(client, login, make, db_session, regions):
    for region in regions:
        make.user(Role.adviser, region=region)
    db_session.commit()
    login(make.user(Role.admin))
    assert 'id="regions-without-adviser"' not in client.get("/").get_data(as_text=True)


def test_demo_data_has_the_pilot_regions_postcodes(app, db_session):
    from portal.demo import seed
    from portal.regions.demo import POSTCODE_RANGES

    seed()
    assert region_for_postcode("1506 GK").name == "Zaanstreek-Waterland"  # Zaandam
    assert region_for_postcode("6511 AA").name == "Rijk van Nijmegen"
    assert region_for_postcode("5611 AB").name == "Eindhoven"
    rows = sorted((low, high) for ranges in POSTCODE_RANGES.values() for low, high, _ in ranges)
    assert all(a[1] < b[0] for a, b in pairwise(rows))  # no overlaps
    # Every demo organisation's postcode agrees with its region.
    for org in db_session.scalars(select(Organisation)):
        assert region_for_postcode(org.postcode) == org.region, org.name
