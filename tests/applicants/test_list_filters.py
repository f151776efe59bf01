"""The recruiter's list filters: a first load, empty or unknown values never show errors and
never put "None" into a link; search by name, phone or reference; client filter."""
from __future__ import annotations

import re

import pytest

ERRORS = re.compile(r'class="field-error"')


@pytest.mark.parametrize("query", [
    "",
    "?stage=&vacancy=&location=&language=&residence=&since=&sort=",
    "?stage=bogus&vacancy=999999&location=x&language=zz&residence=q&since=notadate&sort=zz",
    "?vacancy=None&location=None",
])
def test_filters_without_a_value_or_unknown_show_no_errors(client, login, world, query):
    login(world.member)
    html = client.get("/sollicitanten/" + query).get_data(as_text=True)
    assert not ERRORS.search(html)
    assert "Ongeldige" not in html
    # unknown values are ignored: the whole list shows
    for name in ("Samira Haddad", "Yonas Tesfay", "Reza Ahmadi"):
        assert name in html


def test_no_none_in_filter_values_or_links(client, login, world):
    login(world.member)
    html = client.get("/sollicitanten/").get_data(as_text=True)
    assert 'value="None"' not in html
    assert "=None" not in html
    html = client.get(f"/sollicitanten/?vacancy={world.v1.id}").get_data(as_text=True)
    assert "=None" not in html
    assert f'<option selected value="{world.v1.id}">' in html


NAMES = ("Samira Haddad", "Yonas Tesfay", "Reza Ahmadi")


def _shown(client, query) -> set[str]:
    html = client.get("/sollicitanten/?" + query).get_data(as_text=True)
    assert not ERRORS.search(html)
    return {n for n in NAMES if n in html}


@pytest.mark.parametrize("query,expected", [
    ("search=samira", {"Samira Haddad"}),            # part of a name, any case
    ("search=TESF", {"Yonas Tesfay"}),
    ("search=06+1234+5678", {"Samira Haddad"}),      # the phone number as people write it
    ("search=%2B31612345678", {"Samira Haddad"}),
    ("search=345678", {"Samira Haddad"}),            # its last digits
    ("search=xyz-nobody", set()),
    ("search=%25", set()),                           # a bare % is text, not a wildcard
    ("search=", set(NAMES)),
])
def test_search_by_name_phone_or_reference(client, login, world, query, expected):
    login(world.member)
    assert _shown(client, query) == expected


def test_search_by_reference_and_latin_name(client, login, world, db_session):
    world.a2.name, world.a2.name_latin = "يوناس", "Yonas Tesfay"
    db_session.commit()
    login(world.member)
    html = client.get("/sollicitanten/?search=" + world.a3.reference.lower()).get_data(as_text=True)
    assert "Reza Ahmadi" in html and "Samira Haddad" not in html
    assert "Yonas Tesfay" in client.get("/sollicitanten/?search=yonas").get_data(as_text=True)
    # what was typed stays in the box
    assert 'value="yonas"' in client.get("/sollicitanten/?search=yonas").get_data(as_text=True)


def test_search_never_shows_another_organisations_applicants(client, login, world):
    login(world.member)
    html = client.get("/sollicitanten/?search=Other").get_data(as_text=True)
    assert "Other Person" not in html


def test_agencies_filter_by_client(client, login, make, db_session):
    from portal.organisations.models import OrgKind

    agency = make.organisation(kind=OrgKind.agency, name="Flex Uitzend")
    recruiter = make.user(organisation=agency)
    bakery = make.vacancy(agency, title="Inpakker", client_name="Bakkerij Bol")
    farm = make.vacancy(agency, title="Oogster", client_name="Kwekerij Groen")
    make.application(bakery, name="Samira Haddad")
    make.application(farm, name="Yonas Tesfay")
    employer = make.user(organisation=make.organisation(name="Gewone werkgever"))
    db_session.commit()
    login(recruiter)
    html = client.get("/sollicitanten/").get_data(as_text=True)
    assert 'name="client"' in html and '<option value="Kwekerij Groen">' in html
    assert _shown(client, "client=Kwekerij+Groen") == {"Yonas Tesfay"}
    assert _shown(client, "client=Onbekend") == {"Samira Haddad", "Yonas Tesfay"}
    login(employer)
    assert 'name="client"' not in client.get("/sollicitanten/").get_data(as_text=True)
