"""What the portal sends or shows a resident about their application speaks their language:
the job's name, the tour and its instructions (machine-translated when the provider is on,
marked as Dutch otherwise), the confirmation mail."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal import clock
from portal.applicants.models import Stage
from portal.notifications.models import OutboxMessage
from portal.phrases import catalogue
from portal.tours.models import TourState
from portal.tours.services import TourData, propose, send_reminders
from portal.translate.services import translate_pending
from tests.apply.conftest import form_data
from tests.phrases.libretranslate import fake


@pytest.fixture
def applicant(make, phrase_built, db_session):
    app_ = make.application(phrase_built, stage=Stage.contacted, ui_language="ti",
                            email="r@example.org")
    db_session.commit()
    return app_


def _tour(applicant, member_of):
    data = TourData(starts_at=clock.utcnow() + timedelta(hours=30), duration_minutes=60,
                    address="Provincialeweg 102, Zaandam", capacity=4,
                    meeting_point="Bij de receptie", what_to_bring="Je W-document")
    return propose(applicant.vacancy.organisation, [applicant], data, actor=member_of)


def test_status_page_names_the_job_in_the_residents_language(client, applicant):
    html = client.get(f"/s/{applicant.plain_token}?lang=ti").get_data(as_text=True)
    assert f'<p class="lead" lang="ti" dir="ltr">{catalogue.gettext("Schoonmaker", "ti")}</p>' in html
    assert "Schoonmaker kantoren" not in html


def test_tour_instructions_are_marked_dutch_and_translated_when_on(
        client, make, applicant, libretranslate, db_session):
    member = make.user(organisation=applicant.vacancy.organisation)
    tour = _tour(applicant, member)
    tour.state = TourState.confirmed
    db_session.commit()
    page = client.get(f"/s/{applicant.plain_token}?lang=ti").get_data(as_text=True)
    assert "Bij de receptie" in page and catalogue.label("note.nl", "ti") in page
    assert fake("Bij de receptie", "ti") not in page  # not made yet: the page never asks
    assert translate_pending(clock.utcnow()) == 2  # meeting point and what to bring
    db_session.commit()
    page = client.get(f"/s/{applicant.plain_token}?lang=ti").get_data(as_text=True)
    assert fake("Bij de receptie", "ti") in page and fake("Je W-document", "ti") in page
    assert catalogue.label("note.machine", "ti") in page
    # and the reminder the day before, in Tigrinya, with the job's name in Tigrinya
    assert send_reminders(clock.utcnow()) == 1
    body = db_session.scalars(select(OutboxMessage.body).where(
        OutboxMessage.kind == "tours/mail_reminder.txt")).one()
    assert catalogue.gettext("Schoonmaker", "ti") in body
    assert fake("Bij de receptie", "ti") in body and "Bij de receptie" in body


def test_tour_instructions_without_a_provider_are_marked_dutch(client, make, applicant,
                                                               db_session):
    member = make.user(organisation=applicant.vacancy.organisation)
    _tour(applicant, member)
    db_session.commit()
    page = client.get(f"/s/{applicant.plain_token}?lang=ar").get_data(as_text=True)
    assert catalogue.label("note.nl", "ar") in page
    assert catalogue.label("note.machine", "ar") not in page


def test_confirmation_mail_names_the_job_in_the_language_used_to_apply(client, phrase_built,
                                                                       mails, db_session):
    res = client.post("/v/PHR234/ZDM/solliciteren?lang=ar",
                      data=form_data(email="samira@example.org", residence_status="status_holder",
                                     procedure=""))
    assert res.status_code == 200, res.get_data(as_text=True)[:500]
    message = db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind == "apply/mail_status.txt")).one()
    title = catalogue.gettext("Schoonmaker", "ar")
    assert message.subject == title and title in message.body
