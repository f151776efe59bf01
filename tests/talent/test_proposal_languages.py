"""The proposal's mail and text message name the job as the vacancy's page does in the
resident's language (phrases.local, through activities.reach.tell's local_title): a title given
in their language as it is; a title only in Dutch in their quotes, and the mail adds the
pages' line "This text is in Dutch" in their language under the sentence naming it. Sent
through the real SMTP server and the local SMS provider, in Arabic, Tigrinya and Farsi."""
from __future__ import annotations

import itertools

import pytest

from portal.notifications import sms
from portal.phrases.catalogue import label
from portal.phrases.models import TextOrigin, VacancyText
from portal.talent import proposals
from portal.talent.models import Residence
from tests.activities.inbox import Inbox

DUTCH = "Schoonmaker hotel"
GIVEN = {"ar": "عامل نظافة في فندق", "ti": "ጽሬት ሆቴል", "fa": "نظافتچی هتل"}
LANGS = sorted(GIVEN)
_n = itertools.count(1)


@pytest.fixture
def job(make, world, db_session):
    org = make.organisation(world.region, name="Hotel Zaan")
    vacancy = make.vacancy(org, locations=[world.azc], title=DUTCH)
    db_session.commit()
    return vacancy


def _told(make, world, db_session, mails, provider, vacancy, lang):
    n = next(_n)
    profile = make.profile(world.azc, email=f"talent{n}@example.org", ui_language=lang,
                           residence=Residence.status_holder)
    db_session.commit()
    inbox = Inbox(mails, provider, profile.email, profile.phone)
    proposals.propose(profile, vacancy, world.adviser)
    return inbox.new()


@pytest.mark.parametrize("lang", LANGS)
def test_a_title_in_their_language_is_not_quoted_or_noted(make, world, db_session, job, mails,
                                                          provider, lang):
    db_session.add(VacancyText(vacancy_id=job.id, language=lang, title=GIVEN[lang], summary="",
                               origin=TextOrigin.typed))
    db_session.commit()
    told = _told(make, world, db_session, mails, provider, job, lang)
    for part in (told.subject, told.mail, told.text):
        assert GIVEN[lang] in part
        assert f"«{GIVEN[lang]}»" not in part
    assert DUTCH not in told.everything
    assert label("note.nl", lang) not in told.mail
    assert len(told.text) <= sms.MAX_BODY and "/profiel/" in told.text.split()[-1]


@pytest.mark.parametrize("lang", LANGS)
def test_a_title_only_in_dutch_is_quoted_and_the_mail_says_so(make, world, db_session, job,
                                                              mails, provider, lang):
    told = _told(make, world, db_session, mails, provider, job, lang)
    quoted = f"«{DUTCH}»"
    note = label("note.nl", lang)
    assert note != label("note.nl", "nl")  # the line is in their language
    assert quoted in told.subject and quoted in told.mail and quoted in told.text
    lines = told.mail.splitlines()
    at = next(i for i, line in enumerate(lines) if quoted in line)
    assert lines[at + 1] == note  # right under the sentence that names the job
    assert note not in told.text  # a text message only quotes: it has to stay short
    assert DUTCH not in told.everything.replace(quoted, "")


def test_a_dutch_reader_gets_the_title_as_it_is(make, world, db_session, job, mails, provider):
    told = _told(make, world, db_session, mails, provider, job, "nl")
    assert f"past: {DUTCH} in" in told.mail and f"past: {DUTCH} in" in told.text
    assert label("note.nl", "nl") not in told.mail
