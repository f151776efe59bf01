"""Every resident form, sent empty and with bad values, answers in the resident's language:
no text of the Dutch source on a non-Dutch page, no Latin words on Arabic, Farsi and Tigrinya
pages (names and codes aside). CSRF stays on, as in production."""
from __future__ import annotations

import itertools
import re

import pytest

from portal.i18n import RESIDENT_LANGUAGES
from portal.vacancies.models import VacancyStatus
from tests.i18n_checks import foreign_text

_ips = (f"10.{a}.{b}.{c}" for a, b, c in itertools.product(range(1, 250), repeat=3))


@pytest.fixture
def world(app, make, db_session):
    azc = make.location(code="ZDM", name="azc Zaandam")
    org = make.organisation(name="Bakkerij Bol", region=azc.region)
    vacancy = make.vacancy(org, locations=[azc], code="ABC234", title="Hulp in de bakkerij",
                           open_to_asylum=True, open_to_status=True)
    application = make.application(vacancy)
    db_session.commit()
    names = ["Hulp in de bakkerij", "Bakkerij Bol", "azc Zaandam", "Zaandam", "Hemkade 12",
             vacancy.code, application.reference]
    return {"vacancy": vacancy, "application": application, "token": application.plain_token,
            "names": names}


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
    assert match, "form without CSRF token"
    return match.group(1)


def _check(res, lang, names, what):
    html = res.get_data(as_text=True)
    assert f'<html lang="{lang}"' in html, f"{what}: page not in {lang}"
    problems = foreign_text(html, lang, names)
    assert not problems, f"{what} in {lang}: {problems}"
    return html


def _post(client, url, data, csrf=True):
    return client.post(url, data=data, csrf=csrf, environ_base={"REMOTE_ADDR": next(_ips)})


APPLY_BAD = {
    "name": "", "phone": "12", "email": "geen-adres",
    "lang1": "xx", "level1": "superb", "lang2": "ar", "level2": "", "lang3": "", "level3": "",
    "residence_status": "alien", "procedure": "maybe", "azc_location": "abc",
    "experience": "ب" * 501, "availability": "ب" * 301, "website": "",
}
APPLY_NO_PROCEDURE = {
    "name": "سميرة", "phone": "06 12345678", "lang1": "ar", "level1": "good",
    "residence_status": "asylum_seeker", "procedure": "", "azc_location": "999999",
}


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_apply_form_errors_in_resident_language(client, world, lang):
    url = f"/v/{world['vacancy'].code}/solliciteren?lang={lang}"
    html = _check(client.get(url), lang, world["names"], "apply form")
    token = _csrf(html)
    for label, data in (("empty", {}), ("bad values", APPLY_BAD),
                        ("no procedure answer", APPLY_NO_PROCEDURE)):
        res = _post(client, url, {"csrf_token": token, **data})
        assert res.status_code == 422, label
        page = _check(res, lang, world["names"], f"apply form, {label}")
        assert 'class="error-summary"' in page
    res = _post(client, url, APPLY_NO_PROCEDURE, csrf=False)  # the form has expired
    assert res.status_code == 400
    _check(res, lang, world["names"], "apply form without CSRF token")


REPORT_BAD = {
    "signals": ["bogus"], "reporter_type": "alien", "location": "NOPE",
    "contact_language": "xx", "employer_name": "ب" * 201, "description": "ب" * 2001,
    "contact": "ب" * 201, "website": "",
}


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
@pytest.mark.parametrize("about_vacancy", [False, True])
def test_report_form_errors_in_resident_language(client, world, lang, about_vacancy):
    url = f"/report?lang={lang}" + (f"&vacancy={world['vacancy'].code}" if about_vacancy else "")
    html = _check(client.get(url), lang, world["names"], "report form")
    token = _csrf(html)
    for label, data in (("empty", {}), ("bad values", REPORT_BAD),
                        ("nothing chosen", {"reporter_type": "resident"})):
        res = _post(client, url, {"csrf_token": token, **data})
        assert res.status_code == 200, label
        page = _check(res, lang, world["names"], f"report form, {label}")
        assert 'class="error-summary"' in page, label
    res = _post(client, url, {"reporter_type": "resident", "description": "مشكلة"}, csrf=False)
    assert res.status_code == 400
    _check(res, lang, world["names"], "report form without CSRF token")


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_report_status_lookup_errors_in_resident_language(client, world, lang):
    for code in ("", "ACEF3467", "X" * 21, "ب"):
        res = client.get(f"/report/status?lang={lang}&code={code}")
        page = _check(res, lang, world["names"], f"report status, code {code!r}")
        assert 'class="error-summary"' in page, code


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_status_actions_in_resident_language(client, world, lang):
    token, names = world["token"], world["names"]
    _check(client.get(f"/s/{token}?lang={lang}"), lang, names, "status page")
    # Withdrawing asks first, on its own page (with the form and its token).
    csrf = _csrf(_check(client.get(f"/s/{token}/intrekken?lang={lang}"), lang, names,
                        "withdraw page"))
    # Without a token (an old page on a shared phone): the expired-form page, in their language.
    for url in (f"/s/{token}/intrekken?lang={lang}", f"/s/{token}/wissen?lang={lang}"):
        res = _post(client, url, {}, csrf=False)
        assert res.status_code == 400, url
        _check(res, lang, names, f"{url} without CSRF token")
    _check(client.get(f"/s/{token}/wissen?lang={lang}"), lang, names, "erase page")
    res = _post(client, f"/s/{token}/intrekken?lang={lang}", {"csrf_token": csrf})
    assert res.status_code == 303
    _check(client.get(res.headers["Location"]), lang, names, "status page after withdrawing")
    _check(client.get(f"/s/not-a-token?lang={lang}"), lang, names, "unknown status link")


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_language_switch_sticks_on_every_resident_form(client, world, lang):
    """The picker's ?lang= link sets the language; the next page without it keeps it."""
    pages = [f"/v/{world['vacancy'].code}/solliciteren", "/report", "/report/status",
             f"/s/{world['token']}", f"/v/{world['vacancy'].code}"]
    other = "nl" if lang != "nl" else "ar"
    for url in pages:
        client.get(f"{url}?lang={other}")
        _check(client.get(f"{url}?lang={lang}"), lang, world["names"], f"{url}?lang={lang}")
        _check(client.get(url), lang, world["names"], f"{url} after switching")


