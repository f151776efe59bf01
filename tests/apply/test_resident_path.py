"""The resident's path (issue 13): eligibility asked first, the form keeps what was typed when
the language changes, the status link can be sent to oneself and got again, withdrawing asks
first, and the stage text agrees with a planned tour."""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from sqlalchemy import func, select

from portal import db
from portal.applicants.models import Application, ResidenceStatus, Stage
from portal.notifications.models import OutboxMessage
from portal.tours.models import TourState
from tests.apply.conftest import form_data

VACANCY = "/v/ABC234/ZDM"
URL = VACANCY + "/solliciteren"


def stored() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(Application.id)))


def _html(res) -> str:
    return res.get_data(as_text=True)


# --- eligibility first -------------------------------------------------------------------------

def test_vacancy_page_asks_the_two_questions_before_the_form(client, vacancy):
    html = _html(client.get(VACANCY))
    form = re.search(r'<form method="get" action="/v/ABC234/ZDM/solliciteren"[^>]*>(.*?)</form>',
                     html, re.S)
    assert form, "no eligibility question on the vacancy page"
    assert 'name="residence_status"' in form.group(1) and 'name="procedure"' in form.group(1)
    assert 'name="name"' not in form.group(1)  # nothing personal asked yet
    # every "Solliciteer" button leads to the questions, not past them
    assert 'href="#solliciteer"' in html and 'id="solliciteer"' in html
    assert 'href="/v/ABC234/ZDM/solliciteren"' not in html


def test_apply_form_opened_directly_asks_residence_status_first(client, vacancy):
    html = _html(client.get(URL))
    assert html.index('name="residence_status"') < html.index('name="name"')
    assert html.index('name="procedure"') < html.index('name="phone"')


def test_eligible_answers_carry_into_the_form_and_are_not_asked_again(client, vacancy):
    res = client.get(URL + "?residence_status=asylum_seeker&procedure=yes&lang=nl")
    html = _html(res)
    assert res.status_code == 200
    assert 'type="radio"' not in html  # not asked again
    assert '<input type="hidden" name="residence_status" value="asylum_seeker">' in html
    assert '<input type="hidden" name="procedure" value="yes">' in html
    assert "Ik ben asielzoeker" in html and 'href="/v/ABC234/ZDM#solliciteer"' in html
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    key = re.search(r'name="submission_key" type="hidden" value="([^"]+)"', html).group(1)
    data = form_data(submission_key=key, residence_status="asylum_seeker", procedure="yes")
    res = client.post(URL, data={**data, "csrf_token": token}, csrf=False)
    assert res.status_code == 200 and "Je sollicitatie is verstuurd" in _html(res)
    app = db.session.scalars(select(Application)).one()
    assert app.residence_status == ResidenceStatus.asylum_seeker and app.procedure_long_enough


def test_procedure_too_short_is_told_before_typing_anything(client, make, vacancy, azc, db_session):
    make.vacancy(locations=[azc], code="OTH999", title="Afwasser")
    db_session.commit()
    res = client.get(URL + "?residence_status=asylum_seeker&procedure=no")
    html = _html(res)
    assert res.status_code == 200
    assert "Je kunt hier nu niet solliciteren" in html
    assert 'name="phone"' not in html  # no form to fill in for nothing
    assert "6 maanden" in html and "Werkbalie" in html and "vrijwilligerswerk" in html
    assert 'href="/w/ZDM"' in html  # the azc's Werkbalie agenda, to book a talk
    assert "/v/OTH999" not in html  # no job they cannot take yet
    assert stored() == 0


@pytest.mark.parametrize("status,only_for,offered,not_offered", [
    ("asylum_seeker", "open_to_status", "ASY999", "STA999"),
    ("status_holder", "open_to_asylum", "STA999", "ASY999"),
])
def test_not_eligible_page_offers_only_jobs_they_may_take(client, make, azc, vacancy, db_session,
                                                          status, only_for, offered, not_offered):
    setattr(vacancy, "open_to_asylum" if only_for == "open_to_status" else "open_to_status", False)
    make.vacancy(locations=[azc], code="ASY999", open_to_asylum=True, open_to_status=False)
    make.vacancy(locations=[azc], code="STA999", open_to_asylum=False, open_to_status=True)
    db_session.commit()
    html = _html(client.get(URL + f"?residence_status={status}&procedure=yes"))
    assert "Je kunt hier nu niet solliciteren" in html
    assert f'href="/v/{offered}/ZDM"' in html
    assert f"/v/{not_offered}" not in html
    # the same after the whole form was sent
    html = _html(client.post(URL, data=form_data(residence_status=status)))
    assert f'href="/v/{offered}/ZDM"' in html and f"/v/{not_offered}" not in html


