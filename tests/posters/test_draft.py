"""A draft vacancy's poster must not look real: it is printed with CONCEPT marks, its QR code
still scans, and scanning it says the job is not yet open (never "no longer open")."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from portal.posters.pdf import render_vacancy_poster
from portal.vacancies.models import VacancyStatus
from tests.posters.test_pdf import needs_tools, pdf_text, poster, scan


@pytest.fixture
def member_with_vacancies(make, db_session):
    azc = make.location(code="ZDM", name="azc Zaandam")
    member = make.user(organisation=make.organisation(name="Bakkerij De Zon"))
    draft = make.vacancy(member.organisation, locations=[azc], code="DRF234",
                         title="Hulp in de bakkerij", status=VacancyStatus.draft, published_at=None)
    live = make.vacancy(member.organisation, locations=[azc], code="PUB234", title="Inpakker")
    db_session.commit()
    return member, draft, live


@needs_tools
def test_draft_poster_says_concept_and_its_qr_still_scans(tmp_path):
    words = pdf_text(render_vacancy_poster(poster(draft=True)), tmp_path)
    assert "CONCEPT – niet ophangen" in words and "DRAFT – do not post" in words
    # the band and the big mark across the page (rotated: pdftotext -raw reads it as a word)
    assert pdf_text(render_vacancy_poster(poster(draft=True)), tmp_path, "-raw").count("CONCEPT") >= 2
    assert "geldig tot" not in words  # a draft has no validity to promise
    assert scan(render_vacancy_poster(poster(draft=True)), tmp_path, dpi=40) == [poster().url]
    assert "CONCEPT" not in pdf_text(render_vacancy_poster(poster()), tmp_path)


@needs_tools
def test_member_prints_a_draft_and_scanning_it_says_not_yet_open(
        client, login, member_with_vacancies, tmp_path):
    member, draft, live = member_with_vacancies
    login(member)
    res = client.get(f"/vacatures/{draft.id}/poster/ZDM.pdf")
    assert res.status_code == 200
    assert "CONCEPT" in pdf_text(res.data, tmp_path)
    [url] = scan(res.data, tmp_path)
    # the phone opens what the QR code says (upper case, as printed)
    page = client.get(urlsplit(url).path + "?lang=nl")
    html = page.get_data(as_text=True)
    assert "Deze baan is nog niet open" in html
    assert "niet meer open" not in html
    assert draft.title not in html  # the employer's unfinished text is not public
    # a published vacancy's poster has no such mark
    printed = client.get(f"/vacatures/{live.id}/poster/ZDM.pdf")
    assert "CONCEPT" not in pdf_text(printed.data, tmp_path)
