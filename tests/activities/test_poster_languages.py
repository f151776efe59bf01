"""The call to action of the activity and Werkbalie posters comes from the phrasebook catalogue
(portal/phrases/translations, looked up per language), in the azc's languages plus those the
training is given in; the printed PDF shows it and its QR code opens the sign-up page."""
from __future__ import annotations

import re
import subprocess

import pytest

from portal.activities import poster
from portal.phrases.catalogue import label_in
from tests.conftest import require_or_skip


def _tools() -> None:
    for tool in ("pdftotext", "pdftoppm", "zbarimg"):
        require_or_skip(subprocess.run(["which", tool], capture_output=True).returncode == 0,
                        f"{tool} (poppler-utils / zbar-tools) is not installed")


def test_the_printed_call_to_action_is_the_catalogues_and_the_qr_opens_the_page(
        client, world, login, build, db_session, tmp_path):
    _tools()
    world.azc.languages = "tr,so"  # Latin scripts: pdftotext gives them back letter for letter
    db_session.commit()
    activity = build(languages=["nl", "ar"])
    login(world.coordinator)
    pdf = client.get(f"/activiteiten/{activity.id}/poster.pdf").data
    (tmp_path / "p.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(tmp_path / "p.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    for lang in ("nl", "en", "tr", "so"):
        assert label_in("cta.sign_up", lang) in text, lang
    assert label_in("cta.sign_up", "tr") != label_in("cta.sign_up", "nl")
    # the training is given in Arabic: its line is there too; Tigrinya and Farsi are not
    assert [code for code, _t in poster.activity_poster(activity).call] == [
        "nl", "en", "tr", "so", "ar"]
    # pdftoppm -> PNG, and a phone camera's reading of it
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(tmp_path / "p.pdf"),
                    str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    found = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True,
                           text=True).stdout.split()
    assert len(found) == 1
    path = re.sub(r"^HTTPS?://[^/]+", "", found[0])
    assert path == f"/A/{activity.code}"
    page = client.get(path + "?lang=tr")
    assert page.status_code == 200 and 'id="signup"' in page.text


def test_the_werkbalie_poster_asks_to_book_in_the_azcs_languages(world, db_session):
    world.azc.languages = "ti,ar"
    db_session.commit()
    call = poster.call_in(poster.SCAN_TO_BOOK, world.azc)
    assert call == tuple((code, label_in("cta.book", code)) for code in ("nl", "en", "ti", "ar"))


def test_all_seven_when_the_azc_has_none_set_and_the_trainings_languages_first(world):
    call = poster.call_in(poster.SCAN_TO_SIGN_UP, world.azc, ["nl", "fa"])
    assert [code for code, _t in call] == ["nl", "en", "fa", "ar", "ti", "tr", "so"]


@pytest.mark.parametrize("missing", ["so", "ti"])
def test_a_language_the_catalogue_lacks_is_left_out(world, monkeypatch, missing):
    """A new call to action before the translators had it: never a Dutch line twice."""
    monkeypatch.setattr(poster, "label_in",
                        lambda key, lang: None if lang == missing else label_in(key, lang))
    call = poster.call_in(poster.SCAN_TO_SIGN_UP, world.azc)
    assert missing not in dict(call) and len(call) == 6
    assert len({text for _c, text in call}) == 6
