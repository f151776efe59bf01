"""Werkbalie appointments' mail and text messages in the resident's language (Arabic,
Tigrinya, Farsi): booked, moved, reminder, cancelled by the desk, through the real SMTP server
and the local SMS provider. They name no activity; the one text staff typed in Dutch that they
carry, the desk's host ("UWV werkgeversadviseur"), stands in the reader's quotes; nothing else
is Dutch but names (the resident's, the azc's, the room)."""
from __future__ import annotations

from datetime import timedelta

import pytest

from portal.clock import move_to, utcnow
from portal.notifications import sms
from portal.werkbalie import booking, housekeeping, slots
from tests.activities import conftest as activity_fixtures
from tests.activities.conftest import next_phone
from tests.activities.inbox import Inbox
from tests.i18n_checks import dutch_on_page, latin_words

provider = activity_fixtures.provider  # the local SMS provider, configured

HOST = "UWV werkgeversadviseur"  # the `hours` fixture's
NAMES = ["Yonas", "Kidane", "azc Zaandam", "Kamer 3"]


def _every_kind(hours, lang: str, mails, provider) -> dict:
    now = utcnow()
    free = [s for s in slots.free_slots(hours.location_id, now)
            if s.starts_at > now + timedelta(days=2)]
    data = booking.BookingData(name="Yonas Kidane", phone=next_phone(),
                               email="yonas@example.org", language="ar")
    appointment = booking.book(free[0], data, ui_language=lang).appointment
    inbox = Inbox(mails, provider, data.email, data.phone)
    told = {"booked": inbox.new()}
    booking.move(appointment, free[1])
    told["moved"] = inbox.new()
    for kind, before in (("reminder-day", timedelta(hours=23)),
                         ("reminder-soon", timedelta(hours=1))):
        move_to(appointment.starts_at - before)
        housekeeping.send_reminders(utcnow())
        told[kind] = inbox.new()
    booking.cancel(appointment, by_staff=True)
    told["cancelled"] = inbox.new()
    return told


@pytest.mark.parametrize("lang", ["ar", "ti", "fa"])
def test_every_message_is_in_their_language_with_the_host_quoted(app, hours, lang, mails,
                                                                 provider):
    told = _every_kind(hours, lang, mails, provider)
    assert f"«{HOST}»" in told["booked"].mail
    for kind, message in told.items():
        text = message.everything.replace(f"«{HOST}»", "")
        assert HOST not in text, kind
        assert dutch_on_page(text, lang) == [], kind
        assert latin_words(text, lang, NAMES) == [], kind
        assert len(message.text) <= sms.MAX_BODY, kind


def test_a_dutch_reader_gets_the_host_as_it_is(app, hours, mails, provider):
    told = _every_kind(hours, "nl", mails, provider)
    assert f"met {HOST}." in told["booked"].mail and "«" not in told["booked"].mail
