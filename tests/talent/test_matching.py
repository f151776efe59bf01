"""The advisers' search through the profiles: who sees which (portal.access), every filter,
and only profiles whose consent runs."""
from __future__ import annotations

from datetime import timedelta

import pytest

from portal.clock import utcnow
from portal.talent import matching
from portal.talent.matching import TWV, Filters
from portal.talent.models import Availability, LanguageLevel, Residence


@pytest.fixture
def pool(make, world, db_session):
    """Five residents in the region (two azc's) and one elsewhere."""
    p = {
        "selam": make.profile(world.azc, name="Selam", languages=(("ti", "native"), ("en", "good")),
                              work=("role.cleaner",), attended_training=True),
        "ahmad": make.profile(world.azc, name="Ahmad", languages=(("ar", "native"), ("nl", "basic")),
                              work=("role.warehouse", "sector.logistiek"),
                              residence=Residence.status_holder, availability=Availability.full_time),
        "yonas": make.profile(world.azc2, name="Yonas", languages=(("ti", "basic"),),
                              work=("role.kitchen",), availability=Availability.flexible,
                              residence=Residence.asylum_under_6_months),
        "sara": make.profile(world.azc2, name="Sara", languages=(("fa", "native"), ("en", "fluent")),
                             work=("role.cleaner",), residence=Residence.unknown,
                             availability=Availability.evenings_weekends),
        "gone": make.profile(world.azc, name="Verlopen", expires_at=utcnow() - timedelta(minutes=1),
                             consent_at=utcnow() - timedelta(days=200)),
        "far": make.profile(world.far, name="Ver weg", languages=(("ti", "native"),)),
    }
    db_session.commit()
    return p


def _names(user, **filters) -> set[str]:
    return {p.name for p in matching.search(user, Filters(**filters)).profiles}


def test_an_adviser_sees_the_running_profiles_of_the_region_only(world, pool):
    assert _names(world.adviser) == {"Selam", "Ahmad", "Yonas", "Sara"}
    assert _names(world.far_adviser) == {"Ver weg"}


def test_a_coordinator_sees_the_profiles_of_their_azc_only(world, pool):
    assert _names(world.coordinator) == {"Selam", "Ahmad"}
    assert _names(world.coordinator2) == {"Yonas", "Sara"}


def test_an_admin_sees_every_running_profile_and_a_member_none(world, pool):
    assert _names(world.admin) == {"Selam", "Ahmad", "Yonas", "Sara", "Ver weg"}
    assert _names(world.member) == set()


def test_filters_by_language_and_at_least_a_level(world, pool):
    assert _names(world.adviser, language="ti") == {"Selam", "Yonas"}
    assert _names(world.adviser, language="ti", level=LanguageLevel.good) == {"Selam"}
    assert _names(world.adviser, language="en", level=LanguageLevel.fluent) == {"Sara"}
    assert _names(world.adviser, language="nl") == {"Ahmad"}


def test_filters_by_kind_of_work_azc_training_and_residence(world, pool):
    assert _names(world.adviser, kind="role.cleaner") == {"Selam", "Sara"}
    assert _names(world.adviser, kind="sector.logistiek") == {"Ahmad"}
    assert _names(world.adviser, location_id=world.azc2.id) == {"Yonas", "Sara"}
    assert _names(world.adviser, trained=True) == {"Selam"}
    assert _names(world.adviser, residence=TWV) == {"Selam", "Ahmad"}
    assert _names(world.adviser, residence="status_holder") == {"Ahmad"}
    assert _names(world.adviser, residence="nonsense") == {"Selam", "Ahmad", "Yonas", "Sara"}


def test_flexible_residents_fit_every_availability(world, pool):
    assert _names(world.adviser, availability=Availability.full_time) == {"Ahmad", "Yonas"}
    assert _names(world.adviser, availability=Availability.evenings_weekends) == {"Sara", "Yonas"}


def test_language_and_kind_together(world, pool):
    """The issue's journey: found by language and kind of work."""
    assert _names(world.adviser, language="ti", kind="role.cleaner") == {"Selam"}


def test_results_come_a_page_at_a_time(world, make, db_session):
    for n in range(matching.PAGE_SIZE + 3):
        make.profile(world.azc, name=f"Bewoner {n}")
    db_session.commit()
    first = matching.search(world.adviser, Filters())
    assert first.total == matching.PAGE_SIZE + 3 and first.pages == 2
    assert len(first.profiles) == matching.PAGE_SIZE == len(first.shown_ids)
    second = matching.search(world.adviser, Filters(), page=2)
    assert len(second.profiles) == 3
    assert not set(first.shown_ids) & set(second.shown_ids)
    assert matching.search(world.adviser, Filters(), page=99).page == 2


def test_one_profile_only_for_whom_it_is(world, pool):
    selam = pool["selam"]
    assert matching.profile_for(world.adviser, selam.id) is not None
    assert matching.profile_for(world.coordinator, selam.id) is not None
    assert matching.profile_for(world.coordinator2, selam.id) is None
    assert matching.profile_for(world.far_adviser, selam.id) is None
    assert matching.profile_for(world.member, selam.id) is None
    assert matching.profile_for(world.adviser, pool["gone"].id) is None
