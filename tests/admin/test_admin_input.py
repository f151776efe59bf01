"""Admin forms refuse absurd dates and never store control or bidi characters."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal.accounts.models import Role, User
from portal.regions.models import Location, Region
from portal.vacancies.models import MinimumWage


@pytest.fixture
def admin(make, db_session, login):
    user = make.user(Role.admin)
    db_session.commit()
    return login(user)


@pytest.mark.parametrize("typed", ["0001-01-01", "0202-07-01", "1999-12-31", "2101-01-01",
                                   "9999-12-31"])
def test_minimum_wage_dates_outside_2000_to_2100_are_refused(client, admin, db_session, typed):
    res = client.post("/beheer/minimumloon", data={"valid_from": typed, "euros": "14,71"})
    assert res.status_code == 200
    assert 'id="valid_from-error"' in res.get_data(as_text=True)
    assert "tussen 2000 en 2100" in res.get_data(as_text=True)
    assert db_session.scalars(select(MinimumWage)).all() == []


@pytest.mark.parametrize("typed, stored", [("2000-01-01", date(2000, 1, 1)),
                                           ("2100-12-31", date(2100, 12, 31))])
def test_minimum_wage_dates_at_the_edges_are_accepted(client, admin, db_session, typed, stored):
    assert client.post("/beheer/minimumloon", data={"valid_from": typed, "euros": "14,71"}).status_code == 302
    assert db_session.scalar(select(MinimumWage.valid_from)) == stored


BAD = "\x07\x1b[31m\u202e\u2066"  # bell, an escape sequence, bidi override and isolate


def test_admin_texts_never_keep_control_or_bidi_characters(client, admin, make, db_session):
    client.post("/beheer/regios", data={"name": f"Regio{BAD} Twente"})
    region = db_session.scalar(select(Region))
    assert region is not None and region.name == "Regio[31m Twente"
    client.post("/beheer/locaties", data={"name": f"azc{BAD} Almelo", "city": f"Al{BAD}melo",
                                          "region": str(region.id), "code": "ALM"})
    location = db_session.scalar(select(Location))
    assert location is not None
    for value in (region.name, location.name, location.city):
        assert not any(ord(c) < 32 or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069
                       for c in value), value


def test_staff_address_with_a_line_break_is_refused(client, admin, db_session):
    res = client.post("/beheer/medewerkers/nieuw", data={
        "name": "Ada", "email": "ada@example.nl\nBcc: x@example.nl", "role": "admin"})
    assert res.status_code == 200
    assert db_session.scalar(select(User).where(User.email.like("ada@%"))) is None
