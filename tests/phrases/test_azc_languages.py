"""Languages per azc: its coordinator sets the residents' main languages; the resident notice
board offers them first; the posters print the call to action and the phrase lines in them
(at most three besides Dutch and English), shaped for Arabic script and Ethiopic, with the QR
code still decoding at a quarter of print resolution."""
from __future__ import annotations

import re
import unicodedata

from portal.accounts.models import Role
from portal.phrases import catalogue
from portal.posters.pdf import render_vacancy_poster
from portal.posters.phrases import SCAN_TO_APPLY
from portal.posters.services import vacancy_poster
from tests.phrases.conftest import PHRASE_BUILT, tick
from tests.posters.test_pdf import needs_tools, pdf_text, scan

CTA = dict(SCAN_TO_APPLY)


def _logical(words: str) -> str:
    """pdftotext gives Arabic in presentation forms and visual order: back to typed text."""
    plain = re.sub("[\u202a-\u202e\u200e\u200f]", "", unicodedata.normalize("NFKC", words))
    return plain + "\n" + "\n".join(line[::-1] for line in plain.splitlines())


def test_coordinator_sets_the_languages_of_their_azc(client, login, make, azc, db_session):
    coordinator = make.user(Role.coordinator, locations=[azc])
    db_session.commit()
    login(coordinator)
    assert "Talen kiezen" in client.get("/prikbord/ZDM").get_data(as_text=True)
    res = client.post("/prikbord/ZDM/talen", data={"first": "ti", "second": "ar", "third": ""})
    assert res.status_code == 302
    assert azc.main_languages == ("ti", "ar")
    for bad in ({"first": "ar", "second": "ar"}, {"first": "xx"}, {"first": "nl"}):
        assert client.post("/prikbord/ZDM/talen", data=bad).status_code == 422
    assert azc.main_languages == ("ti", "ar")


def test_another_azcs_coordinator_cannot(client, login, make, azc, db_session):
    other = make.user(Role.coordinator, locations=[make.location(code="NYM")])
    db_session.commit()
    login(other)
    assert client.get("/prikbord/ZDM/talen").status_code == 404
    assert client.post("/prikbord/ZDM/talen", data={"first": "ti"}).status_code == 404
    assert azc.main_languages == ()


def test_resident_board_offers_the_azcs_languages_first(client, azc, vacancy, db_session):
    azc.languages = "ti,ar"
    db_session.commit()
    html = client.get("/l/ZDM").get_data(as_text=True)
    row = html.split('<p class="lang-row">')[1].split("</p>")[0]
    assert row.index("ትግርኛ") < row.index("العربية") and "فارسی" not in row


@needs_tools
def test_poster_speaks_the_azcs_languages_and_still_scans(tmp_path, phrase_built, azc,
                                                          db_session):
    azc.languages = "ti,ar"
    db_session.commit()
    data = vacancy_poster(phrase_built, azc)
    assert [code for code, _t in data.cta] == ["nl", "en", "ti", "ar"]
    assert [code for code, _t in data.lines] == ["nl", "en", "ti", "ar"]
    pdf = render_vacancy_poster(data)
    words = _logical(pdf_text(pdf, tmp_path))
    for code in ("nl", "en", "ti", "ar"):
        assert CTA[code] in words, code
    for code in ("fa", "tr", "so"):
        assert CTA[code] not in words, code
    # the job in Tigrinya and Arabic: the phrasebook's title, shaped (Ethiopic is precomposed)
    assert catalogue.gettext("Schoonmaker", "ti") in words
    assert catalogue.gettext("Schoonmaker", "ar") in words
    assert scan(pdf, tmp_path, dpi=38) == [data.url]  # a quarter of 150 dpi


def test_poster_without_azc_languages_keeps_all_seven_calls(phrase_built, make, db_session):
    plain = make.location(code="ALM")
    data = vacancy_poster(phrase_built, plain)
    assert [code for code, _t in data.cta] == [code for code, _t in SCAN_TO_APPLY]
    assert [code for code, _t in data.lines] == ["nl", "en"]


def test_at_most_three_azc_languages_on_a_poster(phrase_built, azc, db_session):
    azc.languages = "ti,ar,fa,so"  # more than the form allows: the poster still stops at three
    data = vacancy_poster(phrase_built, azc)
    assert [code for code, _t in data.cta] == ["nl", "en", "ti", "ar", "fa"]


def test_poster_lines_only_carry_text_really_in_that_language(vacancy, azc, phrasebook,
                                                              db_session):
    azc.languages = "so"
    tick(vacancy, phrasebook, *PHRASE_BUILT[1:3])  # tasks only, no job title from the book
    data = vacancy_poster(vacancy, azc)
    lines = dict(data.lines)
    assert lines["so"] == " ".join(catalogue.gettext(t, "so") for t in (
        "Je maakt kantoren schoon.", "Je maakt toiletten en douches schoon."))
    assert "Hulp in de bakkerij" not in lines["so"]
