"""What the resident reads about a work profile is what the code does, in all seven languages:
the period and the reminder come from the settings the code uses (changed here on purpose, so a
number typed into a text fails), the people named are the ones the access rules let in, and
an employer is not among them."""
from __future__ import annotations

import html as markup
import re
from datetime import timedelta

import pytest
from flask_babel import force_locale, gettext
from markupsafe import escape
from sqlalchemy import select

from portal import access
from portal.clock import utcnow
from portal.formatting import add_months
from portal.i18n import RESIDENT_LANGUAGES
from portal.talent import housekeeping
from portal.talent.models import Profile
from tests.talent.conftest import post_profile, profile_form

MONTHS, WEEKS = 7, 3  # not the defaults (6 months, 2 weeks)


@pytest.fixture
def settings(app):
    app.config.update(TALENT_CONSENT_MONTHS=MONTHS, TALENT_REMIND_WEEKS=WEEKS)


def _numbers(html: str, attr: str) -> set[int]:
    return {int(n) for n in re.findall(rf'{attr}="(\d+)"', html)}


def _says(page: str, lang: str, msgid: str, **values) -> bool:
    # Compared as the reader sees it: Jinja's gettext leaves an apostrophe (azc'nin) as it is,
    # escape() would write &#39;.
    with force_locale(lang):
        return markup.unescape(str(escape(gettext(msgid, **values)))) in markup.unescape(page)


PROMISES = (
    ("Wie ziet je profiel? De werkgeversadviseurs van UWV of WSP in je regio, de "
     "COA-coördinator van je azc en de beheerders van dit portaal.", {}),
    ("Werkgevers zien je profiel nooit. Stelt een adviseur je voor en zeg jij ja? Pas dan "
     "krijgt die werkgever je sollicitatie.", {}),
    ("Je profiel blijft %(months)s maanden staan. Daarna wissen we het, tenzij je het "
     "verlengt.", {"months": MONTHS}),
    ("%(weeks)s weken voor het einde sturen we je een bericht.", {"weeks": WEEKS}),
    ("Wil je stoppen? Met je eigen link wis je je profiel meteen. Open voorstellen stoppen "
     "dan ook.", {}),
)


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_the_form_and_the_private_page_promise_what_the_settings_say(
        client, world, make, db_session, settings, lang):
    profile = make.profile(world.azc)
    db_session.commit()
    for url in (f"/p/{world.azc.code}?lang={lang}", f"/profiel/{profile.plain_token}?lang={lang}"):
        html = client.get(url).get_data(as_text=True)
        assert _numbers(html, "data-profile-months") == {MONTHS}, url
        assert _numbers(html, "data-profile-weeks") == {WEEKS}, url
        for msgid, values in PROMISES:
            assert _says(html, lang, msgid, **values), (url, msgid)
    form = client.get(f"/p/{world.azc.code}?lang={lang}").get_data(as_text=True)
    assert _says(form, lang, "Adviseurs van werkgevers in mijn regio mogen dit profiel zien en mij "
                 "voorstellen voor banen. Dit geldt %(months)s maanden. Met mijn eigen link kan ik "
                 "het verlengen of meteen laten wissen.", months=MONTHS)


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_the_privacy_page_says_the_profile_period_from_the_settings(client, settings, lang):
    html = client.get(f"/hulp/je-gegevens?lang={lang}").get_data(as_text=True)
    body = html.split('class="guide-body"', 1)[1].split("</article>", 1)[0]
    profile_part = body.split("Werkbalie", 1)[1]  # the last section: the work profile
    assert "{{" not in profile_part
    assert set(re.findall(r"\d+", profile_part)) == {str(MONTHS), str(WEEKS)}
    assert profile_part.count(str(MONTHS)) == 2


def test_the_promised_period_and_reminder_are_what_the_code_does(
        client, world, make, db_session, settings):
    post_profile(client, world.azc, profile_form(world.azc, email="a@example.org"))
    made = db_session.scalar(select(Profile))
    assert made.expires_at.date() == add_months(made.consent_at.date(), MONTHS)
    now = utcnow()
    inside = make.profile(world.azc, expires_at=now + timedelta(weeks=WEEKS, hours=-1),
                          consent_at=now - timedelta(days=100), email="b@example.org")
    outside = make.profile(world.azc, expires_at=now + timedelta(weeks=WEEKS, hours=1),
                           consent_at=now - timedelta(days=100), email="c@example.org")
    db_session.commit()
    housekeeping.send_reminders(now)
    assert inside.reminded_at is not None and outside.reminded_at is None


@pytest.mark.parametrize("who, sees", [
    ("adviser", True), ("coordinator", True), ("admin", True),
    ("coordinator2", False), ("far_adviser", False), ("far_coordinator", False), ("member", False),
])
def test_who_sees_a_profile_is_who_the_page_names(world, who, sees):
    """The region's advisers, the azc's coordinator, the admins; no employer, nobody else."""
    user = getattr(world, who)
    assert access.may_see_profile(user, world.azc.id, world.region.id) is sees
