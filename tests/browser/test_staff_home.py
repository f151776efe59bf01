"""The adviser's home in Chromium at 1280 and 360 px: the work cards are on the first screen,
the grouped menu fits one line at 1280 px, nothing scrolls sideways at 360 px, no serious or
critical axe-core findings; screenshots for a human look."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import shot
from tests.browser.test_dashboard_page import _signed_in
from tests.home.test_home import world  # noqa: F401  (the same world as the home tests)

pytestmark = pytest.mark.browser
NOTES_SHOTS = Path(__file__).resolve().parents[3] / "notes" / "shots"  # the session's notes


@pytest.mark.parametrize("width", [1280, 360])
def test_adviser_home_shows_the_work_first(live_server, browser, axe_check, world, width):  # noqa: F811
    ctx, page = _signed_in(browser, live_server, world.adviser, width)
    page.goto(f"{live_server.url}/")
    cards = page.locator("section.work")
    assert cards.count() == 6
    first = cards.first.bounding_box()
    assert first is not None and first["y"] < 600  # the work is where the page starts
    if width == 1280:
        items = page.locator("nav.staff-nav > ul > li")
        tops = {round(items.nth(i).bounding_box()["y"]) for i in range(items.count())}
        assert len(tops) == 1, "the menu wraps to a second line"
    else:
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    path = shot(page, f"adviser-home-{width}")
    if NOTES_SHOTS.is_dir():
        (NOTES_SHOTS / path.name).write_bytes(path.read_bytes())
    found = axe_check(f"{live_server.url}/", storage_state=ctx.storage_state(), width=width)
    assert found == [], [n["html"][:200] for v in found for n in v["nodes"]]
    ctx.close()
