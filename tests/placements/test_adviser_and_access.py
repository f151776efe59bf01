from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from flask import url_for
from sqlalchemy import select

from portal import db
from portal.accounts.models import Role
from portal.audit.models import AuditEvent
from portal.clock import AMS, move_to, today
from portal.placements import services
from portal.placements.models import EndReason, TwvState
from tests.placements.conftest import make_placement


def _waiting(world, make, db_session, vacancy, ended_days_ago: int):
    p = make_placement(make, db_session, vacancy, start_date=today() - timedelta(days=60))
    services.set_twv_state(p, world.member_a, TwvState.applied, today() - timedelta(days=50))
    move_to(datetime.combine(today() - timedelta(days=ended_days_ago), time(12), tzinfo=AMS)
            .astimezone(UTC))
    services.end(p, world.member_a, today(), EndReason.end_of_contract)
    move_to(None)
    db_session.commit()
    return p


@pytest.fixture
def cases(world, make, db_session):
    return {
        "fresh": _waiting(world, make, db_session, world.vac_a, 2),
        "overdue": _waiting(world, make, db_session, world.vac_b, 12),
        "elsewhere": _waiting(world, make, db_session, world.vac_c, 15),
    }


def test_adviser_sees_region_cancellations_with_age(world, cases, client, login):
    login(world.adviser)
    page = client.get("/adviseur/twv-intrekkingen").get_data(as_text=True)
    assert "2 dagen open" in page and "12 dagen open" in page
    assert "15 dagen open" not in page and world.org_c.name not in page
    assert page.count("Te laat") == 1 and page.count("card--overdue") == 1
    # Oldest first.
    assert page.index(world.org_b.name) < page.index(world.org_a.name + " –")


def test_adviser_records_handled_by_phone(world, cases, client, login):
    login(world.adviser)
    p = cases["overdue"]
    resp = client.post(f"/adviseur/twv-intrekkingen/{p.id}", data={f"p{p.id}-note": ""})
    assert resp.status_code == 422 and f'id="p{p.id}-note-error"' in resp.get_data(as_text=True)
    resp = client.post(f"/adviseur/twv-intrekkingen/{p.id}",
                       data={f"p{p.id}-note": "Gebeld met UWV, intrekking doorgegeven."})
    assert resp.status_code == 302
    db.session.expire_all()
    p = db.session.get(type(p), p.id)
    assert p.twv_state == TwvState.cancelled and p.cancelled_via == "adviser_phone"
    assert p.cancelled_by_id == world.adviser.id and "Gebeld" in p.cancel_note
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "placement_twv_cancelled"))
    assert event.actor_id == world.adviser.id and event.detail["via"] == "adviser_phone"
    assert "12 dagen open" not in client.get("/adviseur/twv-intrekkingen").get_data(as_text=True)


def test_adviser_placements_list_is_region_scoped_and_read_only(world, cases, client, login):
    login(world.adviser)
    page = client.get("/adviseur/plaatsingen").get_data(as_text=True)
    assert world.org_a.name in page and world.org_b.name in page and world.org_c.name not in page
    detail = client.get(f"/adviseur/plaatsingen/{cases['fresh'].id}").get_data(as_text=True)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "placement_viewed")).actor_id == world.adviser.id
    assert "Laat UWV weten" in detail
    assert "<form" not in detail.split("<main", 1)[1].split("</main>")[0]


def test_other_region_adviser_gets_404(world, cases, client, login):
    login(world.other_adviser)
    assert client.get(f"/adviseur/plaatsingen/{cases['fresh'].id}").status_code == 404
    p = cases["overdue"]
    resp = client.post(f"/adviseur/twv-intrekkingen/{p.id}", data={f"p{p.id}-note": "x"})
    assert resp.status_code == 404
    assert db.session.get(type(p), p.id).twv_state == TwvState.cancellation_requested
    page = client.get("/adviseur/twv-intrekkingen").get_data(as_text=True)
    assert "15 dagen open" in page and "12 dagen open" not in page


def test_admin_sees_every_region(world, make, db_session, cases, client, login):
    login(make.user(Role.admin))
    page = client.get("/adviseur/twv-intrekkingen").get_data(as_text=True)
    assert "15 dagen open" in page and "12 dagen open" in page


@pytest.mark.parametrize("url", ["/adviseur/plaatsingen", "/adviseur/twv-intrekkingen"])
def test_members_cannot_use_adviser_pages(world, client, login, url):
    login(world.member_a)
    assert client.get(url).status_code == 403


def test_banner_for_members_with_overdue_cancellations(world, cases, client, login):
    login(world.member_b)  # org B has the overdue one
    page = client.get("/plaatsingen/").get_data(as_text=True)
    from flask import render_template_string

    with client.application.test_request_context():
        from flask_login import login_user
        login_user(world.member_b)
        banner = render_template_string('{% include "_partials/twv_banner.html" %}')
        assert "1 TWV is nog niet ingetrokken" in banner
        login_user(world.member_a)  # org A: only a fresh one
        assert render_template_string('{% include "_partials/twv_banner.html" %}').strip() == ""
    assert page  # the list itself renders for the member


MEMBER_URLS = [
    ("get", "/plaatsingen/{id}"),
    ("get", "/plaatsingen/{id}/intrekking.pdf"),
    ("post", "/plaatsingen/{id}/twv/aangevraagd"),
    ("post", "/plaatsingen/{id}/twv/verleend"),
    ("post", "/plaatsingen/{id}/einde"),
    ("post", "/plaatsingen/{id}/gaat-niet-door"),
    ("post", "/plaatsingen/{id}/uwv-ingelicht"),
]


@pytest.mark.parametrize("method,url", MEMBER_URLS)
def test_other_organisation_member_gets_404(world, cases, client, login, method, url):
    p = cases["overdue"]  # belongs to org B
    login(world.member_a)
    resp = getattr(client, method)(url.format(id=p.id))
    assert resp.status_code == 404
    db.session.expire_all()
    assert db.session.get(type(p), p.id).twv_state == TwvState.cancellation_requested


def test_member_list_shows_only_own_placements(world, cases, client, login):
    login(world.member_a)
    page = client.get("/plaatsingen/").get_data(as_text=True)
    assert f"/plaatsingen/{cases['fresh'].id}\"" in page
    assert f"/plaatsingen/{cases['overdue'].id}\"" not in page
    assert f"/plaatsingen/{cases['elsewhere'].id}\"" not in page


def test_signed_out_users_are_sent_to_login(world, cases, client):
    resp = client.get(f"/plaatsingen/{cases['fresh'].id}")
    assert resp.status_code == 302
    assert resp.location.split("?")[0].endswith(url_for("accounts.login"))
