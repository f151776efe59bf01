import re
from datetime import UTC, date, datetime

from portal import clock
from portal.vacancies.models import MinimumWage


def test_index_lists_resident_pages_in_arabic(client):
    res = client.get("/hulp/?lang=ar&voor=resident")
    html = res.get_data(as_text=True)
    assert res.status_code == 200
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    # the resident page about applying, in Arabic, not the Dutch one
    assert 'href="/hulp/solliciteren"' in html
    assert re.search(r'<li class="card" lang="ar"', html)
    assert "twv-asielzoeker" not in html  # employer page filtered out


def test_search_ranks_title_hits_and_filters_audience(client):
    html = client.get("/hulp/?q=TWV&voor=employer&lang=nl").get_data(as_text=True)
    links = re.findall(r'href="/hulp/([a-z-]+)"', html)
    assert links and links[0] in {"twv-asielzoeker", "cancel-twv"}
    assert "solliciteren" not in links


def test_search_without_hits_says_so(client):
    html = client.get("/hulp/?q=zzzzqqq").get_data(as_text=True)
    assert "Niets gevonden" in html


def test_page_shows_sources_and_last_reviewed(client):
    html = client.get("/hulp/twv-asielzoeker?lang=nl").get_data(as_text=True)
    assert "Bronnen" in html and "https://www.uwv.nl" in html
    assert "Laatst gecontroleerd" in html


def test_machine_translation_is_marked(client):
    html = client.get("/hulp/reba?lang=ti").get_data(as_text=True)
    assert 'lang="ti"' in html
    assert "notice--warning" in html


def test_employer_page_falls_back_to_english_for_arabic_reader(client):
    res = client.get("/hulp/twv-asielzoeker?lang=ar")
    assert res.status_code == 200
    assert '<article lang="en" dir="ltr">' in res.get_data(as_text=True)


def test_unknown_page_404(client):
    assert client.get("/hulp/bestaat-niet").status_code == 404


def test_wage_on_the_page_comes_from_the_wage_table(client, db_session):
    # The same table the vacancy check reads: add a row and the page follows.
    db_session.add_all([MinimumWage(valid_from=date(2026, 1, 1), cents_per_hour=1471),
                        MinimumWage(valid_from=date(2026, 7, 1), cents_per_hour=1499)])
    db_session.commit()
    clock.move_to(datetime(2026, 3, 1, 12, tzinfo=UTC))
    html = client.get("/hulp/minimumloon-en-eerlijk-werk?lang=nl").get_data(as_text=True)
    assert "€ 14,71" in html and "1 januari 2026" in html
    assert "{{" not in html and "€ 14,99" not in html
    clock.move_to(datetime(2026, 7, 1, 12, tzinfo=UTC))
    html = client.get("/hulp/minimumloon-en-eerlijk-werk?lang=en").get_data(as_text=True)
    assert "€ 14,99" in html and "July 1, 2026" in html and "€ 14,71" not in html
    ar = client.get("/hulp/rechten-op-het-werk?lang=ar").get_data(as_text=True)
    assert "\u2066€ 14,99\u2069" in ar  # stays "€ 14,99" inside Arabic text


def test_empty_wage_table_says_unknown_instead_of_braces(client):
    html = client.get("/hulp/minimumloon-en-eerlijk-werk?lang=nl").get_data(as_text=True)
    assert "{{" not in html and "onbekend" in html


def test_page_names_the_reviewing_role_and_dates_its_sources(client):
    html = client.get("/hulp/twv-asielzoeker?lang=nl").get_data(as_text=True)
    assert "Laatst gecontroleerd" in html and "door de redactie van het portaal" in html
    assert re.search(r"https://www\.uwv\.nl[^<]*</a> <span class=\"muted\">\(\d", html)
