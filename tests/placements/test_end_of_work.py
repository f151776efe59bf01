"""Reporting the end of the work: the date is checked against the placement and today, a date
ahead reads "stops on", the cancellation PDF agrees with the state, and the page gives UWV's
contact route from the guidance content."""
from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

import pytest
from flask import current_app

from portal import db
from portal.clock import today, utcnow
from portal.guidance.content import load_pages
from portal.placements import pdf, services
from portal.placements.models import EndReason, Placement, TwvState
from tests.conftest import require_or_skip
from tests.placements.conftest import make_placement


@pytest.fixture
def running(world, make, db_session):
    p = make_placement(make, db_session, world.vac_a, start_date=today() - timedelta(days=60))
    services.set_twv_state(p, world.member_a, TwvState.applied, today() - timedelta(days=50))
    services.set_twv_state(p, world.member_a, TwvState.granted, today() - timedelta(days=40))
    db_session.commit()
    return p


def _end(client, p, day, reason="end_of_contract"):
    return client.post(f"/plaatsingen/{p.id}/einde", data={
        "end-end_date": day.isoformat(), "end-reason": reason, "end-note": ""})


def _reload(p) -> Placement:
    db.session.expire_all()
    return db.session.get(Placement, p.id)


def test_an_end_months_ahead_is_refused_at_the_field(world, client, login, running):
    login(world.member_a)
    res = _end(client, running, today() + timedelta(days=90))
    assert res.status_code == 422
    html = res.get_data(as_text=True)
    assert 'id="end-end_date-error"' in html and "meer dan 28 dagen vooruit" in html
    p = _reload(running)
    assert p.end_date is None and p.twv_state == TwvState.granted


def test_an_end_ahead_says_the_work_will_stop_on_that_day(world, client, login, running):
    login(world.member_a)
    last_day = today() + timedelta(days=21)
    assert _end(client, running, last_day).status_code == 302
    html = client.get(f"/plaatsingen/{running.id}").get_data(as_text=True)
    assert "Stopt op" in html and "het werk loopt nog" in html
    assert "Het werk stopt op" in html and "Het werk is gestopt" not in html
    assert "Einde gemeld" not in html


def test_the_resident_reads_stops_on_not_stopped(world, make, db_session, running):
    from portal.placements.queries import resident_notes

    services.end(running, world.member_a, today() + timedelta(days=10), EndReason.resigned)
    [note] = resident_notes(running.application)
    assert "stopt op" in note and "gestopt" not in note
    running.end_date = today() - timedelta(days=1)
    [note] = resident_notes(running.application)
    assert "gestopt" in note


def test_an_end_today_or_earlier_says_it_stopped(world, client, login, running):
    login(world.member_a)
    assert _end(client, running, today() - timedelta(days=2)).status_code == 302
    html = client.get(f"/plaatsingen/{running.id}").get_data(as_text=True)
    assert "Einde gemeld" in html and "Het werk is gestopt" in html
    assert "Stopt op" not in html and "het werk loopt nog" not in html


def test_the_page_gives_uwvs_contact_route_from_the_guidance_content(world, client, login,
                                                                      running):
    login(world.member_a)
    _end(client, running, today())
    html = client.get(f"/plaatsingen/{running.id}").get_data(as_text=True)
    contact = html.split('id="uwv-contact"')[1].split("</p>")[0]
    cited = [s.url for s in load_pages(current_app.config["CONTENT_DIR"])[("contact", "nl")].sources
             if "uwv.nl/werkgevers/contact" in s.url]
    assert cited and f'href="{cited[0]}"' in contact  # the page the content cites, no invented number
    assert 'href="/hulp/contact"' in contact


def _pdf_text(data: bytes, tmp_path) -> str:
    require_or_skip(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) not installed")
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())


def test_the_pdf_never_says_uwv_was_informed_before_it_was(world, db_session, running, tmp_path):
    services.end(running, world.member_a, today(), EndReason.dismissed)
    db_session.commit()
    text = _pdf_text(pdf.cancellation_pdf(running, generated_at=utcnow()), tmp_path)
    assert "TWV nog intrekken" in text and "UWV is nog niet ingelicht" in text
    assert "vastgelegd dat UWV is ingelicht" not in text and "Bevestiging intrekking" not in text
    services.confirm_cancelled(running, world.member_a)
    db_session.commit()
    text = _pdf_text(pdf.cancellation_pdf(running, generated_at=utcnow()), tmp_path)
    assert "Bevestiging intrekking TWV" in text and "vastgelegd dat UWV is ingelicht" in text
    assert "Nog niet" not in text and "nog niet ingelicht" not in text
