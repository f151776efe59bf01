"""The front page in real Chromium: Arabic at 360 px (the resident path, right to left) and
Dutch at 1280 px (the employer half with figures); JavaScript off, because the page must work
without it; no serious or critical axe findings; no sideways scrolling; screenshots."""
from __future__ import annotations

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser


@pytest.fixture
def world(make, db_session):
    region = make.region("Zaanstad")
    make.location(region=region, code="ZDM", name="azc Zaandam")
    make.vacancy(code="K7M4QX", title="Hulp in de bakkerij")
    db_session.commit()


@pytest.mark.parametrize("lang, width", [("ar", 360), ("nl", 360), ("nl", 1280)])
def test_front_door_works_without_javascript(live_server, browser, axe_check, world, lang, width):
    ctx = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=False)
    page = ctx.new_page()
    url = f"{live_server.url}/?lang={lang}"
    assert page.goto(url).status == 200
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    shot(page, f"front-door-{lang}-{width}")
    # Jobs at my azc: the list unfolds without script and leads to the notice board.
    page.locator("#azc summary").click()
    page.locator("#azc a", has_text="azc Zaandam").click()
    assert page.url.endswith("/l/ZDM")
    # The code from a poster, typed the way people do.
    page.goto(url)
    page.fill("#code-input", "k7m 4qx")
    page.locator("#code button[type=submit]").click()
    assert "/v/K7M4QX" in page.url
    ctx.close()
    assert axe_check(url, width=width) == []
