"""portal.formatting.parse_money: the one reading of an amount typed by a person."""
from __future__ import annotations

import pytest

from portal.formatting import amount_input, parse_money


@pytest.mark.parametrize("typed, cents", [
    ("15,50", 1550), ("15.50", 1550), ("€ 15,50", 1550), ("15,5", 1550), ("15", 1500),
    ("15,-", 1500), ("€15", 1500), ("15 euro", 1500), ("EUR 14,71", 1471), ("\u00a014,71 ", 1471),
    ("1.250,00", 125000), ("1,250.00", 125000), ("0,05", 5), ("", None), ("   ", None),
])
def test_dutch_and_point_notation(typed, cents):
    assert parse_money(typed) == cents


@pytest.mark.parametrize("typed", [
    "1.250", "1,250",  # thousands point or decimal point: refused rather than guessed
    "15,555", "15 50", "-15", "15,50,1", "1.250.5", ",5", "15,", "1e3", "vijftien", "١٥",
])
def test_unclear_amounts_are_refused(typed):
    with pytest.raises(ValueError):
        parse_money(typed)


def test_what_a_field_shows_back_reads_the_same():
    for cents in (5, 1471, 1550, 125000):
        assert parse_money(amount_input(cents)) == cents
