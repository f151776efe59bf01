"""Asking, routing to the contact adviser, taking over, answering, mails, access."""
from __future__ import annotations

import pytest

from portal.accounts.models import Role
from portal.notifications.services import send_pending
from portal.questions.models import QuestionState
from tests.questions.helpers import ask, audit, last_question, reload


def test_new_question_goes_to_the_contact_adviser_by_mail(client, login, world, mails):
    login(world["member"])
    res = ask(client, subject="TWV voor nieuwe collega")
    question = last_question()
    assert res.status_code == 302 and res.headers["Location"].endswith(f"/vragen/{question.id}")
    assert question.adviser_id == world["contact"].id
    assert question.organisation_id == world["org"].id
    assert question.state == QuestionState.open and question.waiting_since is not None
    send_pending()
    assert [m["To"] for m in mails] == ["contact@uwv.example"]
    body = mails[0].get_content()
    assert f"https://werk.example.nl/adviseur/vragen/{question.id}" in body
    assert "TWV voor nieuwe collega" in mails[0]["Subject"]
    # The question text stays behind sign-in.
    assert "Hoe vraag ik een TWV aan?" not in body


def test_without_contact_adviser_every_adviser_of_the_region_is_told(
        client, login, make, db_session, world, mails):
    org = make.organisation(region=world["region"], adviser=None)
    member = make.user(organisation=org)
    db_session.commit()
    login(member)
    ask(client)
    assert last_question().adviser_id is None
    send_pending()
    assert sorted(m["To"] for m in mails) == ["collega@uwv.example", "contact@uwv.example"]


def test_member_sees_own_thread_and_list(client, login, world):
    login(world["member"])
    ask(client, subject="Reba vraag", body="Hoeveel betaalt mijn werknemer aan COA?")
    question = last_question()
    page = client.get(f"/vragen/{question.id}").get_data(as_text=True)
    assert "Hoeveel betaalt mijn werknemer aan COA?" in page
    assert "Reba vraag" in client.get("/vragen/").get_data(as_text=True)


def test_colleague_takes_over_and_answers(client, login, world, mails):
    login(world["member"])
    ask(client)
    question = last_question()
    login(world["colleague"])
    page = client.get(f"/adviseur/vragen/{question.id}").get_data(as_text=True)
    assert "Vraag overnemen" in page
    res = client.post(f"/adviseur/vragen/{question.id}/overnemen")
    assert res.status_code == 302
    assert reload(question).adviser_id == world["colleague"].id
    [event] = audit("question_taken_over")
    assert event.detail == {"from_adviser_id": world["contact"].id,
                            "to_adviser_id": world["colleague"].id}
    # The colleague now gets the member's next message, not the original contact.
    mails.clear()
    send_pending()
    mails.clear()
    login(world["member"])
    client.post(f"/vragen/{question.id}", data={"body": "Nog een vraag."})
    send_pending()
    assert [m["To"] for m in mails] == ["collega@uwv.example"]


def test_answer_mails_the_asker_with_a_link_and_marks_answered(client, login, world, mails):
    login(world["member"])
    ask(client, subject="Proefdag")
    question = last_question()
    send_pending()
    mails.clear()
    login(world["contact"])
    res = client.post(f"/adviseur/vragen/{question.id}/antwoord",
                      data={"body": "Een onbetaalde proefperiode mag niet."})
    assert res.status_code == 302
    question = reload(question)
    assert question.state == QuestionState.answered
    assert question.first_answered_at is not None and question.waiting_since is None
    send_pending()
    assert [m["To"] for m in mails] == ["baas@zon.example"]
    assert "Proefdag" in mails[0]["Subject"]
    body = mails[0].get_content()
    assert f"https://werk.example.nl/vragen/{question.id}" in body
    assert "onbetaalde proefperiode" not in body
    login(world["member"])
    assert "Een onbetaalde proefperiode mag niet." in client.get(
        f"/vragen/{question.id}").get_data(as_text=True)


