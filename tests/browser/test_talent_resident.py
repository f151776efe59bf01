"""The work profile in real Chromium, in Tigrinya on a 360 px phone without JavaScript: from
the poster address to the form, the private link, renew by a tap, and withdrawal (erased at
once). No serious or critical axe findings, nothing wider than 320 px. Screenshots for a
human look (/work/notes/shots)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal.phrases.services import sync_curated
from portal.talent.models import Profile
from tests.browser.conftest import shot
from tests.browser.test_resident_pages import axe_here

pytestmark = pytest.mark.browser
SHOTS = Path("/work/notes/shots")


@pytest.fixture
def azc(make, db_session):
    found = make.location(code="ZDM", name="azc Zaandam")
    sync_curated()  # the job names a resident can tick
    db_session.commit()
    return found


def _keep(path: Path, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / name)


def test_a_resident_makes_renews_and_withdraws_a_profile_in_tigrinya(
        live_server, browser, azc, db_session):
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True,
                              java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(f"{live_server.url}/P/ZDM?lang=ti")
    html = pg.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ti", "ltr")
    _keep(shot(pg, "talent-form-ti-360"), "talent-form-ti-360.png")
    pg.fill("#name", "ሰላም ተስፋይ")
    pg.fill("#name_latin", "Selam Tesfay")
    pg.fill("#phone", "06 12345678")
    pg.select_option("#lang1", "ti")
    pg.select_option("#level1", "native")
    pg.check("#work-0")
    pg.check("#availability-1")
    pg.fill("#hours_per_week", "24")
    pg.select_option("#travel_minutes", "45")
    pg.check("#residence-1")
    pg.check("#consent")
    with pg.expect_navigation():  # the answer page, not the half-loaded form
        pg.click("#profile button[type=submit]")
    assert "/profiel/" in pg.content()
    _keep(shot(pg, "talent-done-ti-360"), "talent-done-ti-360.png")
    pg.locator("a.link-box").click()
    assert "ሰላም ተስፋይ" in pg.content()
    _keep(shot(pg, "talent-private-ti-360"), "talent-private-ti-360.png")
    private_url = pg.url
    with pg.expect_navigation():
        pg.locator("form[action$='/verlengen'] button").click()
    assert pg.locator(".flash, [role=status]").count() >= 1
    ctx.close()

    checker = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    page = checker.new_page()  # axe-core runs as a script: this context allows it
    for url in ("/p/ZDM?lang=ti", private_url.split("?")[0] + "?lang=ti",
                private_url.split("?")[0] + "/wissen?lang=ti"):
        page.goto(url if url.startswith("http") else live_server.url + url)
        assert axe_here(page) == [], url
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, url
    checker.close()

    narrow = browser.new_context(viewport={"width": 320, "height": 700})
    page = narrow.new_page()
    for url in (f"{live_server.url}/p/ZDM?lang=ti", private_url.split("?")[0] + "?lang=ti"):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
    narrow.close()

    ctx = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True,
                              java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(private_url.split("?")[0] + "/wissen?lang=ti")
    with pg.expect_navigation():
        pg.click("button.button--danger")
    _keep(shot(pg, "talent-erased-ti-360"), "talent-erased-ti-360.png")
    ctx.close()
    db_session.expire_all()
    assert db_session.scalar(select(func.count(Profile.id))) == 0
