"""The recruiter's list filters: a first load, empty or unknown values never show errors and
never put "None" into a link; search by name, phone or reference; client filter."""
from __future__ import annotations

import re

import pytest

ERRORS = re.compile(r'class="field-error"')


@pytest.mark.parametrize("query", [
    "",
    "?stage=&vacancy=&location=&language=&residence=&since=&sort=",
    "?stage=bogus&vacancy=999999&location=x&language=zz&residence=q&since=notadate&sort=zz",
    "?vacancy=None&location=None",
])
def test_filters_without_a_value_or_unknown_show_no_errors(client, login, world, query):
    login(world.member)
    html = client.get("/sollicitanten/" + query).get_data(as_text=True)
    assert not ERRORS.search(html)
    assert "Ongeldige" not in html
    # unknown values are ignored: the whole list shows
    for name in ("Samira Haddad", "Yonas Tesfay", "Reza Ahmadi"):
        assert name in html


def test_no_none_in_filter_values_or_links(client, login, world):
    login(world.member)
    html = client.get("/sollicitanten/").get_data(as_text=True)
    assert 'value="None"' not in html
    assert "=None" not in html
    html = client.get(f"/sollicitanten/?vacancy={world.v1.id}").get_data(as_text=True)
    assert "=None" not in html
    assert f'<option selected value="{world.v1.id}">' in html
