"""The adviser's figures in Chromium at 1280 and 360 px: the summary band, the funnel and the
weekly chart on the first screen at 1280 px, charts drawn with their numbers one click away,
no sideways scrolling of the page at 360 px, no serious or critical axe-core findings;
screenshots for a human look."""
from __future__ import annotations

import pyotp
import pytest

from portal import clock
from tests.browser.conftest import shot
from tests.dashboard import scenario
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser
PERIOD = "start=2026-01-05&end=2026-03-15"


def _signed_in(browser, live_server, adviser, width):
    ctx = browser.new_context(viewport={"width": width, "height": 800 if width > 400 else 740})
    page = ctx.new_page()
    page.goto(f"{live_server.url}/inloggen")
    page.fill("#email", adviser.email)
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.fill("#code", pyotp.TOTP(adviser.totp_secret).at(clock.utcnow()))
    page.click("main form button[type=submit]")
    return ctx, page


@pytest.mark.parametrize("width", [1280, 360])
def test_adviser_dashboard_at_a_glance(live_server, browser, axe_check, make, db_session, width):
    clock.move_to(scenario.NOW)
    world = scenario.build(make)
    db_session.commit()
    ctx, page = _signed_in(browser, live_server, world.adviser_a, width)
    page.goto(f"{live_server.url}/adviseur/cijfers?{PERIOD}")
    charts = page.locator("svg[role=img]")
    assert charts.count() >= 5 and page.locator("svg[role=img] > title").count() == charts.count()
    assert page.locator(".band-item").count() == 6
    # Every chart's numbers are one click away.
    page.locator("#kop-funnel ~ details.chart-table summary").click()
    assert page.locator("#tabel-funnel").is_visible()
    if width == 1280:
        # An adviser sees on the first screen whether things improve: band, funnel and trend.
        for selector in (".band", "#kop-funnel", "#kop-trend"):
            box = page.locator(selector).bounding_box()
            assert box is not None and box["y"] < 800, selector
    else:
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0  # wide tables scroll inside their box, not the page
    shot(page, f"dashboard-adviser-{width}")
    found = axe_check(f"{live_server.url}/adviseur/cijfers?{PERIOD}",
                      storage_state=ctx.storage_state(), width=width)
    assert found == [], [n["html"][:200] for v in found for n in v["nodes"]]
    ctx.close()
