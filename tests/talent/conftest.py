"""The world of activities (one region with two azc's, their coordinators, the region's
adviser, an adviser elsewhere, an admin, a member) and the phrasebook's job names (role
phrases), which are the kinds of work a profile can ask for."""
from __future__ import annotations

import itertools
import re

import pytest

from portal.phrases.services import sync_curated
from tests.activities.conftest import provider, world  # noqa: F401  (the same small world, SMS)

_phones = itertools.count(1)
_ips = (f"10.19.{a}.{b}" for a, b in itertools.product(range(1, 250), repeat=2))


@pytest.fixture(autouse=True)
def roles(db_session):
    """The job names a profile can ask for: the phrasebook's role phrases, as the tick puts
    them in the table ("role.cleaner", "role.kitchen", ...)."""
    sync_curated()
    db_session.commit()


def next_phone() -> str:
    return f"+3165{next(_phones):07d}"


def next_ip() -> str:
    return next(_ips)


def profile_form(location, **overrides) -> dict:
    """A complete, valid profile form as a resident sends it."""
    data = {"name": "ሰላም ተስፋይ", "name_latin": "Selam Tesfay", "phone": next_phone(),
            "email": "", "azc_location": str(location.id), "lang1": "ti", "level1": "native",
            "lang2": "en", "level2": "basic", "lang3": "", "level3": "",
            "work": ["role.cleaner", "role.kitchen"], "experience": "3 jaar in een hotel",
            "attended_training": "y", "availability": "part_time", "hours_per_week": "24",
            "travel_minutes": "45", "residence": "asylum_over_6_months", "consent": "y",
            "website": ""}
    data.update(overrides)
    return data


def post_profile(client, location, data, lang="nl"):
    return client.post(f"/p/{location.code}?lang={lang}", data=data,
                       environ_base={"REMOTE_ADDR": next_ip()})


def link_of(html: str) -> str:
    match = re.search(r"/profiel/([\w-]{20,})", html)
    assert match, "no private link on the page"
    return match.group(1)


@pytest.fixture
def setting(make, world, db_session):  # noqa: F811  (world: the imported fixture)
    """A hotel in the region (its contact: the region's adviser) with an open vacancy at the
    azc, three profiles (at the azc, the other azc of the region, an azc elsewhere) and a
    member of the hotel."""
    org = make.organisation(world.region, name="Hotel Zaan", adviser=world.adviser)
    vacancy = make.vacancy(org, locations=[world.azc], title="Schoonmaker hotel")
    selam = make.profile(world.azc, name="Selam Tesfay", languages=(("ti", "native"),),
                         work=("role.cleaner",))
    yonas = make.profile(world.azc2, name="Yonas Kidane", name_latin=None, work=("role.kitchen",))
    far = make.profile(world.far, name="Ver Weg", name_latin=None)
    member = make.user(organisation=org)
    db_session.commit()
    return org, vacancy, selam, yonas, far, member
