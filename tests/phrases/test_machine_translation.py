"""Machine translation, optional and honest, against a local LibreTranslate-compatible server:
vacancy texts are translated in the background by `portal tick` (never while a resident waits),
stored per language and shown as machine translation; a provider that is down, slow or refuses
leaves the employer's text, is asked again later, and never causes a 500 or a lost vacancy."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.applicants.models import Stage
from portal.applicants.services import move
from portal.audit.models import AuditEvent
from portal.phrases import catalogue
from portal.phrases.machine import translate_vacancies
from portal.phrases.models import TextOrigin
from portal.phrases.services import save_text, texts
from portal.translate.models import MachineText
from portal.translate.services import translate_pending
from tests.phrases.libretranslate import fake

OTHERS = ("en", "ar", "ti", "fa", "tr", "so")


def test_tick_translates_vacancy_texts_and_the_page_says_so(app, client, vacancy, libretranslate):
    result = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert result.exit_code == 0, result.output
    assert "vacancy texts machine-translated: 6" in result.output
    rows = texts(vacancy.id)
    assert set(rows) == set(OTHERS) and {r.origin for r in rows.values()} == {TextOrigin.machine}
    # one call per language with title and summary together, with the key, from Dutch
    assert {r["target"] for r in libretranslate.requests} == set(OTHERS)
    assert all(r["source"] == "nl" and r["api_key"] == "test-key" and r["format"] == "text"
               for r in libretranslate.requests)
    html = client.get("/v/ABC234/ZDM?lang=ar").get_data(as_text=True)
    assert fake("Hulp in de bakkerij", "ar") in html
    assert catalogue.label("note.machine", "ar") in html
    assert catalogue.label("note.nl", "ar") not in html
    # a second tick has nothing left to do
    libretranslate.requests.clear()
    assert translate_vacancies(clock.utcnow()) == 0 and libretranslate.requests == []


def test_landing_page_never_calls_the_provider(client, vacancy, libretranslate):
    for lang in ("ar", "ti", "nl"):
        assert client.get(f"/v/ABC234/ZDM?lang={lang}").status_code == 200
    assert libretranslate.requests == []


def test_off_without_a_url(app, vacancy, db_session):
    assert not app.config["TRANSLATE_URL"]
    assert translate_vacancies(clock.utcnow()) == 0
    assert texts(vacancy.id) == {}


@pytest.mark.parametrize("failure", ["down", "slow", "error"])
def test_a_failing_provider_leaves_the_dutch_text_and_is_asked_again_later(
        app, client, vacancy, db_session, failure, request):
    if failure == "down":
        request.getfixturevalue("nobody_listens")
    else:
        server = request.getfixturevalue("libretranslate")
        server.mode = failure  # slow: 3 s against a 1 s timeout; error: HTTP 500
    result = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert result.exit_code == 0, result.output  # reported as nothing done, not as a crash
    rows = texts(vacancy.id)
    # the first language waits with a pause; the others were not even tried (down is down)
    assert [r.origin for r in rows.values()] == [TextOrigin.waiting]
    waiting = next(iter(rows.values()))
    assert waiting.attempts == 1 and waiting.next_attempt_at > clock.utcnow()
    res = client.get("/v/ABC234/ZDM?lang=ar")
    assert res.status_code == 200
    assert catalogue.label("note.nl", "ar") in res.get_data(as_text=True)
    assert "Hulp in de bakkerij" in res.get_data(as_text=True)
    # the provider is back: after the pause the next tick translates everything
    server = (request.getfixturevalue("libretranslate") if failure == "down" else server)
    server.mode = "ok"
    app.config["TRANSLATE_URL"] = server.url
    assert translate_vacancies(clock.utcnow()) == 5  # the waiting one is still pausing
    clock.move_to(clock.utcnow() + timedelta(minutes=3))
    assert translate_vacancies(clock.utcnow()) == 1
    assert {r.origin for r in texts(vacancy.id).values()} == {TextOrigin.machine}


def test_a_refused_language_does_not_stop_the_others(vacancy, libretranslate, db_session):
    libretranslate.refuse = {"ti"}
    assert translate_vacancies(clock.utcnow()) == 5
    rows = texts(vacancy.id)
    assert rows["ti"].origin == TextOrigin.waiting and rows["ti"].attempts == 1
    assert rows["ar"].origin == TextOrigin.machine


def test_a_wrong_key_is_refused_and_nothing_is_stored_as_translated(app, vacancy,
                                                                   libretranslate):
    app.config["TRANSLATE_KEY"] = "wrong"
    assert translate_vacancies(clock.utcnow()) == 0
    assert {r.origin for r in texts(vacancy.id).values()} == {TextOrigin.waiting}


def test_a_changed_dutch_text_is_translated_again_a_typed_one_never_overwritten(
        vacancy, member, libretranslate, db_session):
    save_text(vacancy, "ar", "مساعد في المخبز", "", "", member)
    assert translate_vacancies(clock.utcnow()) == 5  # Arabic is a person's text
    vacancy.summary = "Je bakt brood en je verkoopt het."
    db_session.flush()
    assert translate_vacancies(clock.utcnow()) == 5
    rows = texts(vacancy.id)
    assert rows["ar"].title == "مساعد في المخبز" and rows["ar"].origin == TextOrigin.typed
    assert rows["fa"].summary == fake("Je bakt brood en je verkoopt het.", "fa")


# --------------------------------------------------------------------------- messages


@pytest.fixture
def applicant(make, vacancy, member, db_session):
    app_ = make.application(vacancy, stage=Stage.new, ui_language="ti", email="r@example.org")
    db_session.commit()
    return app_


def _mail_body(db_session):
    from portal.notifications.models import OutboxMessage

    return db_session.scalars(select(OutboxMessage.body).order_by(OutboxMessage.id.desc())).first()


def test_message_mail_is_in_the_residents_language_and_says_the_message_is_dutch(
        applicant, member, db_session):
    move(applicant, Stage.contacted, actor=member, message="Kom maandag om 9 uur langs.")
    body = _mail_body(db_session)
    assert catalogue.label("note.message_nl", "ti") in body
    assert "Kom maandag om 9 uur langs." in body
    assert catalogue.label("note.machine", "ti") not in body  # the provider is off


def test_message_is_machine_translated_in_mail_and_on_the_status_page(
        client, applicant, member, libretranslate, db_session):
    move(applicant, Stage.contacted, actor=member, message="Kom maandag om 9 uur langs.")
    db_session.commit()
    body = _mail_body(db_session)
    assert fake("Kom maandag om 9 uur langs.", "ti") in body
    assert catalogue.label("note.machine", "ti") in body
    page = client.get(f"/s/{applicant.plain_token}?lang=ti").get_data(as_text=True)
    assert fake("Kom maandag om 9 uur langs.", "ti") in page
    assert catalogue.label("note.message_nl", "ti") in page


def test_message_with_the_provider_down_goes_out_in_dutch_and_is_translated_later(
        app, client, applicant, member, nobody_listens, db_session, request):
    move(applicant, Stage.contacted, actor=member, message="Neem je paspoort mee.")
    db_session.commit()  # no 500, nothing lost: the mail is queued with the Dutch text
    assert "Neem je paspoort mee." in _mail_body(db_session)
    server = request.getfixturevalue("libretranslate")
    clock.move_to(clock.utcnow() + timedelta(minutes=5))
    assert translate_pending(clock.utcnow()) == 1
    db_session.commit()
    page = client.get(f"/s/{applicant.plain_token}?lang=ti").get_data(as_text=True)
    assert fake("Neem je paspoort mee.", "ti") in page
    assert server.requests


def test_one_message_to_many_is_translated_once(make, vacancy, member, libretranslate,
                                                db_session):
    apps = [make.application(vacancy, ui_language="ar", email=f"r{n}@example.org")
            for n in range(5)]
    for app_ in apps:
        move(app_, Stage.contacted, actor=member, message="Bedankt voor je sollicitatie.")
    assert len(libretranslate.requests) == 1


def test_erasing_an_application_erases_its_machine_translations(applicant, member,
                                                                libretranslate, db_session):
    from portal.apply.housekeeping import erase_personal_data

    move(applicant, Stage.contacted, actor=member, message="Tot maandag.")
    assert db_session.scalar(select(func.count()).select_from(MachineText)) == 1
    erase_personal_data(applicant, clock.utcnow())
    assert db_session.scalar(select(func.count()).select_from(MachineText)) == 0


# --------------------------------------------------------------------------- staff "translate"


def test_staff_read_a_residents_own_words_by_machine_translation(client, login, applicant,
                                                                 member, libretranslate,
                                                                 db_session):
    applicant.experience = "ሰለስተ ዓመት ኣብ መስርሒ ባኒ"
    db_session.commit()
    login(member)
    detail = client.get(f"/sollicitanten/{applicant.id}").get_data(as_text=True)
    assert f"/sollicitanten/{applicant.id}/vertaling" in detail
    res = client.get(f"/sollicitanten/{applicant.id}/vertaling")
    assert res.status_code == 200 and res.headers["Cache-Control"].startswith("no-store")
    html = res.get_data(as_text=True)
    assert fake("ሰለስተ ዓመት ኣብ መስርሒ ባኒ", "nl") in html and "Machinevertaling" in html
    assert libretranslate.requests[-1]["source"] == "auto"
    assert db_session.scalar(select(func.count()).select_from(MachineText)) == 0  # not stored
    assert db_session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "application_translated")) == 1


def test_staff_translate_page_with_the_provider_down_says_so(client, login, applicant, member,
                                                             nobody_listens, db_session):
    applicant.experience = "ثلاث سنوات في مخبز"
    db_session.commit()
    login(member)
    res = client.get(f"/sollicitanten/{applicant.id}/vertaling")
    assert res.status_code == 200
    assert "Vertalen lukt nu niet" in res.get_data(as_text=True)


def test_no_translate_link_without_a_provider(client, login, applicant, member, db_session):
    applicant.experience = "ثلاث سنوات في مخبز"
    db_session.commit()
    login(member)
    assert "/vertaling" not in client.get(f"/sollicitanten/{applicant.id}").get_data(as_text=True)
