"""Mail and text messages about an activity name it in the resident's language: the title as
the pages give it (activities.texts -> phrases.local.choose) in the language they signed up
in; without a text in that language the Dutch title in their quotes, and in a mail the pages'
line "This text is in Dutch" in their language. Every kind of message (signed up, waiting
list, moved up, changed, reminder the day before and two hours before, cancelled), in Arabic,
Tigrinya and Farsi, sent through the real SMTP server and the local SMS provider."""
from __future__ import annotations

from datetime import timedelta

import pytest

from portal import db
from portal.activities import housekeeping, services, texts
from portal.activities import signup as signups
from portal.activities.models import PlaceKind
from portal.clock import move_to, utcnow
from portal.notifications import sms
from portal.phrases.catalogue import label
from tests.activities.conftest import moment, next_phone
from tests.activities.inbox import Inbox, Told
from tests.activities.test_languages import GIVEN, NAMES, TITLE
from tests.i18n_checks import dutch_on_page, latin_words
from tests.phrases import conftest as phrase_fixtures
from tests.phrases.libretranslate import fake

libretranslate = phrase_fixtures.libretranslate  # the local LibreTranslate stand-in

LANGS = sorted(GIVEN)
KINDS = ("confirmed", "waiting", "promoted", "changed", "reminder-day", "reminder-soon",
         "cancelled")


def _sign_up(activity, lang: str, n: int):
    data = signups.SignUpData(name="Samira Haddad", phone=next_phone(),
                              email=f"bewoner{n}@example.org", language="ar")
    result = signups.sign_up(activity, activity.pools[0], data, ui_language=lang)
    return result.signup


def _moved(activity) -> services.ActivityData:
    """The same activity with its first session an hour later."""
    sessions = [services.SessionData(
        id=s.id, starts_at=s.starts_at + timedelta(hours=1 if i == 0 else 0),
        ends_at=s.ends_at + timedelta(hours=1 if i == 0 else 0), place_kind=s.place_kind,
        place=s.place, online_url=s.online_url) for i, s in enumerate(activity.sessions)]
    return services.ActivityData(
        kind=activity.kind, audience=activity.audience, title=activity.title,
        capacity=activity.pools[0].capacity, together=activity.together,
        region_id=activity.region_id, location_id=activity.location_id,
        languages=activity.languages, description=activity.description, sessions=sessions)


def _every_kind(activity, lang, world, mails, provider) -> dict[str, Told]:
    """One resident hears of every kind of message: the first place is taken, they wait,
    move up, the time changes, two reminders, then the activity is cancelled."""
    first = _sign_up(activity, lang, 1)
    db.session.commit()
    person = _sign_up(activity, lang, 2)
    inbox = Inbox(mails, provider, person.email, person.phone)
    told = {"waiting": inbox.new()}
    first_inbox = Inbox(mails, provider, first.email, first.phone)
    told["confirmed"] = first_inbox.new()
    signups.cancel(first)
    told["promoted"] = inbox.new()
    services.update(activity, _moved(activity), actor=world.coordinator)
    told["changed"] = inbox.new()
    start = activity.sessions[0].starts_at
    for kind, before in (("reminder-day", timedelta(hours=23)),
                         ("reminder-soon", timedelta(hours=1, minutes=50))):
        move_to(start - before)
        housekeeping.send_reminders(utcnow())
        told[kind] = inbox.new()
    move_to(None)
    services.cancel(activity, actor=world.coordinator)
    told["cancelled"] = inbox.new()
    return told


def _clean(text: str, lang: str, names=NAMES) -> None:
    """Nothing Dutch in it: no text of the Dutch catalogue, no Latin words but names."""
    assert dutch_on_page(text, lang) == []
    assert latin_words(text, lang, names) == []


@pytest.fixture
def given(build, world):
    """A training with one place, its title and description given in ar/ti/fa by staff."""
    activity = build(capacity=1)
    for lang, (title, description) in GIVEN.items():
        texts.save_text(activity, lang, title, description, world.coordinator)
    db.session.commit()
    return activity


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_names_the_activity_in_their_language(app, given, lang, world, mails,
                                                           provider):
    title = GIVEN[lang][0]
    told = _every_kind(given, lang, world, mails, provider)
    assert sorted(told) == sorted(KINDS)
    for kind, message in told.items():
        assert title in message.subject, kind
        assert title in message.mail and title in message.text, kind
        assert TITLE not in message.everything, kind
        assert label("note.nl", lang) not in message.mail, kind  # nothing is in Dutch
        _clean(message.everything, lang)
        assert len(message.text) <= sms.MAX_BODY, kind
        if kind != "cancelled":  # nothing left to look at: no link
            assert message.text.split()[-1].startswith("https://werk.example.nl/t/"), kind


