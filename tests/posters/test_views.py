"""Poster downloads and the coordinators' notice boards."""
from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date, timedelta

import pytest

from portal.accounts.models import Role
from portal.clock import utcnow
from portal.organisations.models import OrgKind
from portal.vacancies import services
from portal.vacancies.models import MinimumWage, VacancyLocation, VacancyStatus
from tests.vacancies.test_views import form

# Outside CI a missing tool skips; in CI the test runs and fails (a skip would hide a broken QR).
needs_tools = pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")) and os.environ.get("CI") != "true",
    reason="needs poppler-utils and zbar-tools")


def qr_codes(pdf: bytes, tmp_path) -> list[str]:
    """Every QR code in the PDF, page by page, as a phone camera would read it."""
    src = tmp_path / "p.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(src), str(tmp_path / "page")], check=True)
    found = []
    for png in sorted(tmp_path.glob("page*.png")):
        out = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
        found += [line for line in out.stdout.splitlines() if line]
    return found


def sections(html: str) -> tuple[str, str]:
    """(to hang, to take down) parts of a board page."""
    body = html.split('id="ophangen"')[1]
    hang, rest = body.split('id="weghalen"')
    return hang, rest.split("Nu open")[0]


@pytest.fixture
def login(login):
    """Shared login, minus the user Flask-Login cached in the test-wide `g` (see
    tests/vacancies/conftest.py)."""
    from flask import g

    def _login(user):
        g.pop("_login_user", None)
        return login(user)

    return _login


@pytest.fixture
def world(make, db_session):
    zdm = make.location(code="ZDM", name="azc Zaandam")
    pmr = make.location(code="PMR", name="azc Purmerend")
    agency = make.organisation(kind=OrgKind.agency, name="Flex Uitzend")
    member = make.user(organisation=agency)
    vacancy = make.vacancy(agency, [zdm, pmr], code="K7Q2MX", title="Orderpicker",
                           client_name="Zaanse Groothandel", wage_min_cents=1525)
    db_session.commit()
    return dict(zdm=zdm, pmr=pmr, org=agency, member=member, vacancy=vacancy)


@needs_tools
def test_member_poster_per_location_scans_to_that_location(client, login, world, tmp_path):
    login(world["member"])
    res = client.get(f"/vacatures/{world['vacancy'].id}/poster/zdm.pdf")
    assert res.status_code == 200 and res.mimetype == "application/pdf"
    assert res.data.startswith(b"%PDF")
    assert qr_codes(res.data, tmp_path) == ["HTTPS://WERK.EXAMPLE.NL/V/K7Q2MX/ZDM"]


@needs_tools
def test_all_locations_pdf_has_one_page_per_location(client, login, world, tmp_path):
    login(world["member"])
    res = client.get(f"/vacatures/{world['vacancy'].id}/posters.pdf")
    assert res.mimetype == "application/pdf"
    assert sorted(qr_codes(res.data, tmp_path)) == [
        "HTTPS://WERK.EXAMPLE.NL/V/K7Q2MX/PMR", "HTTPS://WERK.EXAMPLE.NL/V/K7Q2MX/ZDM"]


def test_poster_for_location_not_posted_is_404(client, login, world, make, db_session):
    other = make.location(code="EHV")
    db_session.commit()
    login(world["member"])
    assert client.get(f"/vacatures/{world['vacancy'].id}/poster/{other.code}.pdf").status_code == 404


def test_poster_texts(app, world):
    from portal.posters.services import vacancy_poster

    p = vacancy_poster(world["vacancy"], world["zdm"])
    assert p.employer_line == "via Flex Uitzend voor Zaanse Groothandel"
    assert p.url == "HTTPS://WERK.EXAMPLE.NL/V/K7Q2MX/ZDM"
    assert p.display_url == "werk.example.nl/v/K7Q2MX/ZDM"
    assert p.valid_until.startswith("geldig tot ") and p.valid_until[-4:].isdigit()
    assert p.facts.hours == "24–32 uur per week"
    assert p.facts.wage == "€ 15,25 per uur"
    assert p.facts.dutch == "Geen Nederlands nodig"
    assert p.report_url == "werk.example.nl/report"


def coordinator(make, *locations):
    return make.user(role=Role.coordinator, locations=locations)


def test_coordinator_sees_only_own_locations(client, login, world, make, db_session):
    user = coordinator(make, world["zdm"])
    db_session.commit()
    login(user)
    page = client.get("/prikbord/")
    assert "azc Zaandam" in page.text and "azc Purmerend" not in page.text
    assert client.get("/prikbord/ZDM").status_code == 200
    assert client.get("/prikbord/zdm").status_code == 200
    for url in ("/prikbord/PMR", "/prikbord/PMR/posters.pdf", "/prikbord/PMR/prikbord-poster.pdf",
                "/prikbord/NOPE"):
        assert client.get(url).status_code == 404, url
    assert client.post("/prikbord/PMR/geprint").status_code == 404


def test_admin_sees_every_board(client, login, world, make, db_session):
    admin = make.user(role=Role.admin)
    db_session.commit()
    login(admin)
    assert client.get("/prikbord/PMR").status_code == 200


def test_members_cannot_open_boards(client, login, world):
    login(world["member"])
    assert client.get("/prikbord/").status_code == 403


