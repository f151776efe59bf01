"""Admin forms refuse absurd dates."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from portal.accounts.models import Role
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
