from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from portal import clock
from portal.vacancies import codes
from portal.vacancies.queries import find_by_code
from portal.vacancies.wages import change_dates, minimum_wage_on, missing_change_dates

LOOK_ALIKES = set("0O1I2Z5S6G8B")  # L stays: upper-case L is not confused with 1


def test_code_alphabet_has_no_look_alikes():
    assert not LOOK_ALIKES & set(codes.ALPHABET)
    for _ in range(300):
        code = codes.random_code()
        assert len(code) == 6
        assert set(code) <= set(codes.ALPHABET)


def test_new_code_retries_on_collision(monkeypatch):
    seq = iter(["AAAAAA", "AAAAAA", "CCCCCC"])
    monkeypatch.setattr(codes, "random_code", lambda: next(seq))
    assert codes.new_code(lambda c: c == "AAAAAA") == "CCCCCC"


def test_new_code_gives_up_when_everything_is_taken():
    with pytest.raises(codes.CodeSpaceExhausted):
        codes.new_code(lambda c: True)


def test_find_by_code_is_case_insensitive(make, db_session):
    vacancy = make.vacancy(code="K7Q2MX")
    db_session.commit()
    assert find_by_code("k7q2mx") == vacancy
    assert find_by_code(" K7q2Mx ") == vacancy
    assert find_by_code("K7Q2MA") is None
    assert find_by_code("") is None


@pytest.mark.parametrize("day, cents", [
    (date(2024, 12, 31), None),
    (date(2025, 1, 1), 1406),
    (date(2025, 6, 30), 1406),
    (date(2025, 7, 1), 1440),
    (date(2025, 12, 31), 1440),
    (date(2026, 1, 1), 1471),
    (date(2030, 5, 5), 1471),
])
def test_minimum_wage_on_boundaries(wages, day, cents):
    assert minimum_wage_on(day) == cents


@pytest.mark.parametrize("day, current, coming", [
    (date(2026, 1, 1), date(2026, 1, 1), date(2026, 7, 1)),
    (date(2026, 6, 30), date(2026, 1, 1), date(2026, 7, 1)),
    (date(2026, 7, 1), date(2026, 7, 1), date(2027, 1, 1)),
    (date(2026, 12, 31), date(2026, 7, 1), date(2027, 1, 1)),
])
def test_change_dates(day, current, coming):
    assert change_dates(day) == (current, coming)


def test_missing_change_dates_name_the_current_and_the_coming_change(wages):
    # Rows up to 1 January 2026 (the fixture).
    assert missing_change_dates(date(2026, 3, 1)) == []  # 1 July is still four months off
    assert missing_change_dates(date(2026, 4, 1)) == [date(2026, 7, 1)]  # coming, within 92 days
    assert missing_change_dates(date(2026, 11, 30)) == [date(2026, 7, 1), date(2027, 1, 1)]
    clock.move_to(datetime(2026, 11, 30, 12, tzinfo=UTC))
    assert missing_change_dates() == [date(2026, 7, 1), date(2027, 1, 1)]


def test_empty_wage_table_misses_the_current_change(app):
    assert missing_change_dates(date(2026, 2, 1)) == [date(2026, 1, 1)]


def test_portal_tick_warns_about_missing_wage_rows(app, wages):
    runner = app.test_cli_runner()
    clock.move_to(datetime(2026, 11, 30, 12, tzinfo=UTC))
    out = runner.invoke(args=["portal", "tick"]).output
    assert "WARNING minimum wage: no row for 2026-07-01, 2027-01-01" in out
    clock.move_to(datetime(2026, 2, 1, 12, tzinfo=UTC))
    assert "WARNING minimum wage" not in runner.invoke(args=["portal", "tick"]).output
