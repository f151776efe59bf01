"""Staff pages and the CSV show words, not codes: language levels ("Goed", not "good"), the
language of the form ("Arabisch", not "ar"), residence status and stage in Dutch."""
from __future__ import annotations

import csv
import io

from portal.applicants.models import ResidenceStatus


def test_the_applicant_page_shows_levels_and_the_form_language_in_words(client, login, world,
                                                                        db_session):
    world.a2.languages = [{"lang": "ti", "level": "very_good"}, {"lang": "en", "level": "basic"}]
    world.a2.ui_language = "ar"
    db_session.commit()
    login(world.member)
    html = client.get(f"/sollicitanten/{world.a2.id}").get_data(as_text=True)
    assert "Tigrinya (Heel goed)" in html and "Engels (Een beetje)" in html
    assert "very_good" not in html and "(basic)" not in html
    form_language = html.split("Taal van het formulier</dt><dd>")[1].split("</dd>")[0]
    assert form_language == "Arabisch"


def test_the_csv_has_no_codes(client, login, world, db_session):
    world.a1.residence_status = ResidenceStatus.status_holder
    world.a1.languages = [{"lang": "ar", "level": "very_good"}]
    db_session.commit()
    login(world.member)
    text = client.get("/sollicitanten/export.csv").get_data(as_text=True).lstrip("\ufeff")
    cells = [c for row in list(csv.reader(io.StringIO(text), delimiter=";"))[1:] for c in row]
    for code in ("very_good", "status_holder", "asylum_seeker", "contacted"):
        assert code not in cells and not any(f"({code})" in c for c in cells), code
    assert "Statushouder" in cells and any("Arabisch (Heel goed)" in c for c in cells)
