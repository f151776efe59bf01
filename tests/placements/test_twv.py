"""TWV states: to_apply → applied → granted | refused, → cancellation_requested → cancelled."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal import db
from portal.applicants.models import ResidenceStatus
from portal.audit.models import AuditEvent
from portal.clock import today
from portal.placements import services
from portal.placements.models import EndReason, TwvState
from tests.placements.conftest import make_placement


@pytest.fixture
def placement(world, make, db_session):
    return make_placement(make, db_session, world.vac_a, start_date=today() + timedelta(days=14))


def _reload(p):
    db.session.expire_all()
    return db.session.get(type(p), p.id)


def _step(client, p, step, on=None):
    return client.post(f"/plaatsingen/{p.id}/twv/{step}",
                       data={f"{ {'aangevraagd': 'applied', 'verleend': 'granted', 'geweigerd': 'refused'}[step] }-on_date": (on or today()).isoformat()})


def test_page_shows_checklist_warning_and_guidance(world, client, login, placement):
    login(world.member_a)
    page = client.get(f"/plaatsingen/{placement.id}").get_data(as_text=True)
    for text in ("eHerkenning niveau 3", "conceptarbeidsovereenkomst", "W-document",
                 "minimumloon", "Vraag de TWV pas aan als zeker is", "/hulp/twv-asielzoeker"):
        assert text in page


def test_applied_then_granted(world, client, login, placement):
    login(world.member_a)
    applied_on = today() - timedelta(days=2)
    assert _step(client, placement, "aangevraagd", applied_on).status_code == 302
    p = _reload(placement)
    assert p.twv_state == TwvState.applied and p.twv_applied_on == applied_on
    assert _step(client, p, "verleend").status_code == 302
    p = _reload(p)
    assert p.twv_state == TwvState.granted and p.twv_decided_on == today()
    actions = db.session.scalars(select(AuditEvent.detail).where(
        AuditEvent.action == "placement_twv_state")).all()
    assert [d["to_state"] for d in actions] == ["applied", "granted"]


def test_applied_then_refused(world, client, login, placement):
    login(world.member_a)
    _step(client, placement, "aangevraagd")
    assert _step(client, placement, "geweigerd").status_code == 302
    assert _reload(placement).twv_state == TwvState.refused


@pytest.mark.parametrize("step", ["verleend", "geweigerd"])
def test_decision_before_application_is_forbidden(world, client, login, placement, step):
    login(world.member_a)
    resp = _step(client, placement, step)
    assert resp.status_code == 422 and "Deze stap kan nu niet" in resp.get_data(as_text=True)
    assert _reload(placement).twv_state == TwvState.to_apply


def test_forbidden_transitions_in_the_service(world, make, db_session, placement):
    with pytest.raises(services.PlacementError):
        services.set_twv_state(placement, world.member_a, TwvState.cancelled, today())
    services.set_twv_state(placement, world.member_a, TwvState.applied, today())
    with pytest.raises(services.PlacementError):
        services.set_twv_state(placement, world.member_a, TwvState.applied, today())
    holder = make_placement(make, db_session, world.vac_a, status=ResidenceStatus.status_holder)
    with pytest.raises(services.PlacementError):
        services.set_twv_state(holder, world.member_a, TwvState.applied, today())
    with pytest.raises(services.PlacementError):
        services.confirm_cancelled(placement, world.member_a)


def test_future_application_date_is_refused(world, client, login, placement):
    login(world.member_a)
    resp = _step(client, placement, "aangevraagd", today() + timedelta(days=1))
    assert resp.status_code == 422 and "in de toekomst" in resp.get_data(as_text=True)


def test_unknown_step_is_404(world, client, login, placement):
    login(world.member_a)
    assert client.post(f"/plaatsingen/{placement.id}/twv/ingetrokken").status_code == 404


def test_contract_ended_then_cancelled(world, client, login, placement):
    login(world.member_a)
    _step(client, placement, "aangevraagd")
    _step(client, placement, "verleend")
    end = placement.start_date + timedelta(days=7)  # reported ahead, within END_AHEAD_DAYS
    resp = client.post(f"/plaatsingen/{placement.id}/einde", data={
        "end-end_date": end.isoformat(), "end-reason": "resigned", "end-note": ""})
    assert resp.status_code == 302
    p = _reload(placement)
    assert p.twv_state == TwvState.cancellation_requested
    assert (p.end_date, p.end_reason) == (end, EndReason.resigned)
    page = client.get(f"/plaatsingen/{p.id}").get_data(as_text=True)
    assert "Laat UWV weten" in page and "/hulp/cancel-twv" in page
    assert "Ik heb UWV ingelicht" in page and "Einde melden" not in page

    assert client.post(f"/plaatsingen/{p.id}/uwv-ingelicht").status_code == 302
    p = _reload(p)
    assert p.twv_state == TwvState.cancelled
    assert p.cancelled_by_id == world.member_a.id and p.cancelled_at is not None
    actions = db.session.scalars(select(AuditEvent.action).where(
        AuditEvent.object_type == "Placement")).all()
    assert "placement_ended" in actions and "placement_twv_cancelled" in actions
    # Confirming twice changes nothing.
    client.post(f"/plaatsingen/{p.id}/uwv-ingelicht")
    assert _reload(p).cancelled_at == p.cancelled_at


def test_end_before_start_is_refused(world, client, login, placement):
    login(world.member_a)
    resp = client.post(f"/plaatsingen/{placement.id}/einde", data={
        "end-end_date": (placement.start_date - timedelta(days=1)).isoformat(),
        "end-reason": "end_of_contract"})
    assert resp.status_code == 422
    assert 'id="end-end_date-error"' in resp.get_data(as_text=True)
    assert _reload(placement).end_date is None


def test_end_without_twv_needs_no_cancellation(world, client, login, placement):
    login(world.member_a)
    client.post(f"/plaatsingen/{placement.id}/einde", data={
        "end-end_date": placement.start_date.isoformat(), "end-reason": "dismissed"})
    p = _reload(placement)
    assert p.end_date == placement.start_date and p.twv_state == TwvState.to_apply
    assert "Laat UWV weten" not in client.get(f"/plaatsingen/{p.id}").get_data(as_text=True)


def test_hire_not_going_ahead_after_applying(world, client, login, placement):
    login(world.member_a)
    _step(client, placement, "aangevraagd")
    assert client.post(f"/plaatsingen/{placement.id}/gaat-niet-door").status_code == 302
    p = _reload(placement)
    assert p.end_date == today() and p.end_reason == EndReason.not_started
    assert p.twv_state == TwvState.cancellation_requested
    # Reporting it again is refused, nothing changes.
    client.post(f"/plaatsingen/{placement.id}/gaat-niet-door")
    assert _reload(p).end_reason == EndReason.not_started


def test_cancellation_pdf_only_when_there_is_a_cancellation(world, client, login, placement):
    login(world.member_a)
    assert client.get(f"/plaatsingen/{placement.id}/intrekking.pdf").status_code == 404
