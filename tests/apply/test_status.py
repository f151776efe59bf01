"""The private status link: stage in plain words, withdraw, withdraw and erase."""
import pytest
from flask_babel import force_locale, gettext
from markupsafe import escape
from sqlalchemy import select

from portal import db
from portal.applicants.models import ApplicantNote, Application, ApplicationEvent, Stage
from portal.apply.wording import stage_text


@pytest.mark.parametrize("stage, words", [
    (Stage.new, "De werkgever belt je binnen een paar dagen."),
    (Stage.contacted, "De werkgever heeft met je gepraat."),
    (Stage.tour, "Je mag komen kijken op het werk."),
    (Stage.assessment, "De werkgever kijkt of het werk bij je past."),
    (Stage.offer, "De werkgever wil je aannemen."),
    (Stage.hired, "Gefeliciteerd! Je hebt de baan."),
    (Stage.rejected, "Het is deze keer niet gelukt."),
    (Stage.withdrawn, "Je hebt je sollicitatie ingetrokken."),
    (Stage.no_show, "Je kwam niet op de afspraak."),
])
def test_status_page_says_stage_in_plain_words(client, make, vacancy, db_session, stage, words):
    app = make.application(vacancy, stage=stage)
    db_session.commit()
    res = client.get(f"/s/{app.plain_token}?lang=fa")
    html = res.get_data(as_text=True)
    assert res.status_code == 200
    with force_locale("nl"):
        assert words in stage_text(stage)  # the Dutch source says this
    with force_locale("fa"):
        words_fa, withdraw_fa = str(stage_text(stage)), gettext("Trek mijn sollicitatie in")
    assert words not in words_fa  # the Farsi page shows Farsi, not the Dutch source
    assert escape(words_fa) in html
    assert '<html lang="fa" dir="rtl">' in html
    assert f'<p class="lead" lang="nl" dir="ltr">{vacancy.title}</p>' in html
    assert app.reference in html
    assert res.headers["Cache-Control"] == "no-store"
    can_withdraw = stage in (Stage.new, Stage.contacted, Stage.tour, Stage.assessment, Stage.offer)
    assert (escape(withdraw_fa) in html) == can_withdraw


def test_bad_token_is_friendly_404(client, db_session):
    for url in ("/s/not-a-real-token?lang=ar", "/s/x/intrekken", "/s/x/wissen"):
        res = client.post(url) if url.endswith("intrekken") else client.get(url)
        assert res.status_code == 404
    assert 'dir="rtl"' in client.get("/s/nope?lang=ar").get_data(as_text=True)


def test_withdraw_moves_stage_and_records_event(client, make, vacancy, db_session):
    app = make.application(vacancy, stage=Stage.contacted)
    db_session.commit()
    res = client.post(f"/s/{app.plain_token}/intrekken")
    assert res.status_code == 303
    db.session.expire_all()
    assert app.stage == Stage.withdrawn
    event = db.session.scalars(select(ApplicationEvent)).one()
    assert (event.from_stage, event.to_stage, event.actor_id) == (Stage.contacted, Stage.withdrawn, None)
    assert app.name is not None  # withdrawing alone keeps the data
    html = client.get(f"/s/{app.plain_token}").get_data(as_text=True)
    assert "Je hebt je sollicitatie ingetrokken." in html


def test_withdraw_of_ended_application_changes_nothing(client, make, vacancy, db_session):
    app = make.application(vacancy, stage=Stage.hired)
    db_session.commit()
    client.post(f"/s/{app.plain_token}/intrekken")
    db.session.expire_all()
    assert app.stage == Stage.hired


def test_erase_asks_first_then_nulls_personal_data(client, make, vacancy, db_session):
    app = make.application(vacancy, stage=Stage.new, email="a@example.org",
                           experience="bakker", availability="altijd")
    db_session.add(ApplicantNote(application_id=app.id, text="Spreekt goed Engels"))
    db_session.commit()
    confirm = client.get(f"/s/{app.plain_token}/wissen")
    assert confirm.status_code == 200 and "Weet je het zeker?" in confirm.get_data(as_text=True)
    db.session.expire_all()
    assert app.name is not None  # the GET alone erases nothing

    res = client.post(f"/s/{app.plain_token}/wissen")
    assert res.status_code == 303
    db.session.expire_all()
    row = db.session.get(Application, app.id)
    assert (row.name, row.phone, row.email, row.languages, row.experience, row.availability) == \
        (None, None, None, None, None, None)
    assert row.erased_at is not None and row.stage == Stage.withdrawn
    assert row.residence_status is not None and row.ui_language == "ar"  # anonymous counts stay
    assert db.session.scalars(select(ApplicantNote)).all() == []
    html = client.get(f"/s/{app.plain_token}").get_data(as_text=True)
    assert "Je gegevens zijn gewist" in html and "Trek mijn sollicitatie in" not in html
    # a second erase is harmless
    assert client.post(f"/s/{app.plain_token}/wissen").status_code == 303
