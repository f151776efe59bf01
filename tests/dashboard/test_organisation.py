"""The organisation's own funnel and the agencies' weekly digest."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from portal import clock, db
from portal.accounts.models import Role
from portal.dashboard.services import weekly_agency_digest
from portal.notifications.services import send_pending


def test_member_sees_own_funnel_only(client, login, make, db_session, world):
    member = make.user(Role.member, organisation=world.log)
    db_session.commit()
    client.get(f"/v/{world.v1.code}/{world.A1.code}?lang=ar")
    client.get(f"/v/{world.v1.code}/{world.A1.code}?lang=ar")
    client.get(f"/v/{world.v2.code}/{world.A2.code}?lang=ti")  # the other organisation's
    login(member)
    html = client.get("/cijfers/").text
    assert world.v1.title in html and world.v2.title not in html and world.vb.title not in html
    csv = client.get("/cijfers/?format=csv&table=vacancies").text
    row = next(line for line in csv.splitlines() if world.v1.code in line)
    # views 2 (the other organisation's view is not counted here), applications 7: no "350 %"
    assert row.split(";")[2:5] == ["2", "7", ""]
    posters = client.get("/cijfers/?format=csv&table=posters").text
    assert "azc Alfa;2;" in posters and "Gamma" not in posters
    assert client.get("/cijfers/?format=csv&table=geheim").status_code == 404


def test_funnel_is_for_members_only(client, login, world):
    login(world.adviser_a)
    assert client.get("/cijfers/").status_code == 403


def _member(make, db_session, org, email):
    user = make.user(Role.member, organisation=org, email=email)
    db_session.commit()
    return user


def test_agency_digest_once_per_week(app, make, db_session, world, mails):
    _member(make, db_session, world.log, "planner@uitzend.example")
    _member(make, db_session, world.hor, "chef@horeca.example")  # an employer: no digest
    assert weekly_agency_digest(clock.utcnow()) == 1
    db.session.commit()
    send_pending()
    assert [m["To"] for m in mails] == ["planner@uitzend.example"]
    body = mails[0].get_content()
    assert "2026-W11" in mails[0]["Subject"] and "Nieuwe sollicitaties: 1" in body
    assert "Resident" not in body and "+316" not in body  # counts only, no personal data
    clock.move_to(clock.utcnow() + timedelta(days=3))
    assert weekly_agency_digest(clock.utcnow()) == 0  # same ISO week
    db.session.commit()
    clock.move_to(datetime(2026, 3, 23, 7, 0, tzinfo=UTC))
    assert weekly_agency_digest(clock.utcnow()) == 1  # next week: a14 applied on 16 March
    db.session.commit()
    send_pending()
    assert len(mails) == 2


def test_agency_can_switch_the_digest_off(client, login, make, db_session, world, mails):
    member = _member(make, db_session, world.log, "planner@uitzend.example")
    login(member)
    html = client.get("/cijfers/").text
    assert "weekly_digest" in html and "checked" in html
    resp = client.post("/cijfers/weekoverzicht", data={})
    assert resp.status_code == 302
    assert "checked" not in client.get("/cijfers/").text.split("weekly_digest", 1)[1][:200]
    assert weekly_agency_digest(clock.utcnow()) == 0
    db.session.commit()
    send_pending()
    assert mails == []
    client.post("/cijfers/weekoverzicht", data={"weekly_digest": "y"})
    assert weekly_agency_digest(clock.utcnow()) == 1


def test_employer_has_no_digest_toggle(client, login, make, db_session, world):
    member = _member(make, db_session, world.hor, "chef@horeca.example")
    login(member)
    assert "weekly_digest" not in client.get("/cijfers/").text
    assert client.post("/cijfers/weekoverzicht", data={"weekly_digest": "y"}).status_code == 404


def test_digest_toggle_needs_csrf(app, client, login, make, db_session, world):
    member = _member(make, db_session, world.log, "planner@uitzend.example")
    login(member)
    assert client.post("/cijfers/weekoverzicht", data={}, csrf=False).status_code == 400