def test_reply_after_answer_waits_again_and_first_answer_time_stays(client, login, world):
    login(world["member"])
    ask(client)
    question = last_question()
    login(world["contact"])
    client.post(f"/adviseur/vragen/{question.id}/antwoord", data={"body": "Zie de hulp."})
    first = reload(question).first_answered_at
    login(world["member"])
    client.post(f"/vragen/{question.id}", data={"body": "Dank, en de uren?"})
    question = reload(question)
    assert question.state == QuestionState.open and question.waiting_since is not None
    login(world["contact"])
    client.post(f"/adviseur/vragen/{question.id}/antwoord", data={"body": "Max 40."})
    assert reload(question).first_answered_at == first


def test_empty_answer_is_refused_next_to_the_field(client, login, world):
    login(world["member"])
    ask(client)
    question = last_question()
    login(world["contact"])
    res = client.post(f"/adviseur/vragen/{question.id}/antwoord", data={"body": "   "})
    assert res.status_code == 422
    assert "Schrijf uw antwoord." in res.get_data(as_text=True)
    assert reload(question).state == QuestionState.open


def test_empty_question_is_refused(client, login, world):
    login(world["member"])
    res = ask(client, subject="", body="")
    assert res.status_code == 422
    page = res.get_data(as_text=True)
    assert "Schrijf waar uw vraag over gaat." in page and "Schrijf uw vraag." in page
    assert last_question() is None


def test_vacancy_of_another_organisation_cannot_be_linked(client, login, make, db_session, world):
    foreign = make.vacancy(world["other_org"])
    own = make.vacancy(world["org"], title="Bakker")
    db_session.commit()
    login(world["member"])
    assert ask(client, vacancy=str(foreign.id)).status_code == 422
    assert last_question() is None
    ask(client, vacancy=str(own.id))
    assert last_question().vacancy_id == own.id


def test_member_closes_and_reply_reopens(client, login, world):
    login(world["member"])
    ask(client)
    question = last_question()
    client.post(f"/vragen/{question.id}/sluiten")
    assert reload(question).state == QuestionState.closed
    client.post(f"/vragen/{question.id}", data={"body": "Toch nog iets."})
    assert reload(question).state == QuestionState.open


# --- access -----------------------------------------------------------------------------

@pytest.fixture
def asked(client, login, world):
    login(world["member"])
    ask(client, subject="Geheim onderwerp")
    return last_question()


@pytest.mark.parametrize("method,path", [
    ("get", "/vragen/{id}"), ("post", "/vragen/{id}"), ("post", "/vragen/{id}/sluiten"),
])
def test_member_of_other_organisation_gets_404(client, login, world, asked, method, path):
    login(world["other_member"])
    res = getattr(client, method)(path.format(id=asked.id), data={"body": "x"})
    assert res.status_code == 404
    assert "Geheim onderwerp" not in client.get("/vragen/").get_data(as_text=True)
    assert reload(asked).state == QuestionState.open


@pytest.mark.parametrize("method,path", [
    ("get", "/adviseur/vragen/{id}"), ("post", "/adviseur/vragen/{id}/antwoord"),
    ("post", "/adviseur/vragen/{id}/overnemen"), ("post", "/adviseur/vragen/{id}/sluiten"),
    ("get", "/adviseur/vragen/{id}/faq"),
])
def test_adviser_of_other_region_gets_404(client, login, world, asked, method, path):
    login(world["stranger"])
    res = getattr(client, method)(path.format(id=asked.id), data={"body": "x"})
    assert res.status_code == 404
    assert "Geheim onderwerp" not in client.get("/adviseur/vragen").get_data(as_text=True)
    assert reload(asked).adviser_id == world["contact"].id


def test_admin_sees_every_region(client, login, make, db_session, world, asked):
    admin = make.user(Role.admin)
    db_session.commit()
    login(admin)
    assert client.get(f"/adviseur/vragen/{asked.id}").status_code == 200


def test_members_cannot_open_the_adviser_inbox(client, login, world):
    login(world["member"])
    assert client.get("/adviseur/vragen").status_code == 403


def test_anonymous_is_sent_to_sign_in(client, world):
    assert client.get("/vragen/").status_code == 302
    assert client.get("/adviseur/vragen").status_code == 302
