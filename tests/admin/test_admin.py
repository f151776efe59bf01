"""Admin: regions, azc locations, staff accounts and the minimum-wage table."""
from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from flask import g
from sqlalchemy import select

from portal import clock
from portal.accounts.models import Role, User
from portal.audit.models import AuditEvent
from portal.regions.models import Location, Region
from portal.security import check_password
from portal.vacancies.models import MinimumWage


@pytest.fixture
def admin(make, db_session, login):
    user = make.user(Role.admin)
    db_session.commit()
    return login(user)


def actions(db_session):
    return [e.action for e in db_session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


def test_create_and_rename_region(client, admin, db_session):
    res = client.post("/beheer/regios", data={"name": "Regio Twente"}, follow_redirects=True)
    assert "Regio Twente" in res.get_data(as_text=True)
    region = db_session.scalar(select(Region))
    res = client.post("/beheer/regios", data={"name": "regio twente"})
    assert 'id="name-error"' in res.get_data(as_text=True)
    client.post(f"/beheer/regios/{region.id}", data={"name": "Twente"})
    db_session.refresh(region)
    assert region.name == "Twente"
    assert actions(db_session) == ["region_created", "region_renamed"]


def test_location_code_rules(client, admin, make, db_session):
    region = make.region()
    db_session.commit()
    base = {"name": "azc Zaandam", "city": "Zaandam", "region": str(region.id)}
    res = client.post("/beheer/locaties", data={**base, "code": "zdm"})
    assert res.status_code == 302
    loc = db_session.scalar(select(Location))
    assert loc.code == "ZDM"
    html = client.get("/beheer/locaties").get_data(as_text=True)
    assert "ZDM" in html
    for bad in ("Z", "TOOLONG7", "ZD-M", "ZÉ"):
        res = client.post("/beheer/locaties", data={**base, "code": bad})
        assert 'id="code-error"' in res.get_data(as_text=True), bad
    # unique, also when the old location is no longer active: codes are printed on posters
    loc.active = False
    db_session.commit()
    res = client.post("/beheer/locaties", data={**base, "code": "ZDM"})
    assert "al gebruikt" in res.get_data(as_text=True)
    assert len(db_session.scalars(select(Location)).all()) == 1


def test_location_edit_keeps_code(client, admin, make, db_session):
    region = make.region()
    other = make.region()
    loc = make.location(region, code="PMR")
    db_session.commit()
    page = client.get(f"/beheer/locaties/{loc.id}").get_data(as_text=True)
    assert f'<option selected value="{region.id}">' in page
    client.post(f"/beheer/locaties/{loc.id}",
                data={"name": "azc Purmerend", "city": "Purmerend", "region": str(other.id),
                      "code": "XXX"})
    db_session.refresh(loc)
    assert (loc.code, loc.name, loc.region_id, loc.active) == ("PMR", "azc Purmerend", other.id, False)


def test_create_staff_shows_password_once(client, admin, make, db_session):
    region = make.region()
    loc = make.location(region)
    db_session.commit()
    res = client.post("/beheer/medewerkers/nieuw", data={
        "name": "Karim", "email": "karim@uwv.example", "role": "adviser", "region": str(region.id)})
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    password = re.search(r'id="initial-password">([^<]+)<', html).group(1)
    user = db_session.scalar(select(User).where(User.email == "karim@uwv.example"))
    assert user.role == Role.adviser and user.region_id == region.id
    assert check_password(user.password_hash, password)
    assert password not in client.get("/beheer/medewerkers").get_data(as_text=True)
    # a coordinator needs at least one location
    res = client.post("/beheer/medewerkers/nieuw", data={
        "name": "Mirjam", "email": "mirjam@coa.example", "role": "coordinator"})
    assert 'id="locations-error"' in res.get_data(as_text=True)
    res = client.post("/beheer/medewerkers/nieuw", data={
        "name": "Mirjam", "email": "mirjam@coa.example", "role": "coordinator", "locations": [str(loc.id)]})
    assert res.status_code == 200
    coord = db_session.scalar(select(User).where(User.email == "mirjam@coa.example"))
    assert [x.code for x in coord.locations] == [loc.code]
    # an adviser needs a region; the same address twice is refused
    res = client.post("/beheer/medewerkers/nieuw", data={
        "name": "X", "email": "karim@uwv.example", "role": "adviser", "region": str(region.id)})
    assert 'id="email-error"' in res.get_data(as_text=True)


def test_disable_ends_sessions_and_enable(client, admin, make, db_session, app):
    adviser = make.user(Role.adviser)
    db_session.commit()
    version = adviser.session_version
    from flask_login.utils import _create_identifier

    other = app.test_client()  # the adviser's own browser
    with app.test_request_context(environ_base=other.environ_base):
        ident = _create_identifier()
    with other.session_transaction() as sess:
        sess.update({"_user_id": adviser.get_id(), "2fa_ok": True, "_fresh": True, "_id": ident})
    assert other.get("/adviseur/organisaties").status_code == 200
    # The test app context outlives requests, so Flask-Login's cached user must be dropped
    # whenever the next request comes from another browser.
    g.pop("_login_user", None)
    res = client.post(f"/beheer/medewerkers/{adviser.id}/uitschakelen")
    assert res.status_code == 302, res.get_data(as_text=True)
    db_session.refresh(adviser)
    assert adviser.active is False and adviser.session_version == version + 1
    g.pop("_login_user", None)
    assert other.get("/adviseur/organisaties").status_code == 302  # signed out
    g.pop("_login_user", None)
    client.post(f"/beheer/medewerkers/{adviser.id}/inschakelen")
    db_session.refresh(adviser)
    assert adviser.active is True
    assert "user_disabled" in actions(db_session) and "user_enabled" in actions(db_session)


def test_admin_cannot_disable_or_demote_self(client, admin, db_session):
    res = client.post(f"/beheer/medewerkers/{admin.id}/uitschakelen", follow_redirects=True)
    assert "eigen account" in res.get_data(as_text=True)
    res = client.post(f"/beheer/medewerkers/{admin.id}/rol", data={"role": "adviser"})
    assert res.status_code == 400
    db_session.refresh(admin)
    assert admin.active and admin.role == Role.admin


def test_change_role_is_audited(client, admin, make, db_session):
    region = make.region()
    loc = make.location(region)
    adviser = make.user(Role.adviser, region=region)
    db_session.commit()
    res = client.post(f"/beheer/medewerkers/{adviser.id}/rol",
                      data={"role": "coordinator", "region": "0", "locations": [str(loc.id)]})
    assert res.status_code == 302
    db_session.refresh(adviser)
    assert adviser.role == Role.coordinator and adviser.region_id is None
    event = db_session.scalar(select(AuditEvent).where(AuditEvent.action == "role_changed"))
    assert event.detail["old"] == "adviser" and event.detail["new"] == "coordinator"
    assert event.actor_id == admin.id


def test_members_are_not_staff_accounts(client, admin, make, db_session):
    member = make.user()
    db_session.commit()
    assert client.get(f"/beheer/medewerkers/{member.id}").status_code == 404
    assert client.post(f"/beheer/medewerkers/{member.id}/uitschakelen").status_code == 404


def test_minimum_wage_rows_and_unique_date(client, admin, db_session):
    clock.move_to(datetime(2026, 3, 1, 12, tzinfo=UTC))
    res = client.post("/beheer/minimumloon", data={"valid_from": "2026-01-01", "euros": "14,71"})
    assert res.status_code == 302
    row = db_session.scalar(select(MinimumWage))
    assert (row.valid_from, row.cents_per_hour) == (date(2026, 1, 1), 1471)
    html = client.get("/beheer/minimumloon").get_data(as_text=True)
    assert "€ 14,71" in html
    res = client.post("/beheer/minimumloon", data={"valid_from": "2026-01-01", "euros": "15"})
    assert 'id="valid_from-error"' in res.get_data(as_text=True)
    for bad in ("0", "abc", "1000", ""):
        res = client.post("/beheer/minimumloon", data={"valid_from": "2026-07-01", "euros": bad})
        assert 'id="euros-error"' in res.get_data(as_text=True), bad
    assert "minimum_wage_added" in actions(db_session)


def test_staleness_warning(client, admin, make, db_session):
    db_session.add(MinimumWage(valid_from=date(2026, 1, 1), cents_per_hour=1471))
    db_session.commit()
    clock.move_to(datetime(2026, 3, 1, 12, tzinfo=UTC))
    assert 'id="wage-stale"' not in client.get("/beheer/minimumloon").get_data(as_text=True)
    clock.move_to(datetime(2026, 6, 30, 12, tzinfo=UTC))  # 1 July is coming, no row
    html = client.get("/beheer/minimumloon").get_data(as_text=True)
    assert 'id="wage-stale"' in html and "1 juli 2026" in html
    clock.move_to(datetime(2026, 7, 2, 12, tzinfo=UTC))
    assert 'id="wage-stale"' in client.get("/beheer/").get_data(as_text=True)
    assert 'id="wage-stale"' in client.get("/").get_data(as_text=True)  # the admin's home page
    client.post("/beheer/minimumloon", data={"valid_from": "2026-07-01", "euros": "15.00"})
    assert 'id="wage-stale"' not in client.get("/beheer/").get_data(as_text=True)
    assert 'id="wage-stale"' not in client.get("/").get_data(as_text=True)


def test_empty_wage_table_is_stale(client, admin):
    assert 'id="wage-stale"' in client.get("/beheer/").get_data(as_text=True)
