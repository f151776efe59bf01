"""A recruiter's walk in real Chromium: the applicants list, a filter, one applicant, a workplace
tour proposed and confirmed by the azc coordinator, the invitation on the resident's Arabic
status page, attendance after the tour, the hire and the first work-permit (TWV) step.
Every staff page on the way must be free of serious or critical axe-core findings."""
from __future__ import annotations

import re
from datetime import datetime, time, timedelta

import pyotp
import pytest
from babel.dates import format_date
from playwright.sync_api import expect
from sqlalchemy import select

from portal.accounts.models import Role
from portal.applicants.models import Application, ResidenceStatus, Stage
from portal.clock import AMS, today, utcnow
from portal.placements.models import Placement, TwvState
from portal.tours.models import Attendance, Tour, TourInvite, TourState
from tests.browser.conftest import shot
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser
COORDINATOR_SECRET = pyotp.random_base32()
STAFF_VIEWPORT = {"width": 1280, "height": 900}


def sign_in(page, base: str, email: str, secret: str | None = None) -> None:
    page.goto(f"{base}/inloggen")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    if secret:
        page.wait_for_url(re.compile(r".*/inloggen/2fa.*"))
        page.fill("#code", pyotp.TOTP(secret).now())
        page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/inloggen" not in url)


def _world(make, db_session):
    region = make.region("Zaanstreek-Waterland")
    zaandam = make.location(region, code="ZDM", name="azc Zaandam")
    purmerend = make.location(region, code="PMR", name="azc Purmerend")
    org = make.organisation(region=region, name="Bakkerij De Zon")
    recruiter = make.user(Role.member, organisation=org, email="jan@bakkerij.example")
    coordinator = make.user(Role.coordinator, locations=[zaandam], email="coord@coa.example",
                            totp_secret=COORDINATOR_SECRET)
    vacancy = make.vacancy(org, locations=[zaandam, purmerend], title="Inpakker bakkerij")
    amina = make.application(vacancy, name="Amina Haddad", azc_location=zaandam,
                             ui_language="ar", residence_status=ResidenceStatus.asylum_seeker)
    yonas = make.application(vacancy, name="Yonas Tesfaye", azc_location=purmerend,
                             ui_language="ti")
    reza = make.application(vacancy, name="Reza Karimi", azc_location=zaandam,
                            ui_language="fa", stage=Stage.contacted)
    db_session.commit()
    return dict(zaandam=zaandam, org=org, recruiter=recruiter, coordinator=coordinator,
                vacancy=vacancy, amina=amina, yonas=yonas, reza=reza)


def _rows(page) -> str:
    return page.locator("main table tbody").inner_text()