def test_asylum_seeker_without_the_procedure_answer_is_asked_again(client, vacancy):
    res = client.get(URL + "?residence_status=asylum_seeker&lang=ar")
    html = _html(res)
    assert res.status_code == 422
    assert 'class="error-summary"' in html and 'id="procedure-error"' in html
    assert '<html lang="ar" dir="rtl">' in html
    assert 'name="phone"' not in html


def test_vacancy_page_question_keeps_the_language(client, vacancy):
    html = _html(client.get(VACANCY + "?lang=ti"))
    assert '<input type="hidden" name="lang" value="ti">' in html


# --- keep what they typed ----------------------------------------------------------------------

def test_language_buttons_on_the_form_post_it_back_with_what_was_typed(client, vacancy):
    html = _html(client.get(URL + "?lang=nl"))
    assert '<form method="post" action="/v/ABC234/ZDM/solliciteren" id="apply"' in html
    assert re.search(r'<button form="apply" formaction="\?lang=ti" name="switch_lang" value="ti"', html)
    typed = {"name": "Samira Haddad", "phone": "06 1234", "experience": "3 jaar bakkerij\nen koken",
             "residence_status": "asylum_seeker", "procedure": "yes", "lang1": "ar",
             "level1": "good", "keep_one_year": "y", "switch_lang": "ar"}
    res = client.post(URL + "?lang=ar", data=typed)
    page = _html(res)
    assert res.status_code == 200
    assert '<html lang="ar" dir="rtl">' in page
    assert 'value="Samira Haddad"' in page and 'value="06 1234"' in page
    assert "3 jaar bakkerij\nen koken" in page
    assert '<option selected value="ar">' in page
    assert re.search(r'<input [^>]*checked[^>]*id="keep_one_year"', page)
    assert 'class="error-summary"' not in page  # nothing was checked yet
    assert stored() == 0
    # the language sticks for the next page
    assert "العربية" in page and client.get(VACANCY).get_data(as_text=True).startswith(
        '<!doctype html>\n<html lang="ar"')


def test_switching_language_does_not_count_as_an_application(client, vacancy):
    for n in range(8):  # more than the five answered forms a phone may send an hour
        res = client.post(URL + f"?lang={'ar' if n % 2 else 'ti'}",
                          data=form_data(switch_lang="ar"))
        assert res.status_code == 200
    assert stored() == 0
    assert client.post(URL, data=form_data()).status_code == 200
    assert stored() == 1


def test_report_form_keeps_what_was_typed_when_switching_language(client, vacancy):
    html = _html(client.get("/report?vacancy=ABC234&location=ZDM"))
    assert 'id="report"' in html and 'form="report"' in html
    res = client.post("/report?lang=fa", data={
        "vacancy": "ABC234", "signals": ["no_contract", "cash_pay"], "location": "ZDM",
        "description": "Hij betaalt contant.", "contact": "0612345678", "switch_lang": "fa"})
    page = _html(res)
    assert res.status_code == 200 and '<html lang="fa" dir="rtl">' in page
    assert "Hij betaalt contant." in page and 'value="0612345678"' in page
    assert re.search(r'checked[^>]*value="no_contract"|value="no_contract"[^>]*checked', page)
    assert 'class="error-summary"' not in page


# --- the status link ---------------------------------------------------------------------------

def test_success_page_offers_whatsapp_and_sms_to_oneself(client, vacancy):
    html = _html(client.post(URL, data=form_data()))
    status_url = re.search(r'href="(https://werk\.example\.nl/s/[\w-]+)"', html).group(1)
    reference = db.session.scalar(select(Application.reference))
    wa = re.search(r'href="https://wa\.me/\?text=([^"]+)"', html).group(1)
    sms = re.search(r'href="sms:\?body=([^"]+)"', html).group(1)
    assert wa == sms
    text = unquote(wa)
    assert status_url in text and reference in text
    assert re.fullmatch(r"[A-Za-z0-9%._~/-]+", wa)  # one encoded value: no space, & or # left
    assert "<script" not in html


