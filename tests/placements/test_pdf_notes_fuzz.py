from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.applicants.models import ResidenceStatus
from portal.clock import today, utcnow
from portal.placements import pdf, queries, services
from portal.placements.models import EndReason, TwvState
from tests.conftest import require_or_skip
from tests.placements.conftest import V_NUMBER, make_placement


def _pdf_text(data: bytes, tmp_path) -> str:
    require_or_skip(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) not installed")
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def _cancelled(world, make, db_session):
    p = make_placement(make, db_session, world.vac_a, start_date=today() - timedelta(days=40),
                       v_number=V_NUMBER)
    services.set_twv_state(p, world.member_a, TwvState.applied, today() - timedelta(days=30))
    services.end(p, world.member_a, today(), EndReason.dismissed)
    services.confirm_cancelled(p, world.member_a)
    db_session.commit()
    return p


def test_cancellation_pdf_via_the_page(world, make, db_session, client, login, tmp_path):
    p = _cancelled(world, make, db_session)
    login(world.member_a)
    resp = client.get(f"/plaatsingen/{p.id}/intrekking.pdf")
    assert resp.status_code == 200 and resp.mimetype == "application/pdf"
    assert resp.data.startswith(b"%PDF")
    text = _pdf_text(resp.data, tmp_path)
    assert world.org_a.name in text and world.vac_a.title in text
    assert "Ontslagen" in text and "TWV ingetrokken" in text
    assert p.application.name in text
    assert V_NUMBER not in text and p.person_hash not in text


def test_pdf_leaves_out_an_erased_name(world, make, db_session, tmp_path):
    p = _cancelled(world, make, db_session)
    name = p.application.name
    p.application.erased_at = utcnow()
    db_session.commit()
    text = _pdf_text(pdf.cancellation_pdf(p, generated_at=utcnow()), tmp_path)
    assert name not in text and "gegevens gewist" in text
    assert world.org_a.name in text


def test_pdf_handles_arabic_names(world, make, db_session, tmp_path):
    p = _cancelled(world, make, db_session)
    p.application.name = "محمد الأحمد"
    data = pdf.cancellation_pdf(p, generated_at=utcnow())
    assert data.startswith(b"%PDF") and world.org_a.name in _pdf_text(data, tmp_path)


def test_resident_notes(world, make, db_session):
    p = make_placement(make, db_session, world.vac_a, start_date=today() + timedelta(days=3))
    notes = queries.resident_notes(p.application)
    assert len(notes) == 1 and "werkvergunning (TWV) aan" in notes[0]
    assert world.org_a.name in notes[0]
    services.set_twv_state(p, world.member_a, TwvState.applied, today())
    services.end(p, world.member_a, today(), EndReason.not_started)
    assert "gestopt" in queries.resident_notes(p.application)[0]
    assert "nieuwe baan" in queries.resident_notes(p.application)[0]
    services.confirm_cancelled(p, world.member_a)
    assert "Je kunt met een nieuwe baan beginnen" in queries.resident_notes(p.application)[0]
    holder = make_placement(make, db_session, world.vac_b, status=ResidenceStatus.status_holder)
    note = queries.resident_notes(holder.application)[0]
    assert "Je begint op" in note and "Magazijn Noord" in note  # the agency's client
    assert queries.resident_notes(world.app_a) == []


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(start=st.one_of(st.text(max_size=12), st.dates().map(str)),
       hours=st.one_of(st.text(max_size=6), st.integers(-10, 400).map(str)),
       contract=st.sampled_from(["temporary", "on_call", "bogus", ""]),
       v_number=st.text(max_size=30), residence=st.sampled_from(["", "unknown", "x"]))
def test_hire_form_never_500s(world, client, login, start, hours, contract, v_number, residence):
    login(world.member_a)
    resp = client.post(f"/sollicitanten/{world.app_a.id}/aannemen", data={
        "start_date": start, "hours_per_week": hours, "contract_type": contract,
        "v_number": v_number, "residence_status": residence})
    assert resp.status_code in (200, 302, 422)


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(end=st.one_of(st.text(max_size=12), st.dates().map(str)),
       reason=st.sampled_from(["end_of_contract", "other", "not_started", "bogus", ""]),
       note=st.text(max_size=50), on=st.one_of(st.text(max_size=12), st.dates().map(str)))
def test_placement_forms_never_500(world, make, db_session, client, login, end, reason, note, on):
    p = make_placement(make, db_session, world.vac_a)
    login(world.member_a)
    assert client.post(f"/plaatsingen/{p.id}/twv/aangevraagd",
                       data={"applied-on_date": on}).status_code in (302, 422)
    assert client.post(f"/plaatsingen/{p.id}/einde", data={
        "end-end_date": end, "end-reason": reason, "end-note": note}).status_code in (302, 422)


def test_demo_seeds_a_running_and_an_overdue_placement(app, db_session):
    from sqlalchemy import select

    from portal.demo import seed
    from portal.placements.models import Placement

    seed()
    db_session.commit()
    placements = db_session.scalars(select(Placement).order_by(Placement.id)).all()
    states = {p.twv_state for p in placements}
    assert {TwvState.granted, TwvState.cancellation_requested} <= states
    overdue = next(p for p in placements if p.twv_state == TwvState.cancellation_requested)
    assert queries.overdue_count(overdue.organisation_id) == 1
