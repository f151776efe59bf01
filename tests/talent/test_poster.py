"""The azc's poster "Tell us what work you want": its call to action comes from the phrasebook
catalogue (cta.tell_work, as the activity and Werkbalie posters' do), in the azc's languages;
the printed PDF shows those lines and its QR code opens the profile form with the azc chosen."""
from __future__ import annotations

import re

from portal.phrases.catalogue import label_in
from portal.talent import poster
from tests.posters.test_pdf import needs_tools, pdf_text, scan


def test_the_call_to_action_is_in_the_catalogue_in_every_language():
    texts = {lang: label_in(poster.SCAN_TO_TELL, lang)
             for lang in ("nl", "en", "ar", "ti", "fa", "tr", "so")}
    assert all(texts.values())
    assert len(set(texts.values())) == 7  # no language falls back to another's line


@needs_tools
def test_the_printed_poster_shows_the_call_and_its_qr_opens_the_form(client, login, world,
                                                                    db_session, tmp_path):
    world.azc.languages = "tr,so"  # Latin scripts: pdftotext gives them back letter for letter
    db_session.commit()
    assert [code for code, _t in poster.profile_poster(world.azc, 6).call] == [
        "nl", "en", "tr", "so"]
    login(world.coordinator)
    res = client.get(f"/talent/balie/{world.azc.code}/poster.pdf")
    assert res.status_code == 200 and res.mimetype == "application/pdf"
    flat = " ".join(pdf_text(res.data, tmp_path).split())  # a long line may wrap
    for lang in ("nl", "en", "tr", "so"):
        assert label_in("cta.tell_work", lang) in flat, lang
    # pdftoppm -> PNG, and a phone camera's reading of it (zbarimg)
    found = scan(res.data, tmp_path, dpi=100)
    assert len(found) == 1
    path = re.sub(r"^HTTPS?://[^/]+", "", found[0])
    assert path == f"/P/{world.azc.code}"
    page = client.get(path + "?lang=ti")
    assert page.status_code == 200 and 'name="consent"' in page.text
    assert f'<option selected value="{world.azc.id}">' in page.text
