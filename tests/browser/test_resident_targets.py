"""Resident pages in Chromium at 360 px: radio buttons and checkboxes are 40 px touch targets
(GOV.UK size); switching language halfway through a form keeps what was typed, without
JavaScript, and Enter in a field still sends the form; the favicon is there."""
from __future__ import annotations

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser

CODE, LOC = "ABC234", "ZDM"
MIN_TARGET = 40  # px, GOV.UK's radios and checkboxes

TARGETS = """() => [...document.querySelectorAll('main input[type=radio], main input[type=checkbox]')]
  .filter((el) => el.checkVisibility())
  .map((el) => { const r = el.getBoundingClientRect();
                 return {id: el.id, width: r.width, height: r.height}; })"""


@pytest.fixture
def world(make, db_session):
    azc = make.location(code=LOC, name="azc Zaandam")
    make.vacancy(locations=[azc], code=CODE, title="Hulp in de bakkerij",
                 open_to_asylum=True, open_to_status=True)
    db_session.commit()


@pytest.fixture
def new_page(browser):
    contexts = []

    def _new(js: bool = True):
        ctx = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=js,
                                  locale="nl-NL")
        contexts.append(ctx)
        return ctx.new_page()

    yield _new
    for ctx in contexts:
        ctx.close()


@pytest.mark.parametrize("path", [f"/v/{CODE}/{LOC}", f"/v/{CODE}/{LOC}/solliciteren", "/report"])
@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_radios_and_checkboxes_are_40px_targets(live_server, new_page, world, path, lang):
    pg = new_page()
    pg.goto(f"{live_server.url}{path}?lang={lang}")
    targets = pg.evaluate(TARGETS)
    assert targets, "no radio or checkbox on the page: the test would prove nothing"
    small = [t for t in targets if t["width"] < MIN_TARGET or t["height"] < MIN_TARGET]
    assert small == []
    assert pg.evaluate("document.documentElement.scrollWidth") <= 360  # still fits the phone
    if path.endswith("solliciteren") and lang == "ar":
        shot(pg, "apply-targets-ar-360")


def test_switching_language_keeps_what_was_typed_without_javascript(live_server, new_page, world):
    pg = new_page(js=False)
    pg.goto(f"{live_server.url}/v/{CODE}/{LOC}/solliciteren?lang=nl")
    pg.fill("#name", "Samira Haddad")
    pg.fill("#experience", "Drie jaar in een bakkerij")
    pg.check("#residence_status-1")  # status holder
    with pg.expect_navigation():
        pg.locator("nav.lang-picker button[lang=ar]").click()
    assert pg.locator("html").get_attribute("lang") == "ar"
    assert pg.locator("#name").input_value() == "Samira Haddad"
    assert pg.locator("#experience").input_value() == "Drie jaar in een bakkerij"
    # the answered question is kept (shown as one line with a link to change it)
    assert pg.locator("input[name=residence_status]").get_attribute("value") == "status_holder"
    assert pg.locator(".error-summary").count() == 0  # nothing was checked yet
    shot(pg, "apply-switched-to-ar-360")
    # Enter in a field sends the form itself, not the first language button
    with pg.expect_navigation():
        pg.press("#name", "Enter")
    assert pg.locator("html").get_attribute("lang") == "ar"
    assert pg.locator(".error-summary").is_visible()  # the phone number is missing
    assert pg.locator("#name").input_value() == "Samira Haddad"


def test_report_form_keeps_what_was_typed_without_javascript(live_server, new_page, world):
    pg = new_page(js=False)
    pg.goto(f"{live_server.url}/report?lang=ar")
    pg.fill("#description", "يدفع نقداً")
    with pg.expect_navigation():
        pg.locator("nav.lang-picker button[lang=ti]").click()
    assert pg.locator("html").get_attribute("lang") == "ti"
    assert pg.locator("#description").input_value() == "يدفع نقداً"


def test_favicon_is_linked_and_served(live_server, new_page, world):
    pg = new_page()
    pg.goto(f"{live_server.url}/v/{CODE}/{LOC}")
    href = pg.locator("link[rel=icon]").get_attribute("href")
    assert href.startswith("/static/img/favicon.svg?v=")  # versioned: cached for a year
    res = pg.request.get(live_server.url + href)
    assert res.status == 200 and res.headers["content-type"].startswith("image/svg+xml")
