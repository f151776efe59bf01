from __future__ import annotations

import pytest

from portal import clock
from tests.dashboard import scenario


@pytest.fixture
def world(make, db_session):
    clock.move_to(scenario.NOW)
    w = scenario.build(make)
    db_session.commit()
    return w
