"""Reporting a dubious job in real Chromium: a resident opens a vacancy in Tigrinya, follows the
link to report it, ticks what happened and gets a reference code; the region's adviser signs in
with two-factor, reads the report and suspends the organisation; the vacancy page then shows
the friendly "closed" page and the coordinator's notice board says to take the poster down."""
from __future__ import annotations

import re
from datetime import timedelta

import pyotp
import pytest
from flask_babel import force_locale
from flask_babel import gettext as _
from playwright.sync_api import expect
from sqlalchemy import select

from portal.accounts.models import Role
from portal.clock import utcnow
from portal.organisations.models import OrgStatus
from portal.reports.models import Report, ReportState
from portal.vacancies.models import VacancyLocation
from tests.browser.conftest import shot
from tests.browser.test_recruiter_walk import STAFF_VIEWPORT, sign_in

pytestmark = pytest.mark.browser
ADVISER_SECRET = pyotp.random_base32()
COORDINATOR_SECRET = pyotp.random_base32()
TIGRINYA = "ሰራሕተኛታት ብዙሕ ሰዓታት ይሰርሑ"  # "workers work many hours"


def _world(make, db_session):
    region = make.region("Zaanstreek-Waterland")
    zaandam = make.location(region, code="ZDM", name="azc Zaandam")
    make.user(Role.adviser, region=region, email="adviseur@uwv.example", totp_secret=ADVISER_SECRET)
    make.user(Role.coordinator, locations=[zaandam], email="coord@coa.example",
              totp_secret=COORDINATOR_SECRET)
    org = make.organisation(region=region, name="Schoonmaak Snel BV")
    vacancy = make.vacancy(org, locations=[zaandam], title="Schoonmaker kantoren",
                           published_at=utcnow() - timedelta(days=3))
    # The coordinator printed and hung the poster yesterday.
    posting = db_session.scalar(select(VacancyLocation).where(VacancyLocation.vacancy_id == vacancy.id))
    posting.printed_at = utcnow() - timedelta(days=1)
    db_session.commit()
    return org, vacancy