def test_recruiter_tour_hire_and_twv(live_server, browser, axe_check, make, db_session):
    w = _world(make, db_session)
    amina = w["amina"]
    base = live_server.url
    recruiter_ctx = browser.new_context(viewport=STAFF_VIEWPORT, locale="nl-NL")
    page = recruiter_ctx.new_page()

    # 1. the recruiter signs in and sees all three applicants
    sign_in(page, base, "jan@bakkerij.example")
    page.goto(f"{base}/sollicitanten/")
    expect(page.locator("h1")).to_have_text("Sollicitanten")
    rows = _rows(page)
    for name in ("Amina Haddad", "Yonas Tesfaye", "Reza Karimi"):
        assert name in rows
    state = recruiter_ctx.storage_state()
    assert axe_check(f"{base}/sollicitanten/", storage_state=state, width=1280) == []

    # 2. filter on the azc: only residents of azc Zaandam remain
    page.select_option("#location", label="azc Zaandam")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r".*location=\d+.*"))
    rows = _rows(page)
    assert "Amina Haddad" in rows and "Reza Karimi" in rows
    assert "Yonas Tesfaye" not in rows
    expect(page.get_by_text("2 sollicitaties gevonden.")).to_be_visible()
    # ... and on top of that the stage tab "Gesproken": only Reza
    page.click("ul.tabs >> text=Gesproken")
    page.wait_for_url(re.compile(r".*stage=contacted.*"))
    assert "Reza Karimi" in _rows(page) and "Amina Haddad" not in _rows(page)
    page.click("ul.tabs >> text=Alle")

    # 3. open Amina
    page.click("main table >> text=Amina Haddad")
    page.wait_for_url(f"{base}/sollicitanten/{amina.id}")
    expect(page.locator("h1")).to_have_text("Amina Haddad")
    props = page.locator("dl.props").inner_text()
    assert "azc Zaandam" in props and "Asielzoeker" in props
    assert axe_check(f"{base}/sollicitanten/{amina.id}", storage_state=state, width=1280) == []

    # 4. propose a tour, a week from now at 10:00 Dutch time
    tour_day = today() + timedelta(days=7)
    new_url = f"{base}/rondleidingen/nieuw?application={amina.id}"
    page.goto(new_url)
    expect(page.locator("h1")).to_have_text("Rondleiding voorstellen")
    assert page.is_checked("#applications-0")
    assert "Hemkade 12" in page.input_value("#address")  # the vacancy's address, pre-filled
    assert axe_check(new_url, storage_state=state, width=1280) == []
    page.fill("#date", tour_day.isoformat())
    page.fill("#start_time", "10:00")
    page.fill("#meeting_point", "Bij de receptie, ingang B")
    page.fill("#what_to_bring", "Dichte schoenen en je W-document")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/rondleidingen/\d+$"))
    expect(page.locator(".flashes")).to_contain_text("De rondleiding is aangevraagd")
    tour = db_session.scalar(select(Tour))
    db_session.refresh(tour)
    assert tour.state == TourState.requested
    assert tour.starts_at.astimezone(AMS) == datetime.combine(tour_day, time(10, 0), AMS)
    db_session.refresh(amina)
    assert amina.stage == Stage.tour

    # 5. the coordinator of azc Zaandam signs in (two-factor) and confirms
    coord_ctx = browser.new_context(viewport=STAFF_VIEWPORT, locale="nl-NL")
    coord = coord_ctx.new_page()
    sign_in(coord, base, "coord@coa.example", COORDINATOR_SECRET)
    coord.goto(f"{base}/coordinator/rondleidingen")
    listing = coord.locator("main table").inner_text()
    assert "Bakkerij De Zon" in listing and "Aangevraagd" in listing
    assert axe_check(f"{base}/coordinator/rondleidingen", storage_state=coord_ctx.storage_state(),
                     width=1280) == []
    coord.click(f"a[href$='/coordinator/rondleidingen/{tour.id}']")
    expect(coord.locator("main")).to_contain_text("Amina Haddad (azc Zaandam)")
    coord.click("form[action$='/bevestigen'] button[type=submit]")
    expect(coord.locator("main")).to_contain_text("De rondleiding is bevestigd")
    db_session.refresh(tour)
    assert tour.state == TourState.confirmed

    # 6. Amina's status page in Arabic shows the confirmed invitation with the date
    resident_ctx = browser.new_context(viewport={"width": 360, "height": 740})
    resident = resident_ctx.new_page()
    resident.goto(f"{base}/s/{amina.plain_token}?lang=ar")
    html = resident.locator("html")
    assert html.get_attribute("lang") == "ar" and html.get_attribute("dir") == "rtl"
    card = resident.locator("main section.card")
    expect(card).to_have_count(1)
    text = card.inner_text()
    assert format_date(tour_day, "EEEE d MMMM yyyy", locale="ar") in text
    assert "10:00" in text and "11:00" in text
    assert "Bij de receptie, ingang B" in text
    shot(resident, "status-tour-ar")
    # translated, not the Dutch source texts
    for dutch in ("Je bent uitgenodigd", "Deze afspraak staat vast", "Wanneer", "Waar je wacht"):
        assert dutch not in text, f"Dutch source text on the Arabic page: {dutch!r}"
    resident_ctx.close()

    # 7. after the tour: move it into the past, the coordinator records attendance
    tour.starts_at = utcnow() - timedelta(hours=2)
    db_session.commit()
    invite = db_session.scalar(select(TourInvite).where(TourInvite.tour_id == tour.id))
    coord.goto(f"{base}/coordinator/rondleidingen/{tour.id}")
    coord.check(f"input[name='i{invite.id}'][value='attended']")
    coord.click(f"form[action$='/rondleidingen/{tour.id}/aanwezigheid'] button[type=submit]")
    expect(coord.locator("main")).to_contain_text("De aanwezigheid is opgeslagen")
    db_session.refresh(invite)
    db_session.refresh(tour)
    assert invite.attendance == Attendance.attended and tour.state == TourState.held
    coord_ctx.close()

    # 8. the recruiter sees it on the applicant and hires
    page.goto(f"{base}/sollicitanten/{amina.id}")
    expect(page.locator("main")).to_contain_text("Gehouden, Was er")
    page.click("main a.button:has-text('Aannemen')")
    page.wait_for_url(f"{base}/sollicitanten/{amina.id}/aannemen")
    expect(page.locator(".notice--warning").first).to_contain_text("tewerkstellingsvergunning")
    assert page.locator("#residence_status").count() == 0  # she said: asylum seeker
    assert axe_check(f"{base}/sollicitanten/{amina.id}/aannemen", storage_state=state,
                     width=1280) == []
    page.fill("#hours_per_week", "24")
    page.check("#confirm")  # hiring cannot be undone: ticked explicitly
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/plaatsingen/\d+$"))
    placement = db_session.scalar(select(Placement).where(Placement.application_id == amina.id))
    assert placement is not None and placement.twv_state == TwvState.to_apply
    db_session.refresh(amina)
    assert amina.stage == Stage.hired

    # 9. the placement page shows the TWV steps; the recruiter marks the TWV applied
    main = page.locator("main")
    expect(main).to_contain_text("Aangenomen. De plaatsing is vastgelegd.")
    expect(main.locator("#twv-title")).to_have_text("De TWV: uw stappen")
    expect(main.locator("ul.twv-checklist li")).to_have_count(4)
    expect(main.locator("span.tag").first).to_have_text("TWV nog aanvragen")
    assert axe_check(f"{base}/plaatsingen/{placement.id}", storage_state=state, width=1280) == []
    applied_on = today() - timedelta(days=1)
    page.fill("#applied-on_date", applied_on.isoformat())
    page.click("form[action$='/twv/aangevraagd'] button[type=submit]")
    expect(main).to_contain_text("Opgeslagen: TWV aangevraagd.")
    expect(main.locator("span.tag").first).to_have_text("TWV aangevraagd")
    # the next step is on offer now: granted or refused
    expect(main.locator("form[action$='/twv/verleend']")).to_have_count(1)
    shot(page, "placement-twv-applied")
    db_session.refresh(placement)
    assert placement.twv_state == TwvState.applied and placement.twv_applied_on == applied_on
    # the other applicants were not touched
    others = db_session.scalars(select(Application).where(Application.id != amina.id)).all()
    assert {a.stage for a in others} == {Stage.new, Stage.contacted}
    recruiter_ctx.close()
