"""The world of tests/activities (an azc with its coordinator, the region's adviser, ...),
plus desk hours next week at azc Zaandam."""
from __future__ import annotations

import itertools
from datetime import time, timedelta

import pytest

from portal.clock import today
from portal.werkbalie import services
from tests.activities.conftest import world  # noqa: F401  (the same small world)

_ips = (f"10.8.{a}.{b}" for a, b in itertools.product(range(1, 250), repeat=2))


def next_weekday(weekday: int):
    day = today() + timedelta(days=1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


@pytest.fixture
def hours(world, db_session):  # noqa: F811 - the fixture imported above
    """Tuesdays 10:00-12:00 in 15-minute slots for four weeks, Arabic and Dutch spoken."""
    first = next_weekday(1)
    series = services.publish(services.SeriesData(
        location_id=world.azc.id, host="UWV werkgeversadviseur", weekday=1, first_day=first,
        last_day=first + timedelta(weeks=3), start_time=time(10, 0), end_time=time(12, 0),
        slot_minutes=15, languages=["nl", "ar"], place="Kamer 3"), actor=world.adviser)
    db_session.commit()
    return series


def booking_form(slot_key: str, **overrides) -> dict:
    data = {"slot": slot_key, "name": "Yonas Kidane", "name_latin": "", "phone": "0612345678",
            "email": "", "language": "ar", "website": ""}
    data.update(overrides)
    return data


def post(client, url, data, lang="nl"):
    return client.post(f"{url}?lang={lang}", data=data, environ_base={"REMOTE_ADDR": next(_ips)})
