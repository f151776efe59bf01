"""The vacancy cards on the azc boards (and the 'other jobs' lists): the hours read 24–38 on
Arabic and Farsi pages too (a left-to-right isolate), and the wage says 'per hour' with one €
sign (no euro pictogram in front of the amount)."""
from __future__ import annotations

import re

import pytest

from portal.formatting import LRI, PDI, number_range


@pytest.fixture
def board(make, db_session):
    azc = make.location(code="ZDM", name="azc Zaandam")
    make.vacancy(locations=[azc], code="CRD001", title="Inpakker", hours_min=24, hours_max=38,
                 wage_min_cents=1525)
    make.vacancy(locations=[azc], code="CRD002", title="Schoonmaker", hours_min=32,
                 hours_max=32, wage_min_cents=1471)
    db_session.commit()
    return azc


def _card(html: str, code: str) -> str:
    return html.split(f"/v/{code}/")[1].split("</li>")[0]


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_hours_stay_left_to_right_on_rtl_cards(client, board, lang):
    html = client.get(f"/l/ZDM?lang={lang}").get_data(as_text=True)
    assert 'dir="rtl"' in html
    card = _card(html, "CRD001")
    assert f"{LRI}24–38{PDI}" in card  # one isolated run: the dash cannot flip it to 38–24
    assert f"{LRI}€ 15,25{PDI}" in card  # the amount in one piece too


def test_the_wage_says_per_hour_with_one_euro_sign(client, board):
    html = client.get("/l/ZDM?lang=nl").get_data(as_text=True)
    card = _card(html, "CRD001")
    assert "24–38 uur" in card and "€ 15,25 per uur (bruto)" in card
    assert "#i-euro" not in card and not re.search(r"€\s*(<[^>]+>\s*)*€", card)
    assert "32 uur" in _card(html, "CRD002")  # one number when min and max are the same
    arabic = _card(client.get("/l/ZDM?lang=ar").get_data(as_text=True), "CRD001")
    assert "في الساعة" in arabic and "per uur" not in arabic  # "per hour", translated


def test_number_range_outside_a_page_has_no_isolates():
    assert number_range(24, 38) == "24–38" and number_range(32, 32) == "32"
