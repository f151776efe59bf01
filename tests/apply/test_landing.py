"""The QR landing page, the closed page and the notice board."""
from datetime import timedelta

import pytest

from portal.clock import today, utcnow
from portal.organisations.models import OrgStatus
from portal.vacancies.models import VacancyStatus


def test_landing_shows_facts_in_plain_words(client, vacancy, azc):
    res = client.get("/v/abc234/ZDM")
    html = res.get_data(as_text=True)
    assert res.status_code == 200
    assert "24 uur per week" in html
    assert "€ 14,71 per uur" in html
    assert "Een beetje Nederlands (A2)" in html
    assert "Je kunt eerst komen kijken" in html
    assert "Voor asielzoekers en statushouders" in html
    assert "veiligheidsregels" in html
    assert "Zaandam" in html
    assert html.count("<svg") >= 6  # pictograms next to the words
    # the employer's text keeps its own language and direction
    assert '<h1 lang="nl" dir="ltr">Hulp in de bakkerij</h1>' in html
    assert 'action="/v/ABC234/ZDM/solliciteren"' in html  # the first questions lead to the form
    assert "Wat gebeurt er na je sollicitatie?" in html
    assert "<script" not in html


@pytest.mark.parametrize("url", ["/v/ABC234", "/V/ABC234", "/v/abc234", "/V/abc234/zdm",
                                 "/V/ABC234/ZDM", "/v/Abc234/zDm"])
def test_codes_are_case_insensitive(client, vacancy, url):
    res = client.get(url)
    assert res.status_code == 200
    assert "Solliciteer" in res.get_data(as_text=True)


def test_employer_text_in_another_language_is_marked(client, make, azc, db_session):
    make.vacancy(locations=[azc], code="ENG777", title="Warehouse worker", text_language="en")
    db_session.commit()
    html = client.get("/v/ENG777?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html
    assert '<h1 lang="en" dir="ltr">Warehouse worker</h1>' in html
    assert "هذا النص باللغة الإنجليزية." in html  # "This text is in English", in Arabic


def test_unknown_code_is_a_friendly_404(client, db_session):
    res = client.get("/v/NOPE99?lang=ti")
    html = res.get_data(as_text=True)
    assert res.status_code == 404
    assert '<html lang="ti"' in html
    assert 'href="/l/"' in html  # a way to all vacancies


@pytest.mark.parametrize("change", [
    {"status": VacancyStatus.closed}, {"status": VacancyStatus.filled},
    {"status": VacancyStatus.expired}, {"status": VacancyStatus.suspended},
    {"closing_date": "yesterday"}, {"org": OrgStatus.suspended},
])
def test_vacancy_no_longer_open_gets_friendly_page_with_open_ones(client, make, azc, vacancy,
                                                                 db_session, change):
    other = make.vacancy(locations=[azc], code="OPEN77", title="Schoonmaker")
    if "org" in change:
        vacancy.organisation.status = change["org"]
        other.organisation = make.organisation()
    elif change.get("closing_date"):
        vacancy.closing_date = today() - timedelta(days=1)
    else:
        vacancy.status = change["status"]
    db_session.commit()
    for url in ("/v/ABC234", "/v/ABC234/ZDM", "/v/ABC234/solliciteren"):
        res = client.get(url)
        html = res.get_data(as_text=True)
        assert res.status_code == 200, url
        assert "Deze baan is niet meer open" in html
        assert "Schoonmaker" in html and 'href="/v/OPEN77/ZDM"' in html
        assert "<form" not in html
    res = client.post("/v/ABC234/solliciteren", data={"name": "x"})
    assert res.status_code == 200 and "<form" not in res.get_data(as_text=True)


def test_closed_page_uses_location_from_url(client, make, azc, vacancy, db_session):
    elsewhere = make.location(code="PMR", name="azc Purmerend")
    make.vacancy(locations=[elsewhere], code="PUR333", title="Fietsenmaker")
    vacancy.status = VacancyStatus.closed
    db_session.commit()
    html = client.get("/v/ABC234/PMR").get_data(as_text=True)
    assert "Fietsenmaker" in html and "azc Purmerend" in html
    html = client.get("/v/ABC234").get_data(as_text=True)  # falls back to where it was posted
    assert "Fietsenmaker" not in html and "azc Zaandam" in html


def test_board_lists_only_open_vacancies_posted_there_newest_first(client, make, azc, db_session):
    other_azc = make.location(code="NMG")
    old = make.vacancy(locations=[azc], code="OLD111", title="Oude baan",
                       published_at=utcnow() - timedelta(days=5))
    new = make.vacancy(locations=[azc], code="NEW222", title="Nieuwe baan",
                       published_at=utcnow() - timedelta(days=1))
    make.vacancy(locations=[azc], code="CLO333", title="Dichte baan", status=VacancyStatus.closed)
    make.vacancy(locations=[azc], code="DRA444", title="Concept baan", status=VacancyStatus.draft)
    make.vacancy(locations=[azc], code="PAS555", title="Verlopen baan",
                 closing_date=today() - timedelta(days=1))
    make.vacancy(locations=[azc], code="SUS666", title="Geschorste werkgever",
                 organisation=make.organisation(status=OrgStatus.suspended))
    make.vacancy(locations=[other_azc], code="ELS777", title="Andere plek")
    db_session.commit()
    for url in ("/l/ZDM", "/L/zdm"):
        res = client.get(url)
        html = res.get_data(as_text=True)
        assert res.status_code == 200
        assert html.index("Nieuwe baan") < html.index("Oude baan")
        for hidden in ("Dichte baan", "Concept baan", "Verlopen baan", "Geschorste werkgever",
                       "Andere plek"):
            assert hidden not in html
        assert f'href="/v/{new.code}/ZDM"' in html and f'href="/v/{old.code}/ZDM"' in html


def test_unknown_board_is_friendly_404(client, db_session):
    res = client.get("/l/XXX?lang=fa")
    assert res.status_code == 404
    assert 'dir="rtl"' in res.get_data(as_text=True)


def test_boards_index_counts_open_vacancies(client, vacancy, azc):
    html = client.get("/l/").get_data(as_text=True)
    assert 'href="/l/ZDM"' in html and "1 open baan" in html


def test_unknown_location_code_still_shows_the_vacancy(client, vacancy):
    res = client.get("/v/ABC234/GONE")
    assert res.status_code == 200
    assert 'action="/v/ABC234/solliciteren"' in res.get_data(as_text=True)


def test_form_url_is_not_taken_for_a_location_code(client, vacancy):
    html = client.get("/v/ABC234/solliciteren").get_data(as_text=True)
    assert 'name="phone"' in html
