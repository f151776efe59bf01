"""The tick's work on profiles: a reminder two weeks before the end (by text message and mail,
in the resident's language, once per period), erasure when the period ends without a renewal,
and counts that survive it."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from portal import db
from portal.clock import utcnow
from portal.formatting import add_months
from portal.notifications.models import Channel, OutboxMessage
from portal.talent import housekeeping
from portal.talent.models import Profile, TalentTally, TallyKind
from tests.talent.conftest import post_profile, profile_form


def _ending_in(make, world, days: float, **kw) -> Profile:
    now = utcnow()
    return make.profile(world.azc, consent_at=now - timedelta(days=180),
                        expires_at=now + timedelta(days=days), **kw)


def _messages(profile) -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage)
                                   .where(OutboxMessage.about == profile.outbox_key)))


def test_reminder_two_weeks_before_by_sms_and_mail_in_their_language(
        make, world, db_session, provider):
    due = _ending_in(make, world, 13, email="selam@example.org", ui_language="ti")
    later = _ending_in(make, world, 15)
    db_session.commit()
    assert housekeeping.send_reminders(utcnow()) == 2  # one text message, one mail
    msgs = {m.channel: m for m in _messages(due)}
    assert set(msgs) == {Channel.sms, Channel.mail}
    assert due.plain_token in msgs[Channel.sms].body and due.plain_token in msgs[Channel.mail].body
    assert "ሰላም" in msgs[Channel.mail].body  # the greeting names them; the text is Tigrinya
    assert due.reminded_at is not None and later.reminded_at is None
    assert _messages(later) == []
    # The next tick sends nothing again.
    assert housekeeping.send_reminders(utcnow() + timedelta(hours=1)) == 0


def test_the_reminder_follows_the_setting(app, make, world, db_session):
    app.config["TALENT_REMIND_WEEKS"] = 3
    profile = _ending_in(make, world, 20, email="a@example.org")
    db_session.commit()
    assert housekeeping.send_reminders(utcnow()) == 1
    assert profile.reminded_at is not None


def test_a_renewal_after_the_reminder_earns_a_new_one_next_time(client, make, world, db_session):
    profile = _ending_in(make, world, 10, email="a@example.org")
    db_session.commit()
    housekeeping.send_reminders(utcnow())
    db_session.commit()
    client.post(f"/profiel/{profile.plain_token}/verlengen")
    db_session.expire_all()
    profile = db_session.get(Profile, profile.id)
    assert profile.reminded_at is None
    later = profile.expires_at - timedelta(days=10)
    assert housekeeping.send_reminders(later) == 1


def test_a_resident_without_mail_or_sms_is_marked_reminded_anyway(make, world, db_session):
    profile = _ending_in(make, world, 5)
    db_session.commit()
    assert housekeeping.send_reminders(utcnow()) == 0
    assert profile.reminded_at is not None


def test_expired_profiles_are_erased_and_counted(make, world, db_session):
    gone = _ending_in(make, world, -0.01, email="gone@example.org")
    kept = _ending_in(make, world, 1)
    db_session.commit()
    housekeeping.send_reminders(utcnow())
    gone_id = gone.id
    assert housekeeping.purge_expired(utcnow()) == 1
    db_session.commit()
    assert db_session.get(Profile, gone_id) is None
    assert db_session.get(Profile, kept.id) is not None
    assert db_session.scalar(select(func.count(OutboxMessage.id))
                             .where(OutboxMessage.about == f"talent-profile:{gone_id}")) == 0
    tally = db_session.scalar(select(TalentTally).where(TalentTally.kind == TallyKind.profile_expired))
    assert tally.count == 1 and tally.location_id == world.azc.id
    assert tally.region_id == world.region.id
    assert housekeeping.purge_expired(utcnow()) == 0


def test_the_period_follows_the_setting(app, client, world, db_session):
    app.config["TALENT_CONSENT_MONTHS"] = 4
    post_profile(client, world.azc, profile_form(world.azc))
    profile = db_session.scalar(select(Profile))
    assert profile.expires_at.date() == add_months(profile.consent_at.date(), 4)


def test_tick_runs_both_jobs(app, make, world, db_session):
    profile = _ending_in(make, world, -1)
    db_session.commit()
    result = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert "work profiles expired and erased: 1" in result.output, result.output
    assert db_session.get(Profile, profile.id) is None
