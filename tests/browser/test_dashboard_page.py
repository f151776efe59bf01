"""The adviser's figures in Chromium: charts drawn, numbers in tables next to them, no
serious or critical axe-core findings; screenshot for a human look."""
from __future__ import annotations

import pyotp
import pytest

from portal import clock
from tests.browser.conftest import shot
from tests.dashboard import scenario
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser


def test_adviser_dashboard_renders_charts_and_is_accessible(live_server, browser, axe_check, make,
                                                            db_session):
    clock.move_to(scenario.NOW)
    world = scenario.build(make)
    db_session.commit()
    adviser = world.adviser_a
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(f"{live_server.url}/inloggen")
    page.fill("#email", adviser.email)
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.fill("#code", pyotp.TOTP(adviser.totp_secret).at(clock.utcnow()))
    page.click("main form button[type=submit]")
    page.goto(f"{live_server.url}/adviseur/cijfers")
    assert page.locator("svg[role=img]").count() >= 2
    assert page.locator("svg[role=img] title").count() >= 2
    assert page.locator("table").count() >= 5  # the numbers are there for screen readers too
    assert "Regio B" not in page.content() or "Regio A" in page.content()
    shot(page, "dashboard-adviser")
    assert axe_check(f"{live_server.url}/adviseur/cijfers", storage_state=ctx.storage_state(),
                     width=1280) == []
    ctx.close()
