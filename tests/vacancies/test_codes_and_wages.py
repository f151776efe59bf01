from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from portal import clock
from portal.vacancies import codes
from portal.vacancies.queries import find_by_code
from portal.vacancies.wages import minimum_wage_on, newest_wage_row_age_days, newest_wage_row_is_stale

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


def test_newest_row_age(wages):
    clock.move_to(datetime(2026, 3, 1, 12, tzinfo=timezone.utc))
    assert newest_wage_row_age_days() == 59
    assert not newest_wage_row_is_stale()
    clock.move_to(datetime(2026, 8, 1, 12, tzinfo=timezone.utc))
    assert newest_wage_row_is_stale()


def test_empty_wage_table_is_stale(app):
    assert newest_wage_row_age_days() is None
    assert newest_wage_row_is_stale()
