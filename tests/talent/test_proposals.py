"""Proposals from the adviser's button to the resident's one tap: the message in the
resident's language with the job in it, yes → an application the employer sees marked
"proposed by adviser", no → the adviser is told, silence → expired after 7 days, withdrawal →
cancelled; one proposal per resident and vacancy even when two advisers press at once."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from portal import clock
from portal.applicants.models import Application, ApplicationSource
from portal.audit.models import AuditEvent
from portal.clock import utcnow
from portal.notifications.models import Channel, OutboxMessage
from portal.phrases.models import TextOrigin, VacancyText
from portal.talent import proposals
from portal.talent.models import Proposal, ProposalState, Residence, TalentTally, TallyKind
from portal.vacancies.models import VacancyStatus


@pytest.fixture
def job(make, world, db_session):
    org = make.organisation(world.region, name="Hotel Zaan")
    vacancy = make.vacancy(org, locations=[world.azc], title="Schoonmaker hotel")
    db_session.add(VacancyText(vacancy_id=vacancy.id, language="ti", title="ጽሬት ሆቴል",
                               summary="", origin=TextOrigin.typed))
    db_session.commit()
    return vacancy


@pytest.fixture
def selam(make, world, db_session):
    found = make.profile(world.azc, email="selam@example.org", residence=Residence.status_holder)
    db_session.commit()
    return found


@pytest.fixture
def sms_on(app):
    app.config.update(SMS_URL="https://sms.example.nl/messages", SMS_KEY="key")


def _tally(db_session, kind) -> int:
    return db_session.scalar(select(func.coalesce(func.sum(TalentTally.count), 0))
                             .where(TalentTally.kind == kind))


def _propose(client, login, adviser, vacancy, profile):
    login(adviser)
    return client.post(f"/adviseur/talent/vacatures/{vacancy.id}/voorstellen",
                       data={"profile": str(profile.id)})


def test_a_proposal_reaches_the_resident_in_their_language(client, login, world, job, selam,
                                                           db_session, sms_on):
    res = _propose(client, login, world.adviser, job, selam)
    assert res.status_code == 302
    proposal = db_session.scalar(select(Proposal))
    assert (proposal.state, proposal.adviser_id) == (ProposalState.open, world.adviser.id)
    messages = db_session.scalars(select(OutboxMessage).where(
        OutboxMessage.about == selam.outbox_key)).all()
    assert {m.channel for m in messages} == {Channel.mail, Channel.sms}
    for message in messages:
        assert "ጽሬት ሆቴል" in message.body  # the job in Tigrinya
        assert "/profiel/" in message.body  # the private page, where they answer
        assert message.resident
    assert _tally(db_session, TallyKind.proposal_made) == 1
    assert db_session.scalar(select(AuditEvent).where(
        AuditEvent.action == "talent.proposal_made")).actor_id == world.adviser.id


def test_two_advisers_proposing_the_same_resident_make_one_proposal(client, app, login, make,
                                                                    world, job, selam,
                                                                    db_session):
    second = make.user(world.adviser.role, region=world.region)
    db_session.commit()
    _propose(client, login, world.adviser, job, selam)
    other = app.test_client()
    res = _propose(other, login_on(login, other), second, job, selam)
    assert res.status_code == 302
    assert db_session.scalar(select(func.count(Proposal.id))) == 1
    page = other.get(res.headers["Location"]).get_data(as_text=True)
    assert "al voorgesteld" in page


def login_on(login, other):
    return lambda user: login(user, on=other)


def test_the_database_decides_when_both_press_at_the_same_moment(client, login, make, world,
                                                                 job, selam, db_session,
                                                                 monkeypatch):
    """The other adviser's proposal is committed between our check and our insert."""
    make.proposal(selam, job, adviser=world.admin)
    db_session.commit()
    calls = []

    def blind(profile_id, vacancy_id):
        calls.append(1)
        if len(calls) == 1:
            return None  # the check ran before the other adviser's commit
        return db_session.scalar(select(Proposal).where(Proposal.profile_id == profile_id))

    monkeypatch.setattr(proposals, "existing", blind)
    res = _propose(client, login, world.adviser, job, selam)
    assert res.status_code == 302
    assert db_session.scalar(select(func.count(Proposal.id))) == 1
    assert "al voorgesteld" in client.get(res.headers["Location"]).get_data(as_text=True)
    assert _tally(db_session, TallyKind.proposal_made) == 0  # rolled back with the insert


def test_yes_makes_an_application_the_employer_sees_as_proposed(client, app, login, make, world,
                                                                job, selam, db_session):
    proposal = make.proposal(selam, job, adviser=world.adviser)
    db_session.commit()
    page = client.get(f"/profiel/{selam.plain_token}?lang=ti").get_data(as_text=True)
    assert "ጽሬት ሆቴል" in page and f"/voorstel/{proposal.id}/ja" in page
    res = client.post(f"/profiel/{selam.plain_token}/voorstel/{proposal.id}/ja")
    assert res.status_code == 200
    assert "/s/" in res.get_data(as_text=True)  # the application's own status link, once
    application = db_session.scalar(select(Application))
    assert application.source == ApplicationSource.proposal
    assert (application.phone, application.name) == (selam.phone, selam.name)
    assert application.azc_location_id == selam.location_id
    assert application.residence_status.value == "status_holder"
    db_session.refresh(proposal)
    assert proposal.state == ProposalState.accepted and proposal.application_id == application.id
    assert _tally(db_session, TallyKind.proposal_accepted) == 1
    employer = app.test_client()
    login(make.user(organisation=job.organisation), on=employer)
    listed = employer.get("/sollicitanten/").get_data(as_text=True)
    assert "Voorgesteld door adviseur" in listed
    # A second tap changes nothing.
    again = client.post(f"/profiel/{selam.plain_token}/voorstel/{proposal.id}/ja")
    assert again.status_code == 303
    assert db_session.scalar(select(func.count(Application.id))) == 1


