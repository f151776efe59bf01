"""The privacy promise residents read says what the code does, in all seven languages: who
sees an application or a report, that the form asks about residence status, that a report
may go to the Labour Inspectorate, municipality or police, and retention periods equal to
the settings the purge uses (changed here on purpose, so a number typed into a text fails)."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from flask_babel import force_locale, gettext
from markupsafe import escape

from portal.apply.housekeeping import keep_until, vacancy_ended_at
from portal.formatting import add_months
from portal.i18n import RESIDENT_LANGUAGES
from portal.reports.housekeeping import contact_until, text_until
from portal.vacancies.models import VacancyStatus
from tests.i18n_checks import page_text

WEEKS, DAYS = 6, 730  # not the defaults (4 weeks, 365 days): the pages must follow settings
YEARS = 2
REPORT_WEEKS, REPORT_MONTHS = 5, 30  # reports: not the defaults (4 weeks, 24 months) either
PROFILE_MONTHS, PROFILE_WEEKS = 7, 3  # work profiles: not the defaults (6 months, 2 weeks)

# Words that name each recipient in each language (as the catalogue and content/ write them).
RECIPIENTS = {
    "nl": {"employer": "werkgever", "adviser": "werkgeversadviseur", "coordinator": "coördinator",
           "admins": "beheerders", "police": "politie", "inspectorate": "arbeidsinspectie"},
    "en": {"employer": "employer", "adviser": "employer adviser", "coordinator": "coordinator",
           "admins": "administrators", "police": "police", "inspectorate": "labour authority"},
    "ar": {"employer": "صاحب العمل", "adviser": "مستشار أصحاب العمل", "coordinator": "منسق",
           "admins": "مديرو", "police": "الشرطة", "inspectorate": "التفتيش على العمل"},
    "ti": {"employer": "ወሃቢ ስራሕ", "adviser": "ኣማኻሪ ወሃብቲ ስራሕ", "coordinator": "ኣወሃሃዲ",
           "admins": "ኣመሓደርቲ", "police": "ፖሊስ", "inspectorate": "ተቖጻጻሪ ስራሕ"},
    "fa": {"employer": "کارفرما", "adviser": "مشاور کارفرمایان", "coordinator": "هماهنگ‌کننده",
           "admins": "مدیران", "police": "پلیس", "inspectorate": "بازرسی کار"},
    "tr": {"employer": "işveren", "adviser": "işveren danışmanı", "coordinator": "koordinatör",
           "admins": "yöneticileri", "police": "polis", "inspectorate": "çalışma müfettişliği"},
    "so": {"employer": "loo-shaqeeyaha", "adviser": "la-taliyaha loo-shaqeeyayaasha",
           "coordinator": "isku-duwaha", "admins": "maamulayaasha", "police": "booliska",
           "inspectorate": "kormeerka shaqada"},
}
APPLY_WHO = ("employer", "adviser", "coordinator", "admins")
REPORT_WHO = ("adviser", "admins", "police", "inspectorate")


@pytest.fixture
def settings(app):
    app.config.update(RETENTION_WEEKS=WEEKS, RETENTION_CONSENT_DAYS=DAYS,
                      REPORT_CONTACT_WEEKS=REPORT_WEEKS, REPORT_RETENTION_MONTHS=REPORT_MONTHS,
                      TALENT_CONSENT_MONTHS=PROFILE_MONTHS, TALENT_REMIND_WEEKS=PROFILE_WEEKS)


@pytest.fixture
def vacancy(make, db_session):
    azc = make.location(code="ZDM", name="azc Zaandam")
    v = make.vacancy(locations=[azc], code="ABC234", open_to_asylum=True, open_to_status=True)
    db_session.commit()
    return v


def _says(html: str, lang: str, msgid: str, **values) -> bool:
    with force_locale(lang):
        text = gettext(msgid, **values)
    return str(escape(text)) in html


def _names_all(text: str, lang: str, who) -> list[str]:
    low = text.casefold()
    return [w for w in who if RECIPIENTS[lang][w].casefold() not in low]


def _numbers(html: str, attribute: str) -> set[int]:
    return {int(n) for n in re.findall(rf'{attribute}="(\d+)"', html)}


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_apply_form_tells_who_sees_what_and_for_how_long(client, settings, vacancy, lang):
    html = client.get(f"/v/{vacancy.code}/solliciteren?lang={lang}").get_data(as_text=True)
    assert _numbers(html, "data-retention-weeks") == {WEEKS}
    assert _numbers(html, "data-retention-years") == {YEARS}
    assert _says(html, lang, "Hoe lang? We wissen je gegevens %(weeks)s weken nadat de vacature "
                 "klaar is.", weeks=WEEKS)
    assert _says(html, lang, "Kies je voor %(years)s jaar bewaren? Dan wissen we ze %(years)s jaar "
                 "na je sollicitatie, maar niet eerder dan %(weeks)s weken nadat de vacature klaar "
                 "is.", years=YEARS, weeks=WEEKS)
    assert _says(html, lang, "Bewaar mijn gegevens %(years)s jaar voor ander werk", years=YEARS)
    # It does ask about residence status, and says so.
    assert _says(html, lang, "We vragen of je asielzoeker of statushouder bent. Dat is nodig voor "
                 "de werkvergunning. We vragen niet naar je land of je geloof.")
    assert not _says(html, lang, "We vragen niet naar je land, je geloof of je papieren.")
    assert not _names_all(page_text(html, lang), lang, APPLY_WHO)


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
@pytest.mark.parametrize("keep_one_year", [False, True])
def test_status_page_repeats_the_promise_for_this_application(client, settings, make, vacancy,
                                                              db_session, lang, keep_one_year):
    application = make.application(vacancy, keep_one_year=keep_one_year)
    db_session.commit()
    html = client.get(f"/s/{application.plain_token}?lang={lang}").get_data(as_text=True)
    assert _numbers(html, "data-retention-weeks") == {WEEKS}
    chose = _says(html, lang, "Je koos voor %(years)s jaar bewaren. Dan wissen we ze %(years)s jaar "
                  "na je sollicitatie, maar niet eerder dan %(weeks)s weken nadat de vacature "
                  "klaar is.", years=YEARS, weeks=WEEKS)
    assert chose == keep_one_year
    assert not _names_all(page_text(html, lang), lang, APPLY_WHO)


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_report_form_tells_who_reads_it_where_it_may_go_and_for_how_long(client, settings, lang):
    html = client.get(f"/report?lang={lang}").get_data(as_text=True)
    assert not _names_all(page_text(html, lang), lang, REPORT_WHO)
    for msgid in ("Je telefoon of e-mail geven we alleen door als jij dat goed vindt.",
                  "Mijn telefoon of e-mail mag mee naar de Arbeidsinspectie, de gemeente of de "
                  "politie.",  # the choice that promise rests on
                  "We bewaren niet van welk internetadres (IP-adres) je meldt."):
        assert _says(html, lang, msgid), msgid
    assert _numbers(html, "data-report-contact-weeks") == {REPORT_WEEKS}
    assert _numbers(html, "data-report-retention-months") == {REPORT_MONTHS}
    assert _says(html, lang, "Is de zaak klaar of doorgegeven? Dan wissen we je telefoon of "
                 "e-mail na %(weeks)s weken.", weeks=REPORT_WEEKS)
    assert _says(html, lang, "Je verhaal wissen we na %(months)s maanden. Wat je aankruiste, "
                 "houden we zonder naam voor cijfers.", months=REPORT_MONTHS)
    assert not _says(html, lang, "Alleen een adviseur van UWV leest je melding.")
    assert not _says(html, lang, "We bewaren je melding ook als de zaak klaar is. Zo zien "
                     "adviseurs of er vaker iets mis is bij een werkgever.")


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_privacy_page_follows_the_settings_and_names_everyone(client, settings, lang):
    html = client.get(f"/hulp/je-gegevens?lang={lang}").get_data(as_text=True)
    body = page_text(html.split('class="guide-body"', 1)[1].split("</article>", 1)[0], lang)
    assert "{{" not in body
    # Every number on the page comes from the settings: none is typed into the text.
    assert set(re.findall(r"\d+", body)) == {str(WEEKS), str(YEARS), str(REPORT_WEEKS),
                                              str(REPORT_MONTHS), str(PROFILE_MONTHS),
                                              str(PROFILE_WEEKS)}
    assert body.count(str(WEEKS)) >= 3
    report_part = body.split(str(REPORT_WEEKS), 1)[1]  # the report section says both
    assert str(REPORT_MONTHS) in report_part
    assert not _names_all(body, lang, APPLY_WHO + REPORT_WHO)


def test_promised_weeks_are_the_weeks_the_purge_waits(client, settings, make, vacancy, db_session):
    """The number on the form is the one keep_until uses, with and without the one-year choice."""
    html = client.get(f"/v/{vacancy.code}/solliciteren").get_data(as_text=True)
    (weeks,), (years,) = _numbers(html, "data-retention-weeks"), _numbers(html, "data-retention-years")
    plain = make.application(vacancy)
    kept = make.application(vacancy, keep_one_year=True)
    vacancy.status = VacancyStatus.closed
    vacancy.closed_at = plain.consent_at
    db_session.flush()
    ended = vacancy_ended_at(vacancy)
    assert keep_until(plain) == ended + timedelta(weeks=weeks)
    assert keep_until(kept) == max(ended + timedelta(weeks=weeks),
                                   kept.consent_at + timedelta(days=365 * years))
    assert keep_until(kept) > ended + timedelta(weeks=weeks)  # the year really is longer


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_report_guidance_says_the_same_about_who_reads_a_report(client, settings, lang):
    html = client.get(f"/hulp/melden?lang={lang}").get_data(as_text=True)
    body = page_text(html.split('class="guide-body"', 1)[1].split("</article>", 1)[0], lang)
    assert not _names_all(body, lang, REPORT_WHO)
    assert "{{" not in body
    assert set(re.findall(r"\d+", body)) == {str(REPORT_WEEKS), str(REPORT_MONTHS)}


def test_promised_report_periods_are_the_periods_the_purge_waits(client, settings):
    html = client.get("/report").get_data(as_text=True)
    (weeks,) = _numbers(html, "data-report-contact-weeks")
    (months,) = _numbers(html, "data-report-retention-months")
    settled = datetime(2026, 8, 31, 9, tzinfo=UTC)
    assert contact_until(settled) == settled + timedelta(weeks=weeks)
    assert text_until(settled) == datetime.combine(add_months(settled.date(), months), settled.timetz())
