"""The hourly wage typed as a Dutch employer types it, in real Chromium at 1280 px: "15,50" is a
text field with a decimal keyboard (a number field turned "15,5" into € 155,00), the statutory
minimum stands next to it, and the saved vacancy shows € 15,50."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from portal.clock import today
from portal.vacancies.models import MinimumWage, Vacancy
from tests.browser.conftest import shot
from tests.browser.test_recruiter_walk import sign_in
from tests.vacancies.conftest import WAGE_ROWS

pytestmark = pytest.mark.browser


def test_dutch_wage_typed_in_chromium_is_stored_and_shown(live_server, browser, make, db_session):
    for valid_from, cents in WAGE_ROWS:
        db_session.add(MinimumWage(valid_from=valid_from, cents_per_hour=cents))
    loc = make.location(code="ZDM", name="azc Zaandam")
    org = make.organisation(name="Bakkerij De Zon")
    make.user(organisation=org, email="jan@bakkerij.example")
    db_session.commit()
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = ctx.new_page()
    base = live_server.url
    sign_in(page, base, "jan@bakkerij.example")
    page.goto(f"{base}/vacatures/nieuw")

    wage = page.locator("#wage_min")
    assert wage.get_attribute("type") == "text" and wage.get_attribute("inputmode") == "decimal"
    expect(page.locator("#wage_min-hint")).to_contain_text("€ 14,71")  # the minimum, next to it
    page.fill("#title", "Hulp in de bakkerij")
    page.fill("#summary", "Je helpt in de bakkerij.")
    page.fill("#city", "Zaandam")
    page.fill("#hours_min", "16")
    page.fill("#hours_max", "24")
    wage.click()
    page.keyboard.type("15,50")  # typed key by key, as a person does
    page.fill("#start_date", (today() + timedelta(days=10)).isoformat())
    page.fill("#closing_date", (today() + timedelta(days=30)).isoformat())
    page.check(f"input[name=location_ids][value='{loc.id}']")
    wage.scroll_into_view_if_needed()
    shot(page, "wage-field-1280")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/vacatures/\d+$"))

    db_session.expire_all()
    assert db_session.scalar(select(Vacancy.wage_min_cents)) == 1550
    expect(page.locator("dl.props")).to_contain_text("€ 15,50")
    shot(page, "wage-saved-1280")
    ctx.close()
