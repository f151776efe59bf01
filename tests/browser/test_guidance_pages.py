"""Guidance pages (/hulp/) in real Chromium on a 360 px phone, in Dutch, English and Arabic:
no serious or critical axe findings, the right language and direction on the page, and on
the text when a page falls back to another language."""
from __future__ import annotations

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser

DIRS = {"nl": "ltr", "en": "ltr", "ar": "rtl"}
# (path, language the article is written in, per interface language)
PAGES = {
    "/hulp/": None,
    "/hulp/solliciteren": {"nl": "nl", "en": "en", "ar": "ar"},  # a resident page in 7 languages
    "/hulp/twv-asielzoeker": {"nl": "nl", "en": "en", "ar": "en"},  # employers: nl/en only
}


@pytest.mark.parametrize("lang", ["nl", "en", "ar"])
@pytest.mark.parametrize("path", list(PAGES))
def test_guidance_page_is_accessible(live_server, page, axe_check, path, lang):
    url = f"{live_server.url}{path}?lang={lang}"
    response = page.goto(url)
    assert response.status == 200
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (lang, DIRS[lang])
    if PAGES[path]:
        written_in = PAGES[path][lang]
        article = page.locator("main article")
        assert article.get_attribute("lang") == written_in
        assert article.get_attribute("dir") == DIRS[written_in]
        assert page.locator("main h1").inner_text().strip()
    else:
        assert page.locator("main ul.guide-list > li").count() >= 3
        assert page.locator("main a[href$='/hulp/solliciteren']").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    if lang == "ar" and path == "/hulp/solliciteren":
        shot(page, "guidance-ar")
    assert axe_check(url) == []


def test_guidance_search_results_are_accessible(live_server, page, axe_check):
    url = f"{live_server.url}/hulp/?lang=ar&q=TWV"
    page.goto(url)
    assert page.locator("main ul.guide-list > li").count() >= 1
    assert page.locator("#q").input_value() == "TWV"
    assert axe_check(url) == []
