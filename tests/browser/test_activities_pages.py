"""Activities and the Werkbalie agenda in real Chromium: a resident signs up at 360 px in
Tigrinya, Arabic and Farsi (right-to-left mirrored), and books a desk time; no serious or
critical axe findings, nothing wider than 320 px, no JavaScript needed. The coordinator's
attendance page at tablet width. Screenshots for a human look."""
from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

import pyotp
import pytest

from portal import clock
from portal.accounts.models import Role
from portal.werkbalie import services as desk_services
from tests.activities.conftest import session_data
from tests.browser.conftest import shot
from tests.browser.test_resident_pages import axe_here
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser
SHOTS = Path("/work/notes/shots")
DIRS = {"ti": "ltr", "ar": "rtl", "fa": "rtl", "nl": "ltr"}


@pytest.fixture
def world(make, db_session):
    from datetime import time

    from portal.activities import services

    azc = make.location(code="ZDM", name="azc Zaandam")
    coordinator = make.user(Role.coordinator, locations=[azc])
    activity = services.create(services.ActivityData(
        kind="training", audience="residents", title="Werken in Nederland: werk en cultuur",
        capacity=20, together=True, region_id=azc.region_id, location_id=azc.id,
        languages=["nl", "ti", "ar"], description="Twee middagen over contracten, loon, je rechten "
        "en hoe het gaat op het werk in Nederland.", sessions=[session_data(8), session_data(15)]),
        actor=coordinator)
    first = clock.today() + timedelta(days=2)
    desk_services.publish(desk_services.SeriesData(
        location_id=azc.id, host="UWV werkgeversadviseur", weekday=first.weekday(),
        first_day=first, last_day=first + timedelta(weeks=2), start_time=time(10, 0),
        end_time=time(11, 0), languages=["nl", "ar", "ti"], place="Kamer 3"), actor=coordinator)
    db_session.commit()
    return {"azc": azc, "activity": activity, "coordinator": coordinator}


def _keep(path: Path, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SHOTS / name)


@pytest.mark.parametrize("lang", ["ti", "ar", "fa"])
def test_signing_up_at_360_px(live_server, browser, world, lang):
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True,
                              java_script_enabled=False)
    pg = ctx.new_page()
    code = world["activity"].code
    pg.goto(f"{live_server.url}/A/{code}?lang={lang}")
    assert (pg.locator("html").get_attribute("lang"), pg.locator("html").get_attribute("dir")) == \
        (lang, DIRS[lang])
    path = shot(pg, f"activity-signup-{lang}-360")
    if lang == "ti":
        _keep(path, "activity-signup-ti-360.png")
    pg.fill("#name", "ሰላም ተስፋይ" if lang == "ti" else "سلام")
    pg.fill("#name_latin", "Selam Tesfay")
    pg.fill("#phone", "06 12345678")
    pg.select_option("#azc_location", label="azc Zaandam")
    if lang == "fa":  # not a language of the training: the resident picks one of its three
        pg.check("#language-2")
    with pg.expect_navigation():  # the answer page, not the half-loaded form
        pg.click("#signup button[type=submit]")
    assert "/t/" in pg.content()
    shot(pg, f"activity-done-{lang}-360")
    ctx.close()
    checker = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    page = checker.new_page()
    for url in (f"/a/{code}?lang={lang}", f"/w/ZDM?lang={lang}"):
        page.goto(live_server.url + url)
        assert axe_here(page) == [], url
    checker.close()


def test_nothing_wider_than_320_px(live_server, browser, world):
    ctx = browser.new_context(viewport={"width": 320, "height": 700}, java_script_enabled=True)
    pg = ctx.new_page()
    for url in (f"/a/{world['activity'].code}?lang=ar", "/w/ZDM?lang=ti", "/l/ZDM?lang=fa"):
        pg.goto(live_server.url + url)
        assert pg.evaluate("document.documentElement.scrollWidth") <= 320, url
    ctx.close()


def test_booking_a_desk_time_in_tigrinya(live_server, browser, world):
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True,
                              java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(f"{live_server.url}/w/ZDM?lang=ti")
    pg.locator("main a.button").first.click()
    shot(pg, "werkbalie-book-ti-360")
    pg.fill("#name", "ዳዊት ሃይለ")
    pg.fill("#name_latin", "Dawit Haile")
    pg.fill("#phone", "06 87654321")
    with pg.expect_navigation():  # the answer page, not the half-loaded form
        pg.click("#book button[type=submit]")
    assert "/b/" in pg.content()
    pg.locator("a.link-box").click()
    shot(pg, "werkbalie-status-ti-360")
    status_url = pg.url
    ctx.close()
    checker = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    page = checker.new_page()  # axe-core runs as a script: this context allows it
    page.goto(status_url + "?lang=ti")
    assert axe_here(page) == []
    checker.close()


def test_the_attendance_page_on_a_tablet(live_server, browser, world, make, db_session):
    from portal.activities import signup as signups

    activity = world["activity"]
    for n, (name, latin) in enumerate([("ሰላም ተስፋይ", "Selam Tesfay"), ("أحمد الخطيب", "Ahmad Al-Khatib"),
                                       ("Mariam Haidari", None), ("ዳዊት ሃይለ", "Dawit Haile")]):
        signups.sign_up(activity, activity.pools[0], signups.SignUpData(
            name=name, name_latin=latin, phone=f"+3161200000{n}", language="ti"), ui_language="ti")
    db_session.commit()
    clock.move_to(activity.sessions[0].starts_at + timedelta(minutes=5))
    user = world["coordinator"]
    ctx = browser.new_context(viewport={"width": 800, "height": 1100}, bypass_csp=True,
                              locale="nl-NL")
    pg = ctx.new_page()
    pg.goto(f"{live_server.url}/inloggen")
    pg.fill("#email", user.email)
    pg.fill("#password", PASSWORD)
    with pg.expect_navigation():
        pg.click("main form button[type=submit]")
    pg.fill("#code", pyotp.TOTP(user.totp_secret).at(clock.utcnow()))
    with pg.expect_navigation():
        pg.click("main form button[type=submit]")
    session = activity.sessions[0]
    url = f"{live_server.url}/activiteiten/{activity.id}/sessies/{session.id}/aanwezig"
    pg.goto(url)
    pg.locator("label.tick-choice--attended").first.click()
    pg.locator("label.tick-choice--no_show").nth(1).click()
    _keep(shot(pg, "activity-attendance-800"), "activity-attendance-tablet.png")
    assert axe_here(pg) == []
    with pg.expect_navigation():  # the answer page, not the half-loaded form
        pg.click("form.tick-list button[type=submit]")
    assert "Opgeslagen" in pg.content()
    pg.goto(f"{live_server.url}/activiteiten/{activity.id}/sessies/{session.id}/lijst")
    _keep(shot(pg, "activity-print-list"), "activity-print-list.png")
    ctx.close()