_OPTIONAL = re.compile(r'(?:<label for|<fieldset class="[^"]*" id)="([\w-]+)"[^>]*>'
                       r'(?:(?!</label>|</legend>).)*?<span class="optional">', re.S)


def _optional_fields(html: str) -> list[str]:
    return _OPTIONAL.findall(html)


_phones = (f"06 {n:08d}" for n in itertools.count(23456781))


@pytest.mark.parametrize("form", ["apply", "report"])
def test_a_field_marked_optional_may_be_left_empty(client, world, form):
    """Whatever says "(optioneel)" is accepted empty when the rest is filled in well."""
    if form == "apply":
        url = f"/v/{world['vacancy'].code}/solliciteren"
        base = {"name": "Samira Haddad", "email": "samira@example.nl", "lang1": "ar",
                "level1": "good", "lang2": "en", "level2": "basic", "residence_status": "status_holder",
                "azc_location": "-1", "experience": "Bakkerij", "availability": "Elke dag"}
    else:
        url = "/report"
        base = {"signals": ["no_contract"], "employer_name": "Bakkerij Bol", "location": "ZDM",
                "description": "Geen contract", "reporter_type": "resident",
                "contact": "0612345678", "contact_language": "ar"}
    optional = _optional_fields(client.get(url).get_data(as_text=True))
    assert optional, "the form marks no field optional: the test would prove nothing"
    for name in optional:
        data = {**base, name: ""}
        if form == "apply":
            data["phone"] = next(_phones)
        res = _post(client, url, data)
        html = res.get_data(as_text=True)
        assert f'id="{name}-error"' not in html and 'class="error-summary"' not in html, (
            f"{form}: {name} says optional but is required")


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_pages_after_a_form_are_in_the_resident_language(client, world, make, db_session, lang):
    """What a form leads to: landing page, boards, the confirmation, 'not for you', 'already
    applied', a closed vacancy, the report's thank-you page."""
    names = world["names"]
    only_status = make.vacancy(world["vacancy"].organisation, locations=[], code="STA234",
                               title="Hulp in de bakkerij", open_to_asylum=False,
                               open_to_status=True)
    closed = make.vacancy(world["vacancy"].organisation, code="CLO234", title="Hulp in de bakkerij",
                          closing_date=world["vacancy"].start_date, status=VacancyStatus.closed)
    db_session.commit()
    code = world["vacancy"].code
    for url in (f"/v/{code}", "/l/ZDM", "/l/", f"/v/{closed.code}", "/hulp/", "/report/status"):
        _check(client.get(f"{url}?lang={lang}"), lang, names, url)
    good = {"name": "سميرة", "name_latin": "Samira", "phone": next(_phones), "lang1": "ar",
            "level1": "good", "residence_status": "asylum_seeker", "procedure": "yes",
            "azc_location": "-1", "submission_key": f"k-{lang}"}
    url = f"/v/{code}/solliciteren?lang={lang}"
    res = _post(client, url, good)
    assert res.status_code == 200
    _check(res, lang, names, "confirmation")
    _check(_post(client, url, {**good, "submission_key": f"other-{lang}"}), lang, names,
           "already applied")
    res = _post(client, f"/v/{only_status.code}/solliciteren?lang={lang}",
                {**good, "phone": next(_phones), "submission_key": f"ne-{lang}"})
    _check(res, lang, names, "not eligible")
    res = _post(client, f"/report?lang={lang}", {"signals": ["no_contract"],
                                                  "employer_name": "Bakkerij Bol",
                                                  "reporter_type": "resident"})
    assert res.status_code == 302
    _check(client.get(res.headers["Location"]), lang, names, "report sent")