def test_report_suspend_and_take_poster_down(live_server, browser, page, axe_check, make,
                                             db_session, app):
    org, vacancy = _world(make, db_session)
    base = live_server.url
    landing = f"{base}/v/{vacancy.code}/ZDM"

    # The coordinator's board before: the poster hangs, nothing to take down.
    coord_ctx = browser.new_context(viewport=STAFF_VIEWPORT, locale="nl-NL")
    coord = coord_ctx.new_page()
    sign_in(coord, base, "coord@coa.example", COORDINATOR_SECRET)
    coord.goto(f"{base}/prikbord/ZDM")
    expect(coord.locator("h2#weghalen")).to_have_text("Weghalen (0)")
    expect(coord.locator("main")).to_contain_text("Er hoeft niets weg.")

    # 1. the resident opens the vacancy in Tigrinya and follows the link to report it
    page.goto(f"{landing}?lang=ti")
    assert page.locator("html").get_attribute("lang") == "ti"
    link = page.locator(f"main a[href*='/report?vacancy={vacancy.code}']")
    expect(link).to_have_count(1)
    assert "location=ZDM" in link.get_attribute("href")
    link.click()
    page.wait_for_url(re.compile(r".*/report\?.*"))
    assert page.locator("html").get_attribute("lang") == "ti"  # the choice stuck
    assert page.locator("html").get_attribute("dir") == "ltr"
    with app.test_request_context(), force_locale("ti"):
        title_ti = _("Meld een slechte baan")
        sent_ti = _("Bedankt. We hebben je melding.")
    expect(page.locator("h1")).to_have_text(title_ti)
    assert title_ti != "Meld een slechte baan"
    # the form knows which vacancy and which azc: no employer name to type
    expect(page.locator(".report-about")).to_contain_text("Schoonmaker kantoren – Schoonmaak Snel BV")
    assert page.input_value("#location") == "ZDM"
    assert axe_check(page.url) == []

    # 2. tick what happened, write a line in Tigrinya, send
    page.check("#signals-0")  # no contract
    page.check("#signals-5")  # long days
    page.fill("#description", TIGRINYA)
    shot(page, "report-ti")
    page.click("form[action$='/report'] button[type=submit]")
    page.wait_for_url(re.compile(r".*/report/verzonden$"))
    expect(page.locator("h1")).to_have_text(sent_ti)
    code = page.locator("#report-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9-]{6,12}", code)
    report = db_session.scalar(select(Report))
    assert report.code.replace("-", "") == code.replace("-", "")
    assert report.vacancy_id == vacancy.id and report.organisation_id == org.id
    assert report.signals == ["no_contract", "long_days"]
    assert report.ui_language == "ti" and report.description == TIGRINYA

    # 3. the adviser of the region signs in and opens the report from the queue
    adv_ctx = browser.new_context(viewport=STAFF_VIEWPORT, locale="nl-NL")
    adv = adv_ctx.new_page()
    sign_in(adv, base, "adviseur@uwv.example", ADVISER_SECRET)
    adv.goto(f"{base}/adviseur/meldingen")
    row = adv.locator("tr.report-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Schoonmaak Snel BV – Schoonmaker kantoren")
    expect(row).to_contain_text("azc Zaandam")
    state = adv_ctx.storage_state()
    assert axe_check(f"{base}/adviseur/meldingen", storage_state=state, width=1280) == []
    row.locator("a").click()
    adv.wait_for_url(f"{base}/adviseur/meldingen/{report.id}")
    main = adv.locator("main")
    expect(adv.locator("h1")).to_contain_text(report.code)
    expect(main).to_contain_text("Ik kreeg geen contract")
    expect(main).to_contain_text("Ik werk heel lange dagen")
    expect(main).to_contain_text(TIGRINYA)
    shot(adv, "adviser-report")
    assert axe_check(f"{base}/adviseur/meldingen/{report.id}", storage_state=state,
                     width=1280) == []

    # 4. suspend the organisation, with a reason (which is required, so not "optional")
    expect(adv.locator("label[for='org-reason']")).to_have_text("Reden")
    adv.fill("#org-reason", "Meerdere meldingen over werken zonder contract.")
    adv.check("#org-confirm")  # suspending cannot be undone with one click
    adv.click("form[action$='/organisatie-schorsen'] button[type=submit]")
    expect(adv.locator(".flashes")).to_contain_text("De organisatie is geschorst.")
    expect(main).to_contain_text("Organisatie geschorst")
    expect(adv.locator("form[action$='/organisatie-schorsen']")).to_have_count(0)
    db_session.refresh(org)
    assert org.status == OrgStatus.suspended
    assert org.status_reason == "Meerdere meldingen over werken zonder contract."
    db_session.refresh(report)
    assert report.state == ReportState.new  # suspending does not close the report
    adv_ctx.close()

    # 5. the poster's QR code now leads to the friendly closed page: no form, no apply link
    response = page.goto(landing)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "ti"
    with app.test_request_context(), force_locale("ti"):
        closed_ti = _("Deze baan is niet meer open")
    expect(page.locator("h1")).to_have_text(closed_ti)
    expect(page.locator("main form")).to_have_count(0)
    expect(page.locator("main a[href*='/solliciteren']")).to_have_count(0)
    # a bookmarked apply link gets the same page, not a form
    assert page.goto(f"{landing}/solliciteren").status == 200
    expect(page.locator("h1")).to_have_text(closed_ti)
    expect(page.locator("main form")).to_have_count(0)

    # 6. the coordinator's board: take this poster down
    coord.goto(f"{base}/prikbord/ZDM")
    expect(coord.locator("h2#weghalen")).to_have_text("Weghalen (1)")
    down = coord.locator("h2#weghalen ~ ul.board-list li")
    expect(down).to_have_count(1)
    expect(down).to_contain_text("Schoonmaker kantoren")
    expect(down).to_contain_text(vacancy.code)
    expect(coord.locator("main")).to_contain_text("Geen open vacatures.")
    coord_ctx.close()
