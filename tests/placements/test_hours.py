"""The hours of one person's open placements may not exceed one full-time job."""
from __future__ import annotations

from datetime import timedelta

import pytest

from portal.applicants.models import Stage
from portal.clock import today
from portal.placements import services
from portal.vacancies.models import ContractType
from tests.placements.conftest import V_NUMBER, make_placement, placement_of


def test_hours_across_two_organisations_with_v_number(world, make, db_session, hire):
    make_placement(make, db_session, world.vac_b, hours=24, v_number=V_NUMBER)
    resp = hire(world.member_a, world.app_a, hours_per_week="20", v_number=V_NUMBER)
    assert resp.status_code == 422
    page = resp.get_data(as_text=True)
    assert 'id="hours_per_week-error"' in page
    assert "al 24 uur per week" in page and "40 uur" in page
    assert placement_of(world.app_a) is None
    # 16 more hours fit exactly in one full-time job.
    assert hire(world.member_a, world.app_a, hours_per_week="16", v_number=V_NUMBER).status_code == 302


def test_another_person_is_not_counted(world, make, db_session, hire):
    make_placement(make, db_session, world.vac_b, hours=40, v_number="9876543210")
    assert hire(world.member_a, world.app_a, hours_per_week="32", v_number=V_NUMBER).status_code == 302


def test_without_v_number_there_is_nothing_to_compare(world, make, db_session, hire):
    make_placement(make, db_session, world.vac_b, hours=32, v_number=V_NUMBER)
    # Same person, but the employer did not give the number: the check cannot see the overlap.
    assert hire(world.member_a, world.app_a, hours_per_week="32").status_code == 302
    assert placement_of(world.app_a).person_hash is None


def test_without_v_number_one_placement_over_full_time_is_refused(world, hire):
    resp = hire(world.member_a, world.app_a, hours_per_week="45")
    assert resp.status_code == 422
    assert "meer dan een voltijdbaan van 40 uur" in resp.get_data(as_text=True)


def test_on_call_counts_as_full_time(world, make, db_session, hire):
    make_placement(make, db_session, world.vac_b, hours=8, contract_type=ContractType.on_call,
                   v_number=V_NUMBER)
    resp = hire(world.member_a, world.app_a, hours_per_week="4", v_number=V_NUMBER)
    assert resp.status_code == 422 and "al 40 uur per week" in resp.get_data(as_text=True)


def test_new_on_call_contract_is_refused_next_to_other_work(world, make, db_session, hire):
    make_placement(make, db_session, world.vac_b, hours=8, v_number=V_NUMBER)
    resp = hire(world.member_a, world.app_a, hours_per_week="8", contract_type="on_call",
                v_number=V_NUMBER)
    assert resp.status_code == 422
    page = resp.get_data(as_text=True)
    assert 'id="contract_type-error"' in page and "(40 uur)" in page


def test_ended_placements_do_not_count(world, make, db_session, hire):
    old = make_placement(make, db_session, world.vac_b, hours=40, v_number=V_NUMBER,
                         start_date=today() - timedelta(days=60))
    services.end(old, world.member_b, today() - timedelta(days=1),
                 services.EndReason.end_of_contract)
    db_session.commit()
    assert hire(world.member_a, world.app_a, hours_per_week="40", v_number=V_NUMBER).status_code == 302


def test_placement_ending_in_the_future_still_counts(world, make, db_session):
    running = make_placement(make, db_session, world.vac_b, hours=30, v_number=V_NUMBER,
                             start_date=today() - timedelta(days=60))
    services.end(running, world.member_b, today() + timedelta(days=14),
                 services.EndReason.end_of_contract)
    application = make.application(world.vac_a, stage=Stage.offer)
    with pytest.raises(services.PlacementError) as err:
        services.hire(application, world.member_a, services.HireData(
            start_date=today(), hours_per_week=20, contract_type=ContractType.temporary,
            v_number=V_NUMBER))
    assert err.value.field == "hours_per_week"


def test_full_time_is_a_setting(app, world, hire):
    app.config["FULL_TIME_HOURS"] = 36
    resp = hire(world.member_a, world.app_a, hours_per_week="38")
    assert resp.status_code == 422 and "36 uur" in resp.get_data(as_text=True)


def _full_time_job_ending_today(world, make, db_session):
    old = make_placement(make, db_session, world.vac_b, hours=40, v_number=V_NUMBER,
                         start_date=today() - timedelta(days=60))
    services.end(old, world.member_b, today(), services.EndReason.end_of_contract)
    db_session.commit()


def test_a_job_ending_today_does_not_count_for_a_job_starting_tomorrow(world, make, db_session, hire):
    _full_time_job_ending_today(world, make, db_session)
    res = hire(world.member_a, world.app_a, hours_per_week="40", v_number=V_NUMBER,
               start_date=(today() + timedelta(days=1)).isoformat())
    assert res.status_code == 302
    assert placement_of(world.app_a) is not None


def test_a_job_ending_today_counts_for_a_job_starting_today(world, make, db_session, hire):
    """The end date is the last working day: today both permits would run."""
    _full_time_job_ending_today(world, make, db_session)
    res = hire(world.member_a, world.app_a, hours_per_week="40", v_number=V_NUMBER,
               start_date=today().isoformat())
    assert res.status_code == 422 and "voltijdbaan" in res.get_data(as_text=True)


def test_a_job_ending_before_the_new_start_does_not_count(world, make, db_session, hire):
    old = make_placement(make, db_session, world.vac_b, hours=40, v_number=V_NUMBER,
                         start_date=today() - timedelta(days=60))
    services.end(old, world.member_b, today() + timedelta(days=3), services.EndReason.end_of_contract)
    db_session.commit()
    res = hire(world.member_a, world.app_a, hours_per_week="40", v_number=V_NUMBER,
               start_date=(today() + timedelta(days=4)).isoformat())
    assert res.status_code == 302