def test_board_hang_print_take_down_cycle(client, login, world, make, db_session):
    zdm, vacancy = world["zdm"], world["vacancy"]
    closed = make.vacancy(world["org"], [zdm], title="Oude vacature", status=VacancyStatus.closed)
    closed.postings[0].printed_at = utcnow() - timedelta(days=20)
    make.vacancy(world["org"], [zdm], title="Nooit geprint", status=VacancyStatus.expired)
    user = coordinator(make, zdm)
    db_session.commit()
    login(user)

    hang, down = sections(client.get("/prikbord/ZDM").text)
    assert "Orderpicker" in hang and "Oude vacature" not in hang
    assert "Oude vacature" in down and "Nooit geprint" not in down

    posting = db_session.query(VacancyLocation).filter_by(vacancy_id=vacancy.id, location_id=zdm.id).one()
    client.post(f"/prikbord/ZDM/{posting.id}/geprint")
    db_session.refresh(posting)
    assert posting.printed_at is not None
    hang, _ = sections(client.get("/prikbord/ZDM").text)
    assert "Orderpicker" not in hang

    # The employer changes the text: the old print must be replaced.
    login(world["member"])
    db_session.add(MinimumWage(valid_from=date(2026, 1, 1), cents_per_hour=1471))
    db_session.commit()
    res = client.post(f"/vacatures/{vacancy.id}/bewerken", data=form(
        zdm, title="Orderpicker (avond)", client_name="Zaanse Groothandel",
        location_ids=[str(zdm.id), str(world["pmr"].id)]))
    assert res.status_code == 302
    login(user)
    hang, _ = sections(client.get("/prikbord/ZDM").text)
    assert "Orderpicker (avond)" in hang and "vervang de oude poster" in hang

    closed_posting = closed.postings[0]
    client.post(f"/prikbord/ZDM/{closed_posting.id}/weggehaald")
    db_session.refresh(closed_posting)
    assert closed_posting.taken_down_at is not None
    assert "Oude vacature" not in sections(client.get("/prikbord/ZDM").text)[1]


def test_mark_all_printed_and_wrong_posting_404(client, login, world, make, db_session):
    user = coordinator(make, world["zdm"])
    db_session.commit()
    login(user)
    pmr_posting = next(p for p in world["vacancy"].postings if p.location == world["pmr"])
    assert client.post(f"/prikbord/ZDM/{pmr_posting.id}/geprint").status_code == 404
    client.post("/prikbord/ZDM/geprint")
    zdm_posting = next(p for p in world["vacancy"].postings if p.location == world["zdm"])
    db_session.refresh(zdm_posting)
    db_session.refresh(pmr_posting)
    assert zdm_posting.printed_at is not None and pmr_posting.printed_at is None


def test_suspended_organisation_posters_come_down(client, login, world, make, db_session):
    user = coordinator(make, world["zdm"])
    services.mark_printed(world["vacancy"].postings)
    services.take_offline_for_organisation(world["org"])
    db_session.commit()
    login(user)
    res = client.get("/prikbord/ZDM")
    assert res.status_code == 200, res.text
    hang, down = sections(res.text)
    assert "Orderpicker" in down and "Orderpicker" not in hang


@needs_tools
def test_board_pdfs_scan(client, login, world, make, db_session, tmp_path):
    user = coordinator(make, world["zdm"])
    db_session.commit()
    login(user)
    res = client.get("/prikbord/ZDM/posters.pdf")
    assert res.mimetype == "application/pdf"
    (tmp_path / "a").mkdir()
    assert qr_codes(res.data, tmp_path / "a") == ["HTTPS://WERK.EXAMPLE.NL/V/K7Q2MX/ZDM"]
    res = client.get("/prikbord/ZDM/prikbord-poster.pdf")
    assert res.mimetype == "application/pdf"
    (tmp_path / "b").mkdir()
    assert qr_codes(res.data, tmp_path / "b") == ["HTTPS://WERK.EXAMPLE.NL/L/ZDM"]
    res = client.get("/posters/melden.pdf")
    assert res.mimetype == "application/pdf"
    (tmp_path / "c").mkdir()
    assert qr_codes(res.data, tmp_path / "c") == ["https://werk.example.nl/report"]


def test_board_posters_empty_redirects(client, login, make, db_session):
    loc = make.location(code="EMP")
    user = coordinator(make, loc)
    db_session.commit()
    login(user)
    res = client.get("/prikbord/EMP/posters.pdf")
    assert res.status_code == 302


def test_public_poster_only_for_open_vacancies(client, world, make, db_session):
    draft = make.vacancy(world["org"], [world["zdm"]], status=VacancyStatus.draft)
    db_session.commit()
    res = client.get("/api/v1/vacancies/k7q2mx/poster.pdf?location=ZDM")
    assert res.status_code == 200 and res.mimetype == "application/pdf"
    assert client.get(f"/api/v1/vacancies/{draft.code}/poster.pdf").status_code == 404
    assert client.get("/api/v1/vacancies/K7Q2MX/poster.pdf?location=EHV").status_code == 404


def test_report_poster_needs_sign_in(client):
    assert client.get("/posters/melden.pdf").status_code == 302