@pytest.mark.parametrize("lang", LANGS)
def test_only_dutch_the_title_is_quoted_and_the_mail_says_so(app, build, lang, world, mails,
                                                             provider):
    activity = build(capacity=1)
    quoted = f"«{TITLE}»"
    told = _every_kind(activity, lang, world, mails, provider)
    note = label("note.nl", lang)
    assert note != label("note.nl", "nl")
    for kind, message in told.items():
        assert quoted in message.subject and quoted in message.mail and quoted in message.text
        # the mail's line under the sentence that names it; the text message only quotes
        lines = message.mail.splitlines()
        at = next(i for i, line in enumerate(lines) if quoted in line)
        assert lines[at + 1] == note, kind
        assert note not in message.text
        # apart from the marked title, not a word of Dutch
        _clean(message.everything.replace(quoted, ""), lang)


def test_dutch_and_english_readers(app, given, world, mails, provider):
    """A Dutch reader gets the title as it is, unquoted; an English one (no English text
    given) the Dutch title in English quotes and the note in English."""
    dutch = _sign_up(given, "nl", 10)
    message = Inbox(mails, provider, dutch.email, dutch.phone).new()
    assert f"voor: {TITLE}" in message.mail and f"voor {TITLE}," in message.text
    assert label("note.nl", "nl") not in message.mail
    english = _sign_up(given, "en", 11)
    message = Inbox(mails, provider, english.email, english.phone).new()
    assert f"“{TITLE}”" in message.subject and f"“{TITLE}”" in message.text
    assert label("note.nl", "en") in message.mail.splitlines()


def test_a_machine_translated_title_is_marked_in_the_mail(app, build, world, mails, provider,
                                                          libretranslate):
    activity = build(capacity=5)
    app.test_cli_runner().invoke(args=["portal", "tick"])  # the translations come back
    person = _sign_up(activity, "ti", 1)
    message = Inbox(mails, provider, person.email, person.phone).new()
    title = fake(TITLE, "ti")
    assert title in message.subject and title in message.mail and title in message.text
    assert label("note.machine", "ti") in message.mail.splitlines()
    # (the stand-in's translation holds the source text; apart from it, no Dutch title)
    assert TITLE not in message.everything.replace(title, "")
    assert label("note.nl", "ti") not in message.mail


@pytest.mark.parametrize("dutch", [False, True], ids=["own language", "Dutch title"])
def test_a_long_title_is_shortened_so_the_link_stays_in_the_text_message(
        app, build, world, mails, provider, dutch):
    """The SMS channel cuts what is longer than MAX_BODY: a 200-character title and a long
    webinar link would lose the private link at the end. The title gives way instead."""
    long_title = (("Werken in Nederland " * 12) if dutch else ("ورشة عمل " * 30))[:199].strip()
    start = moment(7)
    session = services.SessionData(
        id=None, starts_at=start, ends_at=start + timedelta(hours=2), place_kind=PlaceKind.online,
        place="", online_url="https://meet.example.org/" + "x" * 270)
    activity = build(sessions=[session], title=long_title if dutch else "Werken")
    if not dutch:
        texts.save_text(activity, "ar", long_title, "", world.coordinator)
    person = _sign_up(activity, "ar", 1)
    inbox = Inbox(mails, provider, person.email, person.phone)
    link = inbox.new().text.split()[-1]  # the confirmation has room for the whole title
    assert "/t/" in link
    move_to(start - timedelta(hours=1))
    housekeeping.send_reminders(utcnow())
    reminder = inbox.new()
    assert len(reminder.text) <= sms.MAX_BODY and reminder.text.endswith(link)
    assert "…" in reminder.text and long_title not in reminder.text
    assert long_title[:10] in reminder.text
    assert long_title in reminder.mail and link in reminder.mail  # a mail has room for all
