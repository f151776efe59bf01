import re


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
