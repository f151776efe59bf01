"""The sign-up and booking forms, sent empty and with bad values, answer in the resident's
language: no text of the Dutch source on a non-Dutch page, no Latin words on Arabic, Farsi and
Tigrinya pages (names and codes aside), also for "full", "already signed up" and "taken"."""
from __future__ import annotations

import itertools
import re

import pytest

from portal.i18n import RESIDENT_LANGUAGES
from tests.activities.conftest import session_data
from tests.i18n_checks import foreign_text

_ips = (f"10.4.{a}.{b}" for a, b in itertools.product(range(1, 250), repeat=2))
BAD = {"name": "", "name_latin": "سميرة", "phone": "12", "email": "geen-adres",
       "azc_location": "abc", "language": "xx", "pool": "999999"}


@pytest.fixture
def pages(build, make, world, db_session):
    activity = build(capacity=1, together=False, title="Werken in Nederland",
                     sessions=[session_data(7), session_data(14)])
    series = make.werkbalie_series(world.azc)
    db_session.commit()
    return activity, series


def _post(client, url, data):
    return client.post(url, data=data, environ_base={"REMOTE_ADDR": next(_ips)})


@pytest.mark.parametrize("lang", RESIDENT_LANGUAGES)
def test_errors_and_answers_are_in_the_residents_language(client, pages, lang):
    activity, series = pages
    names = [activity.title, "azc Zaandam", "Zaandam", "Wormer", "Eindhoven", "Lokaal 2", "Kamer 3",
             "UWV werkgeversadviseur", activity.code, "Nederlands", "English", "Samira", "Haddad"]
    checked = []
    for data in ({}, BAD):
        checked.append(_post(client, f"/a/{activity.code}?lang={lang}", data))
    pool = str(activity.pools[0].id)
    good = {"name": "Samira Haddad", "phone": "0612345678", "azc_location": "-1",
            "language": "ar", "pool": pool}
    checked.append(_post(client, f"/a/{activity.code}?lang={lang}", good))  # a place
    checked.append(_post(client, f"/a/{activity.code}?lang={lang}", good))  # already
    checked.append(_post(client, f"/a/{activity.code}?lang={lang}", dict(good, phone="0687654321")))
    key = re.search(r"tijd=(S\d+T\d{12})", client.get("/w/ZDM").text).group(1)
    for data in ({"slot": key}, dict(BAD, slot=key)):
        checked.append(_post(client, f"/w/ZDM/boeken?lang={lang}", data))
    for res in checked:
        html = res.get_data(as_text=True)
        assert res.status_code in (200, 422)
        assert f'<html lang="{lang}"' in html
        problems = foreign_text(html, lang, names)
        assert not problems, f"{lang}: {problems}"
