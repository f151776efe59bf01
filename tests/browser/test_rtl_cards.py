"""What an Arabic reader sees on an azc board in Chromium at 360 px: the hours of a card read
24–38 from left to right (measured on screen, not in the HTML), and the wage has one € sign."""
from __future__ import annotations

import pytest

from tests.browser.conftest import shot

pytestmark = pytest.mark.browser

# The screen position of the first occurrence of `needle` in the card's hours line.
POSITION = """([code, needle]) => {
  const line = document.querySelector(`a[href*="/v/${code}/"]`).closest('li').querySelector('p.muted');
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(needle);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at); range.setEnd(node, at + needle.length);
      return range.getBoundingClientRect().left;
    }
  }
  return null;
}"""


def test_arabic_card_hours_read_left_to_right(live_server, page, make, db_session):
    azc = make.location(code="ZDM", name="azc Zaandam")
    make.vacancy(locations=[azc], code="CRD001", title="Inpakker", hours_min=24, hours_max=38,
                 wage_min_cents=1525)
    db_session.commit()
    page.goto(f"{live_server.url}/l/ZDM?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    left_24 = page.evaluate(POSITION, ["CRD001", "24"])
    left_38 = page.evaluate(POSITION, ["CRD001", "38"])
    assert left_24 is not None and left_38 is not None
    assert left_24 < left_38  # "24–38" on screen, not "38–24"
    line = page.locator("a[href*='/v/CRD001/']").locator("xpath=ancestor::li").locator("p.muted")
    assert line.inner_text().count("€") == 1
    shot(page, "arabic-board-card-360")
