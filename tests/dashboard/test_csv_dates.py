"""Dashboard CSV files sort: weeks are ISO dates there, words on the page."""
from __future__ import annotations

import csv
import io
import re

PERIOD = "start=2026-01-05&end=2026-03-15"


def test_weekly_tables_have_iso_weeks_in_csv_and_words_on_the_page(client, login, world):
    login(world.adviser_a)
    text = client.get(f"/adviseur/cijfers?{PERIOD}&format=csv&table=applications_weekly").text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))[1:]
    weeks = [row[0] for row in rows]
    assert weeks and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", w) for w in weeks)
    assert weeks == sorted(weeks) and weeks[0] == "2026-01-05"  # the Monday of each week
    html = client.get(f"/adviseur/cijfers?{PERIOD}").text
    assert "week van 5 jan 2026" in html
