"""An adviser turns an answer into a FAQ draft for the editors: a database row (source of
truth) plus a Markdown file, downloadable with front matter."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from portal import db
from portal.questions.models import FaqDraft
from tests.questions.helpers import ask, audit, last_question


@pytest.fixture
def answered(client, login, world, app, tmp_path):
    app.config["FAQ_DRAFTS_DIR"] = str(tmp_path / "drafts")
    login(world["member"])
    ask(client, subject="Uren bij oproepcontract",
        body="Mijn medewerker Ahmed heeft een oproepcontract. Hoeveel uren zet ik op de TWV?")
    question = last_question()
    login(world["contact"])
    client.post(f"/adviseur/vragen/{question.id}/antwoord",
                data={"body": "Vraag de TWV aan voor de uren die u echt verwacht."})
    return question


def _drafts():
    db.session.expire_all()
    return list(db.session.scalars(select(FaqDraft).order_by(FaqDraft.id)))


def test_form_is_prefilled_from_the_thread(client, answered):
    page = client.get(f"/adviseur/vragen/{answered.id}/faq").get_data(as_text=True)
    assert "Uren bij oproepcontract" in page
    assert "Vraag de TWV aan voor de uren die u echt verwacht." in page
    assert "persoonsgegevens" in page  # the adviser is asked to remove them


def test_draft_row_file_and_download(client, answered, tmp_path):
    res = client.post(f"/adviseur/vragen/{answered.id}/faq", data={
        "title": "Welke uren zet ik op de TWV bij een oproepcontract?",
        "question_text": "Mijn medewerker heeft een oproepcontract. Hoeveel uren zet ik op de TWV?",
        "answer_text": "Vraag de TWV aan voor de uren die u echt verwacht.",
    })
    assert res.status_code == 302
    [draft] = _drafts()
    assert draft.question_id == answered.id
    expected = (
        "---\n"
        'title: "Welke uren zet ik op de TWV bij een oproepcontract?"\n'
        "language: nl\n"
        "audience: employer\n"
        "last_reviewed:\n"
        "sources: []\n"
        "status: draft\n"
        "---\n"
        "## Vraag\n\n"
        "Mijn medewerker heeft een oproepcontract. Hoeveel uren zet ik op de TWV?\n\n"
        "## Antwoord\n\n"
        "Vraag de TWV aan voor de uren die u echt verwacht.\n"
    )
    files = list((tmp_path / "drafts").glob("*.md"))
    assert [f.name for f in files] == [
        f"{draft.id}-welke-uren-zet-ik-op-de-twv-bij-een-oproepcontract.md"]
    assert files[0].read_text(encoding="utf-8") == expected

    listing = client.get("/adviseur/faq-concepten").get_data(as_text=True)
    assert "Welke uren zet ik op de TWV bij een oproepcontract?" in listing
    dl = client.get(f"/adviseur/faq-concepten/{draft.id}.md")
    assert dl.status_code == 200 and dl.mimetype == "text/markdown"
    assert dl.get_data(as_text=True) == expected
    assert "attachment" in dl.headers["Content-Disposition"]
    assert [e.object_id for e in audit("faq_draft_suggested")] == [draft.id]


def test_front_matter_is_valid_yaml_even_with_quotes(client, answered):
    import yaml

    client.post(f"/adviseur/vragen/{answered.id}/faq", data={
        "title": 'Mag "proefdraaien": ja of nee?', "question_text": "Vraag", "answer_text": "Nee.",
    })
    [draft] = _drafts()
    text = client.get(f"/adviseur/faq-concepten/{draft.id}.md").get_data(as_text=True)
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta == {"title": 'Mag "proefdraaien": ja of nee?', "language": "nl",
                    "audience": "employer", "last_reviewed": None, "sources": [],
                    "status": "draft"}


def test_draft_survives_without_a_writable_folder(client, answered, app, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    app.config["FAQ_DRAFTS_DIR"] = str(blocker / "sub")
    res = client.post(f"/adviseur/vragen/{answered.id}/faq", data={
        "title": "Titel", "question_text": "Vraag", "answer_text": "Antwoord"})
    assert res.status_code == 302
    [draft] = _drafts()
    assert "## Antwoord\n\nAntwoord\n" in client.get(
        f"/adviseur/faq-concepten/{draft.id}.md").get_data(as_text=True)


def test_default_folder_is_in_the_instance_path(client, answered, app):
    from portal.questions.services import drafts_dir

    app.config.pop("FAQ_DRAFTS_DIR")
    assert str(drafts_dir()).endswith("/faq-drafts")
    assert str(drafts_dir()).startswith(app.instance_path)


def test_empty_fields_are_refused(client, answered):
    res = client.post(f"/adviseur/vragen/{answered.id}/faq",
                      data={"title": "", "question_text": "", "answer_text": ""})
    assert res.status_code == 422
    assert _drafts() == []


def test_other_region_cannot_see_or_download_drafts(client, login, world, answered):
    client.post(f"/adviseur/vragen/{answered.id}/faq", data={
        "title": "Titel", "question_text": "Vraag", "answer_text": "Antwoord"})
    [draft] = _drafts()
    login(world["stranger"])
    assert client.get(f"/adviseur/faq-concepten/{draft.id}.md").status_code == 404
    assert "Titel" not in client.get("/adviseur/faq-concepten").get_data(as_text=True)
    login(world["member"])
    assert client.get(f"/adviseur/faq-concepten/{draft.id}.md").status_code == 403
