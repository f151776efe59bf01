"""After withdrawal of consent, and after the period ends, nothing of the resident is left in
any table: not the profile, its languages and work wishes, its proposals, nor a message in the
outbox (sent or waiting, by mail or text message). The scan reads every table the models know,
so a table a later feature adds is covered too."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from portal import db
from portal.clock import utcnow
from portal.notifications.services import queue
from portal.notifications.sms import queue_sms
from portal.talent import housekeeping
from portal.talent.models import Profile, ProfileLanguage, ProfileWork, Proposal
from tests.grid_world import dump
from tests.talent.conftest import link_of, post_profile, profile_form

NAME, LATIN, EMAIL = "ሰላም ተስፋይ", "Selam Tesfay", "selam.tesfay@example.org"
PHONE_TYPED, PHONE_STORED = "06 23456789", "+31623456789"



def _stored() -> str:
    return "\n".join(f"{name}: {rows!r}" for name, rows in dump(db.session).items())


def _profile_with_proposals_and_mail(app, client, make, world, provider) -> tuple[int, str]:
    """A resident makes a profile (link by mail and text message, sent by the tick); an adviser
    proposes them for two vacancies; a message about one proposal is still waiting."""
    res = post_profile(client, world.azc, profile_form(
        world.azc, name=NAME, name_latin=LATIN, phone=PHONE_TYPED, email=EMAIL), lang="ti")
    token = link_of(res.get_data(as_text=True))
    profile = db.session.scalar(select(Profile))
    org = make.organisation(world.region)
    for _ in range(2):
        make.proposal(profile, make.vacancy(org, locations=[world.azc]), adviser=world.adviser)
    db.session.commit()
    assert app.test_cli_runner().invoke(args=["portal", "tick"]).exit_code == 0
    proposal = db.session.scalars(select(Proposal)).first()
    queue(EMAIL, f"Voorstel voor {LATIN}", f"Hallo {NAME}, een baan: {token}",
          about=profile.outbox_key, resident=True)
    queue_sms(PHONE_STORED, f"{LATIN}: {token}", about=proposal.outbox_key, resident=True)
    db.session.commit()
    before = _stored()
    for secret in (NAME, LATIN, EMAIL, PHONE_STORED, token):
        assert secret in before  # the scan can find each of them while they are there
    return profile.id, token


def _assert_nothing_of_the_resident(token: str) -> None:
    stored = _stored()
    for secret in (NAME, "ሰላም", "Selam", "Tesfay", EMAIL, "selam.tesfay", PHONE_STORED,
                   "623456789", token):
        hits = [line.split(":")[0] for line in stored.splitlines() if secret in line]
        assert not hits, f"{secret!r} still stored in {hits}"


def test_withdrawal_leaves_nothing_in_any_table(app, client, make, world, provider):
    profile_id, token = _profile_with_proposals_and_mail(app, client, make, world, provider)
    assert client.post(f"/profiel/{token}/wissen").status_code == 200
    _assert_nothing_of_the_resident(token)
    assert db.session.get(Profile, profile_id) is None
    assert db.session.scalars(select(Proposal)).all() == []
    sent = len(provider.received)
    app.test_cli_runner().invoke(args=["portal", "tick"])
    assert len(provider.received) == sent  # the waiting text message was erased, not sent


def test_expiry_leaves_nothing_in_any_table(app, client, make, world, provider):
    profile_id, token = _profile_with_proposals_and_mail(app, client, make, world, provider)
    profile = db.session.get(Profile, profile_id)
    profile.consent_at = utcnow() - timedelta(days=200)
    profile.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    db.session.expire_all()  # as in a fresh tick: nothing of the profile loaded
    assert housekeeping.purge_expired(utcnow()) == 1
    db.session.commit()
    _assert_nothing_of_the_resident(token)
    for model in (Profile, ProfileLanguage, ProfileWork, Proposal):
        assert db.session.scalar(select(func.count()).select_from(model)) == 0, model
