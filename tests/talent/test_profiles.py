"""A resident makes a work profile from the poster address, keeps the private link, renews
the profile with a tap and withdraws consent (erased at once)."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func, select

from portal.clock import utcnow
from portal.formatting import add_months
from portal.notifications.models import OutboxMessage
from portal.talent.models import Profile, ProfileLanguage, ProfileWork, TalentTally, TallyKind
from tests.talent.conftest import link_of, next_phone, post_profile, profile_form


def _tally(db_session, kind) -> int:
    return db_session.scalar(select(func.coalesce(func.sum(TalentTally.count), 0))
                             .where(TalentTally.kind == kind))


def test_the_poster_address_shows_the_form_with_the_azc_chosen(client, world):
    res = client.get(f"/P/{world.azc.code}?lang=ti")
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    assert 'lang="ti"' in html
    assert f'<option selected value="{world.azc.id}">' in html or \
        f'value="{world.azc.id}" selected' in html
    assert "role.cleaner" in html and 'name="consent"' in html


def test_an_unknown_azc_is_a_friendly_404(client, world):
    assert client.get("/p/NOPE").status_code == 404


def test_a_resident_makes_a_profile_and_gets_the_private_link(client, world, db_session):
    data = profile_form(world.azc, email="selam@example.org")
    res = post_profile(client, world.azc, data, lang="ti")
    assert res.status_code == 200, res.get_data(as_text=True)
    token = link_of(res.get_data(as_text=True))
    profile = db_session.scalar(select(Profile))
    assert profile.phone == data["phone"] and profile.name == "ሰላም ተስፋይ"
    assert profile.ui_language == "ti" and profile.location_id == world.azc.id
    assert {(lang.language, lang.level.value) for lang in profile.languages} == {
        ("ti", "native"), ("en", "basic")}
    assert sorted(profile.kinds) == ["role.cleaner", "role.kitchen"]
    assert profile.hours_per_week == 24 and profile.travel_minutes == 45
    assert profile.attended_training and not profile.assisted and profile.assisted_by_id is None
    # Six calendar months from the consent, the same clock time.
    assert profile.expires_at.date() == add_months(profile.consent_at.date(), 6)
    assert token not in profile.token_hash
    mail = db_session.scalar(select(OutboxMessage).where(OutboxMessage.about == profile.outbox_key))
    assert mail is not None and token in mail.body
    assert _tally(db_session, TallyKind.profile_created) == 1
    page = client.get(f"/profiel/{token}?lang=ti")
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert "ሰላም ተስፋይ" in page.get_data(as_text=True)


def test_dutch_phone_input_is_stored_international(client, world, db_session):
    post_profile(client, world.azc, profile_form(world.azc, phone="06 12345678"))
    assert db_session.scalar(select(Profile.phone)) == "+31612345678"


def test_a_form_without_consent_is_refused_next_to_the_field(client, world, db_session):
    res = post_profile(client, world.azc, profile_form(world.azc, consent=""))
    assert res.status_code == 422
    assert 'id="consent-error"' in res.get_data(as_text=True)
    assert db_session.scalar(select(func.count(Profile.id))) == 0


def test_a_second_language_needs_a_level_and_the_azc_must_be_chosen(client, world):
    res = post_profile(client, world.azc, profile_form(world.azc, level2="", azc_location="0"))
    html = res.get_data(as_text=True)
    assert res.status_code == 422
    assert 'id="lang2-error"' in html and 'id="azc_location-error"' in html


def test_one_profile_per_phone_the_link_goes_to_that_phone_again(client, world, db_session):
    phone = next_phone()
    post_profile(client, world.azc, profile_form(world.azc, phone=phone, email="a@example.org"))
    res = post_profile(client, world.azc, profile_form(world.azc, phone=phone, name="Someone"))
    assert res.status_code == 200
    assert "/profiel/" not in res.get_data(as_text=True)  # whoever typed it learns no link
    assert db_session.scalar(select(func.count(Profile.id))) == 1
    about = db_session.scalar(select(Profile)).outbox_key
    kinds = db_session.scalars(select(OutboxMessage.kind).where(OutboxMessage.about == about)).all()
    assert sorted(kinds) == ["talent/mail_created.txt", "talent/mail_link.txt"]
    post_profile(client, world.azc, profile_form(world.azc, phone=phone))  # the same day: once
    assert db_session.scalar(select(func.count(OutboxMessage.id))
                             .where(OutboxMessage.about == about)) == 2


def test_the_honeypot_stores_nothing(client, world, db_session):
    res = post_profile(client, world.azc, profile_form(world.azc, website="http://spam"))
    assert res.status_code == 200
    assert db_session.scalar(select(func.count(Profile.id))) == 0


def test_renew_by_a_tap_starts_a_new_period_and_a_new_reminder(client, world, make, db_session):
    long_ago = utcnow() - timedelta(days=170)
    profile = make.profile(world.azc, consent_at=long_ago, expires_at=long_ago + timedelta(days=182),
                           reminded_at=utcnow())
    db_session.commit()
    res = client.post(f"/profiel/{profile.plain_token}/verlengen")
    assert res.status_code == 303
    db_session.expire_all()
    profile = db_session.get(Profile, profile.id)
    assert profile.reminded_at is None
    assert profile.expires_at.date() == add_months(profile.consent_at.date(), 6)
    assert profile.consent_at > long_ago + timedelta(days=100)
    assert _tally(db_session, TallyKind.profile_renewed) == 1


def test_withdrawal_erases_at_once(client, world, make, db_session):
    profile = make.profile(world.azc)
    db_session.commit()
    token, pid = profile.plain_token, profile.id
    confirm = client.get(f"/profiel/{token}/wissen")
    assert confirm.status_code == 200
    res = client.post(f"/profiel/{token}/wissen")
    assert res.status_code == 200
    db_session.expire_all()
    assert db_session.get(Profile, pid) is None
    assert db_session.scalar(select(func.count()).select_from(ProfileLanguage)) == 0
    assert db_session.scalar(select(func.count()).select_from(ProfileWork)) == 0
    assert _tally(db_session, TallyKind.profile_withdrawn) == 1
    assert client.get(f"/profiel/{token}").status_code == 404


def test_a_wrong_or_odd_token_is_a_404(client, world):
    for token in ("x", "a" * 32, "a" * 300):
        assert client.get(f"/profiel/{token}").status_code == 404
        assert client.post(f"/profiel/{token}/verlengen").status_code == 404
        assert client.post(f"/profiel/{token}/wissen").status_code == 404


def test_the_error_summary_follows_the_page_order(client, world):
    """The language rows sit right after the azc on the page: their errors come before the
    kinds of work and the consent in the list at the top, as a reader going down meets them."""
    res = post_profile(client, world.azc, profile_form(world.azc, lang1="", level1="", work=[],
                                                       consent=""))
    summary = res.get_data(as_text=True).split('class="error-summary"', 1)[1].split("</ul>", 1)[0]
    links = re.findall(r'href="#(\w+)"', summary)
    assert links == ["lang1", "level1", "work", "consent"]
