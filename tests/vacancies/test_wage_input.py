"""The hourly wage as an employer in the Netherlands types it: Dutch and point notation, a euro
sign, one decimal; the statutory minimum next to the field and enforced on the start date; an
amount above three times the minimum needs a tick that it is right."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from portal import clock
from portal.vacancies.models import MinimumWage, Vacancy
from tests.vacancies.test_views import form


@pytest.fixture
def setup(make, db_session, wages):
    clock.move_to(datetime(2026, 11, 2, 9, tzinfo=UTC))
    db_session.add(MinimumWage(valid_from=date(2027, 1, 1), cents_per_hour=1500))
    loc = make.location(code="ZDM", name="azc Zaandam")
    member = make.user(organisation=make.organisation(name="Bakkerij De Zon"))
    db_session.commit()
    return member, loc


def _post(client, loc, **kw):
    kw.setdefault("start_date", "2026-11-20")
    kw.setdefault("closing_date", "2026-12-20")
    return client.post("/vacatures/nieuw", data=form(loc, **kw))


def _stored(db_session):
    db_session.expire_all()
    return db_session.scalars(select(Vacancy)).all()


@pytest.mark.parametrize("typed", ["15,50", "15.50", "€ 15,50", "15,5", "€15,50", " 15,50 "])
def test_dutch_wage_notations_store_the_same_amount(client, login, setup, db_session, typed):
    member, loc = setup
    login(member)
    assert _post(client, loc, wage_min=typed, wage_max="16,-").status_code == 302
    [vacancy] = _stored(db_session)
    assert (vacancy.wage_min_cents, vacancy.wage_max_cents) == (1550, 1600)


def test_exactly_the_minimum_is_accepted(client, login, setup, db_session):
    member, loc = setup
    login(member)
    assert _post(client, loc, wage_min="14,71").status_code == 302
    assert _stored(db_session)[0].wage_min_cents == 1471


@pytest.mark.parametrize("typed", ["1.550", "15,555", "vijftien", "15 50", "-15"])
def test_an_amount_that_is_not_clear_is_refused_in_dutch(client, login, setup, db_session, typed):
    member, loc = setup
    login(member)
    res = _post(client, loc, wage_min=typed)
    assert res.status_code == 200 and 'id="wage_min-error"' in res.text
    assert "zoals 15,50" in res.text and "Not a valid decimal" not in res.text
    assert f'value="{typed.strip()}"' in res.text  # what was typed stays, to be corrected
    assert _stored(db_session) == []


def test_the_field_is_text_with_a_decimal_keyboard_and_names_the_minimum(client, login, setup):
    member, loc = setup
    login(member)
    html = client.get("/vacatures/nieuw").text
    wage_input = html.split('id="wage_min"')[0].rsplit("<input", 1)[1] + html.split('id="wage_min"')[1].split(">")[0]
    assert 'type="text"' in wage_input and 'inputmode="decimal"' in wage_input
    assert 'type="number"' not in wage_input
    hint = html.split('id="wage_min-hint"')[1].split("</p>")[0]
    assert "€ 14,71" in hint and "1 januari 2026" in hint  # in force today
    assert "€ 15,00" in hint and "1 januari 2027" in hint  # the next change the table knows
    assert 'name="wage_confirmed"' not in html  # only asked once the amount is unusual


def test_below_the_minimum_on_the_start_date_is_refused(client, login, setup, db_session):
    member, loc = setup
    login(member)
    # 14,80 is enough in December 2026 but not from 1 January 2027
    res = _post(client, loc, wage_min="14,80", start_date="2027-01-04", closing_date="2027-01-20")
    assert 'id="wage_min-error"' in res.text and "€ 15,00" in res.text
    assert _stored(db_session) == []
    assert _post(client, loc, wage_min="14,80", start_date="2026-12-28").status_code == 302


def test_far_above_the_minimum_asks_for_a_confirmation_first(client, login, setup, db_session):
    member, loc = setup
    login(member)
    res = _post(client, loc, wage_min="155")  # 15,5 without its comma
    assert res.status_code == 200 and _stored(db_session) == []
    assert 'name="wage_confirmed"' in res.text and 'id="wage_confirmed-error"' in res.text
    assert "€ 155,00" in res.text and "Ja, dit uurloon klopt" in res.text
    # A real high wage: the maximum counts too; ticked, it is saved.
    res = _post(client, loc, wage_min="20,00", wage_max="48,00")
    assert 'id="wage_confirmed-error"' in res.text and _stored(db_session) == []
    assert _post(client, loc, wage_min="20,00", wage_max="48,00",
                 wage_confirmed="y").status_code == 302
    [vacancy] = _stored(db_session)
    assert vacancy.wage_max_cents == 4800
    # Saving it again unchanged does not ask again; raising it does.
    assert client.post(f"/vacatures/{vacancy.id}/bewerken", data=form(
        loc, wage_min="20,00", wage_max="48,00", start_date="2026-11-20",
        closing_date="2026-12-20")).status_code == 302
    res = client.post(f"/vacatures/{vacancy.id}/bewerken", data=form(
        loc, wage_min="20,00", wage_max="50,00", start_date="2026-11-20",
        closing_date="2026-12-20"))
    assert 'id="wage_confirmed-error"' in res.text


def test_three_times_the_minimum_itself_needs_no_confirmation(client, login, setup, db_session):
    member, loc = setup
    login(member)
    assert _post(client, loc, wage_min="44,13").status_code == 302  # 3 x 14,71


def test_the_minimum_wage_table_takes_the_same_notations(client, login, make, db_session):
    from portal.accounts.models import Role

    login(make.user(Role.admin))
    db_session.commit()
    for day, typed in (("2027-01-01", "€ 15,00"), ("2027-07-01", "15.2"), ("2028-01-01", "15,-")):
        assert client.post("/beheer/minimumloon", data={"valid_from": day, "euros": typed}).status_code == 302
    cents = db_session.scalars(select(MinimumWage.cents_per_hour).order_by(MinimumWage.valid_from))
    assert list(cents) == [1500, 1520, 1500]
    html = client.get("/beheer/minimumloon").text
    assert 'inputmode="decimal"' in html and 'type="number"' not in html
