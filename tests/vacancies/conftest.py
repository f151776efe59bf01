from __future__ import annotations

from datetime import date

import pytest

from portal.vacancies.models import MinimumWage

WAGE_ROWS = ((date(2025, 1, 1), 1406), (date(2025, 7, 1), 1440), (date(2026, 1, 1), 1471))


@pytest.fixture
def wages(db_session):
    for valid_from, cents in WAGE_ROWS:
        db_session.add(MinimumWage(valid_from=valid_from, cents_per_hour=cents))
    db_session.flush()
    return WAGE_ROWS


