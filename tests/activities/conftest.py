"""A small world for activities: one region with two azc's, their coordinators, the region's
adviser, an adviser elsewhere, an admin; and a builder for activities with future sessions."""
from __future__ import annotations

import itertools
import re
from datetime import datetime, time, timedelta
from types import SimpleNamespace

import pytest

from portal.accounts.models import Role
from portal.activities import services
from portal.activities.models import ActivityKind, Audience, PlaceKind
from portal.activities.times import local_moment
from portal.clock import today
from tests.activities.sms_server import SmsProvider

_phones = itertools.count(1)
_ips = (f"10.9.{a}.{b}" for a, b in itertools.product(range(1, 250), repeat=2))


@pytest.fixture
def world(make, db_session):
    region = make.region("Zaanstreek")
    other_region = make.region("Brabant")
    azc = make.location(region, code="ZDM", name="azc Zaandam")
    azc2 = make.location(region, code="WRM", name="azc Wormer")
    far = make.location(other_region, code="EHV", name="azc Eindhoven")
    w = SimpleNamespace(
        region=region, other_region=other_region, azc=azc, azc2=azc2, far=far,
        coordinator=make.user(Role.coordinator, locations=[azc]),
        coordinator2=make.user(Role.coordinator, locations=[azc2]),
        far_coordinator=make.user(Role.coordinator, locations=[far]),
        adviser=make.user(Role.adviser, region=region),
        far_adviser=make.user(Role.adviser, region=other_region),
        admin=make.user(Role.admin),
        member=make.user(Role.member),
    )
    db_session.commit()
    return w


@pytest.fixture
def provider(app):
    """A local SMS provider, configured: text messages to residents go out through it."""
    server = SmsProvider()
    app.config.update(SMS_URL=server.url, SMS_KEY="test-key")
    yield server
    server.stop()


def moment(days: int, hour: int = 10, minute: int = 0) -> datetime:
    return local_moment(today() + timedelta(days=days), time(hour, minute))


def session_data(days: int, hour: int = 10, hours: float = 2.5, place: str = "Lokaal 2",
                 kind=PlaceKind.room, url: str = "") -> services.SessionData:
    start = moment(days, hour)
    return services.SessionData(id=None, starts_at=start, ends_at=start + timedelta(hours=hours),
                                place_kind=kind, place=place, online_url=url)


@pytest.fixture
def build(world, db_session):
    """build(capacity=20, together=True, sessions=[...], **fields) -> a saved activity."""

    def _build(capacity=20, together=True, sessions=None, actor=None, location="azc", **kw):
        loc = getattr(world, location) if location else None
        data = services.ActivityData(
            kind=kw.pop("kind", ActivityKind.training),
            audience=kw.pop("audience", Audience.residents),
            title=kw.pop("title", "Werken in Nederland"), capacity=capacity, together=together,
            region_id=loc.region_id if loc else world.region.id,
            location_id=loc.id if loc else None,
            languages=kw.pop("languages", ["nl", "ar", "ti"]),
            description=kw.pop("description", "Over werk, contracten en je rechten."),
            sessions=sessions or [session_data(7), session_data(14)])
        activity = services.create(data, actor=actor or world.coordinator)
        db_session.commit()
        return activity

    return _build


def next_phone() -> str:
    return f"+3161{next(_phones):07d}"


def signup_form(pool=None, **overrides) -> dict:
    data = {"name": "Samira Haddad", "name_latin": "", "phone": next_phone(), "email": "",
            "azc_location": "-1", "language": "ar", "website": ""}
    if pool is not None:
        data["pool"] = str(pool.id)
    data.update(overrides)
    return data


def post_signup(client, activity, data, lang="nl"):
    return client.post(f"/a/{activity.code}?lang={lang}", data=data,
                       environ_base={"REMOTE_ADDR": next(_ips)})


def link_of(html: str) -> str:
    match = re.search(r"/t/([\w-]{20,})", html)
    assert match, "no private link on the page"
    return match.group(1)
