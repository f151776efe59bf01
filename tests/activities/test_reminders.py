"""Reminders the day before and two hours before, by mail where given and by text message
where a provider is configured, in the resident's language; sent from `portal tick`, once,
right across a clock change. Without a channel the staff list says whom to call."""
from __future__ import annotations

import datetime as dt
from datetime import time, timedelta

import pytest
from sqlalchemy import select

from portal import db, ticker
from portal.activities import services
from portal.activities import signup as signups
from portal.activities.models import PlaceKind
from portal.activities.times import local_moment
from portal.clock import move_to, utcnow
from portal.notifications.models import Channel, OutboxMessage
from tests.activities.conftest import post_signup, signup_form


def _tick() -> None:
    ticker.run(utcnow(), lambda *args, **kwargs: None)


def _last_sunday(year: int, month: int) -> dt.date:
    end = dt.date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return end - timedelta(days=(end.weekday() - 6) % 7)


def _training_on(world, day: dt.date, hour: int = 10):
    start = local_moment(day, time(hour, 0))
    data = services.ActivityData(
        kind="training", audience="residents", title="Werken in Nederland", capacity=20,
        together=True, region_id=world.region.id, location_id=world.azc.id,
        languages=["nl", "ar"], sessions=[services.SessionData(
            id=None, starts_at=start, ends_at=start + timedelta(hours=2, minutes=30),
            place_kind=PlaceKind.room, place="Lokaal 2")])
    activity = services.create(data, actor=world.coordinator)
    db.session.commit()
    return activity, start


def _sign_up(activity, **fields):
    data = signups.SignUpData(name="Samira Haddad", phone="+31612345678", language="ar", **fields)
    result = signups.sign_up(activity, activity.pools[0], data, ui_language="ar")
    db.session.commit()
    return result


def _reminders() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.kind.like("activities/%_reminder.txt")).order_by(OutboxMessage.id)))


@pytest.mark.parametrize("month", [3, 10], ids=["clocks go forward", "clocks go back"])
def test_two_reminders_once_each_across_a_clock_change(app, world, mails, month):
    day = _last_sunday(utcnow().year + 1, month)  # the clock changes at 02:00/03:00 that night
    start = local_moment(day, time(10, 0))
    move_to(start - timedelta(days=10))
    activity, start = _training_on(world, day)
    _sign_up(activity, email="samira@example.org")

    def at(delta):  # a moment relative to the start, in real (UTC) time
        move_to(start - delta)
        _tick()
        return len(_reminders())

    assert at(timedelta(hours=24, minutes=30)) == 0
    assert at(timedelta(hours=23, minutes=30)) == 1
    assert at(timedelta(hours=20)) == 1  # a second tick sends nothing again
    assert at(timedelta(hours=2, minutes=30)) == 1
    assert at(timedelta(hours=1, minutes=50)) == 2
    assert at(timedelta(minutes=5)) == 2
    move_to(None)
    assert len(mails) == 3  # the confirmation and two reminders
    # Each says the Dutch wall-clock time of the session, and Sunday in Arabic.
    assert all("10:00" in m.get_content() and "الأحد" in m.get_content() for m in mails)


def test_a_late_sign_up_gets_only_the_short_reminder(app, world, mails):
    day = dt.date.today() + timedelta(days=20)
    activity, start = _training_on(world, day)
    move_to(start - timedelta(hours=5))
    _sign_up(activity, email="laat@example.org")
    _tick()
    assert _reminders() == []
    move_to(start - timedelta(hours=1))
    _tick()
    assert len(_reminders()) == 1


def test_text_messages_go_to_the_provider_and_are_blanked(app, world, provider):
    activity, start = _training_on(world, dt.date.today() + timedelta(days=20))
    result = _sign_up(activity)  # a phone number, no email
    _tick()
    texts = provider.texts_to("+31612345678")
    assert len(texts) == 1 and "/t/" + result.token in texts[0]
    assert provider.keys == ["AccessKey test-key"]
    db.session.expire_all()
    sms = db.session.scalar(select(OutboxMessage).where(OutboxMessage.channel == Channel.sms))
    assert sms.sent_at is not None and sms.to_addr == "" and sms.body == ""
    move_to(start - timedelta(hours=23))
    _tick()
    move_to(start - timedelta(hours=1))
    _tick()
    assert len(provider.texts_to("+31612345678")) == 3


def test_a_provider_that_is_down_loses_no_message(app, world, provider):
    activity, _start = _training_on(world, dt.date.today() + timedelta(days=20))
    provider.status = 503
    _sign_up(activity)
    _tick()
    db.session.expire_all()
    sms = db.session.scalar(select(OutboxMessage).where(OutboxMessage.channel == Channel.sms))
    assert sms.sent_at is None and sms.failed_at is None and sms.attempts == 1
    provider.status = 201
    move_to(utcnow() + timedelta(hours=1))
    _tick()
    assert len(provider.received) == 1


def test_a_number_the_provider_refuses_is_given_up_not_retried(app, world, provider):
    activity, _start = _training_on(world, dt.date.today() + timedelta(days=20))
    provider.status = 422
    _sign_up(activity)
    _tick()
    db.session.expire_all()
    sms = db.session.scalar(select(OutboxMessage).where(OutboxMessage.channel == Channel.sms))
    assert sms.failed_at is not None and sms.body == "" and "422" in sms.last_error


def test_without_provider_nothing_is_queued_and_staff_see_whom_to_call(client, world, build,
                                                                      login, db_session):
    activity = build()
    post_signup(client, activity, signup_form(name="Zonder Kanaal"))
    post_signup(client, activity, signup_form(name="Met Mail", email="mail@example.org"))
    db_session.expire_all()
    assert db_session.scalar(select(OutboxMessage).where(OutboxMessage.channel == Channel.sms)) is None
    login(world.coordinator)
    page = client.get(f"/activiteiten/{activity.id}").text
    row = page.split("Zonder Kanaal", 1)[1].split("</tr>", 1)[0]
    assert "bellen" in row
    assert "bellen" not in page.split("Met Mail", 1)[1].split("</tr>", 1)[0]