def test_yes_for_a_job_that_closed_meanwhile_gets_a_friendly_answer(client, make, world, job,
                                                                    selam, db_session):
    proposal = make.proposal(selam, job, adviser=world.adviser)
    job.status = VacancyStatus.closed
    db_session.commit()
    res = client.post(f"/profiel/{selam.plain_token}/voorstel/{proposal.id}/ja?lang=ti")
    assert res.status_code == 200
    assert 'lang="ti"' in res.get_data(as_text=True)
    assert db_session.scalar(select(func.count(Application.id))) == 0
    db_session.refresh(proposal)
    assert proposal.state == ProposalState.cancelled and proposal.adviser_told_at is not None
    mail = db_session.scalar(select(OutboxMessage).where(OutboxMessage.to_addr == world.adviser.email))
    assert mail is not None and selam.name not in mail.body and selam.phone not in mail.body


def test_yes_when_they_had_applied_themselves_keeps_that_application(client, make, world, job,
                                                                     selam, db_session):
    own = make.application(job, phone=selam.phone)
    proposal = make.proposal(selam, job, adviser=world.adviser)
    db_session.commit()
    res = client.post(f"/profiel/{selam.plain_token}/voorstel/{proposal.id}/ja")
    assert res.status_code == 200
    db_session.refresh(proposal)
    assert proposal.state == ProposalState.accepted and proposal.application_id == own.id
    assert db_session.scalar(select(func.count(Application.id))) == 1


def test_no_tells_the_adviser_and_the_employer_nothing(client, make, world, job, selam,
                                                       db_session):
    proposal = make.proposal(selam, job, adviser=world.adviser)
    db_session.commit()
    res = client.post(f"/profiel/{selam.plain_token}/voorstel/{proposal.id}/nee")
    assert res.status_code == 303 and "/profiel/" in res.headers["Location"]
    db_session.refresh(proposal)
    assert proposal.state == ProposalState.declined
    assert db_session.scalar(select(func.count(Application.id))) == 0
    mail = db_session.scalar(select(OutboxMessage).where(OutboxMessage.to_addr == world.adviser.email))
    assert "wil niet solliciteren" in mail.body
    assert _tally(db_session, TallyKind.proposal_declined) == 1


def test_another_profiles_link_cannot_answer(client, make, world, job, selam, db_session):
    other = make.profile(world.azc, name="Ander")
    proposal = make.proposal(selam, job, adviser=world.adviser)
    db_session.commit()
    for answer in ("ja", "nee"):
        res = client.post(f"/profiel/{other.plain_token}/voorstel/{proposal.id}/{answer}")
        assert res.status_code == 404
    db_session.refresh(proposal)
    assert proposal.state == ProposalState.open


def test_seven_days_of_silence_expire_it_once(app, make, world, job, selam, db_session):
    proposal = make.proposal(selam, job, adviser=world.adviser)
    db_session.commit()
    with app.test_request_context():
        assert proposals.expire_due(utcnow() + timedelta(days=6)) == 0
        assert proposals.expire_due(utcnow() + timedelta(days=7, minutes=1)) == 1
        assert proposals.expire_due(utcnow() + timedelta(days=8)) == 0
        db_session.commit()
    db_session.refresh(proposal)
    assert proposal.state == ProposalState.expired
    mail = db_session.scalar(select(OutboxMessage).where(OutboxMessage.to_addr == world.adviser.email))
    assert "niet geantwoord" in mail.body
    assert _tally(db_session, TallyKind.proposal_expired) == 1


def test_the_tick_runs_the_expiry(app, make, world, job, selam, db_session):
    make.proposal(selam, job, adviser=world.adviser, )
    db_session.commit()
    clock.move_to(utcnow() + timedelta(days=8))
    result = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert "talent proposals unanswered: 1" in result.output


def test_withdrawing_consent_cancels_open_proposals(client, make, world, job, selam, db_session):
    open_one = make.proposal(selam, job, adviser=world.adviser)
    other_job = make.vacancy(job.organisation, locations=[world.azc])
    make.proposal(selam, other_job, adviser=world.adviser, state=ProposalState.declined)
    db_session.commit()
    assert open_one.id
    res = client.post(f"/profiel/{selam.plain_token}/wissen", data={"confirm": "y"})
    assert res.status_code in (200, 302, 303)
    assert db_session.scalar(select(func.count(Proposal.id))) == 0
    assert _tally(db_session, TallyKind.proposal_cancelled) == 1
    mail = db_session.scalar(select(OutboxMessage).where(OutboxMessage.to_addr == world.adviser.email))
    assert mail is not None and "vervallen" in mail.body