def _outbox() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_lost_link_phone_and_code_send_a_new_link_and_the_old_one_stops(client, make, vacancy,
                                                                        db_session):
    app = make.application(vacancy, email="samira@example.org", phone="+31612345678")
    other = make.application(vacancy, phone="+31687654321")  # no e-mail address
    db_session.commit()
    old = app.plain_token
    answers = {}
    for label, data in (
            ("match", {"phone": "06 12345678", "reference": app.reference.lower()}),
            ("wrong phone", {"phone": "06 11111111", "reference": app.reference}),
            ("unknown code", {"phone": "06 12345678", "reference": "XXXXXXXX"}),
            ("no e-mail", {"phone": "06 87654321", "reference": other.reference})):
        res = client.post("/link-kwijt", data=data)
        assert res.status_code == 200, label
        answers[label] = re.sub(r'value="[^"]*"', "", _html(res))
    assert len(set(answers.values())) == 1  # the page never tells whether anything matched
    mails = _outbox()
    assert len(mails) == 1 and mails[0].to_addr == "samira@example.org" and mails[0].resident
    new = re.search(r"/s/([\w-]+)", mails[0].body).group(1)
    assert new != old
    assert client.get(f"/s/{old}").status_code == 404
    assert client.get(f"/s/{new}").status_code == 200


def test_lost_link_is_limited_per_code(client, make, vacancy, db_session):
    app = make.application(vacancy, email="samira@example.org", phone="+31612345678")
    db_session.commit()
    codes = []
    for n in range(6):
        res = client.post("/link-kwijt", data={"phone": f"06 1234567{n}", "reference": app.reference},
                          environ_base={"REMOTE_ADDR": f"10.0.0.{n}"})
        codes.append(res.status_code)
    assert codes == [200] * 5 + [429]


def test_lost_link_is_reachable_from_the_pages_that_need_it(client, vacancy):
    client.post(URL, data=form_data(key="a"))
    html = _html(client.post(URL, data=form_data(key="b")))  # already applied
    assert 'href="/link-kwijt"' in html
    html = _html(client.get("/link-kwijt?lang=ar"))
    assert '<html lang="ar" dir="rtl">' in html and 'name="reference"' in html


# --- withdraw asks first; the stage text agrees with a tour ------------------------------------

def test_withdraw_is_a_link_to_a_confirmation_not_a_one_tap_button(client, make, vacancy, db_session):
    app = make.application(vacancy, stage=Stage.contacted)
    db_session.commit()
    html = _html(client.get(f"/s/{app.plain_token}"))
    assert "/intrekken" in html
    assert not re.search(r'<form[^>]+action="[^"]*/intrekken"', html)
    confirm = client.get(f"/s/{app.plain_token}/intrekken?lang=ar")
    page = _html(confirm)
    assert confirm.status_code == 200 and confirm.headers["Cache-Control"] == "no-store"
    assert re.search(r'<form method="post" action="/s/[\w-]+/intrekken"', page)
    assert '<html lang="ar" dir="rtl">' in page
    db.session.expire_all()
    assert app.stage == Stage.contacted  # looking at the question changes nothing
    assert client.post(f"/s/{app.plain_token}/intrekken").status_code == 303
    db.session.expire_all()
    assert app.stage == Stage.withdrawn
    # once withdrawn, the confirmation page goes back to the status page
    assert client.get(f"/s/{app.plain_token}/intrekken").status_code == 303


@pytest.mark.parametrize("stage", [Stage.contacted, Stage.tour])
@pytest.mark.parametrize("state", [TourState.confirmed, TourState.requested])
def test_stage_text_agrees_with_a_planned_tour(client, make, vacancy, db_session, stage, state):
    app = make.application(vacancy, stage=stage)
    make.tour(vacancy.organisation, [app], vacancy=vacancy, state=state)
    db_session.commit()
    html = _html(client.get(f"/s/{app.plain_token}?lang=nl"))
    assert "Je bent uitgenodigd om te komen kijken" in html
    assert "De werkgever zegt wanneer" not in html
    assert "De werkgever belt je binnen een paar dagen" not in html
    assert "De afspraak staat hieronder" in html


def test_stage_text_without_a_tour_is_unchanged(client, make, vacancy, db_session):
    app = make.application(vacancy, stage=Stage.tour)
    db_session.commit()
    assert "De werkgever zegt wanneer" in _html(client.get(f"/s/{app.plain_token}?lang=nl"))


# --- favicon and meta descriptions -------------------------------------------------------------

@pytest.mark.parametrize("path", [VACANCY, "/l/ZDM", "/l/", "/report"])
def test_shareable_pages_have_a_description_and_every_page_a_favicon(client, vacancy, path):
    html = _html(client.get(path + "?lang=ar"))
    description = re.search(r'<meta name="description" content="([^"]+)">', html)
    assert description and len(description.group(1)) > 20
    assert re.search(r'<link rel="icon" href="/static/img/favicon\.svg\?v=\w+">', html)


def test_private_pages_link_the_favicon_too(client, vacancy):
    html = _html(client.post(URL, data=form_data()))
    assert '<link rel="icon" href="/static/img/favicon.svg?v=' in html
