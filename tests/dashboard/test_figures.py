"""Every figure of the adviser dashboard against a hand-counted scenario, per region and per
azc location, and unchanged by the retention purge."""
from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from portal import clock, db
from portal.applicants.models import Application
from portal.dashboard.queries import Scope
from portal.dashboard.tables import collect
from tests.dashboard import expected, scenario


def figures(region, location=None, sector=None):
    return collect(Scope(start=scenario.START, end=scenario.END, region_id=region.id,
                         location_id=location and location.id, sector=sector))


def assert_figures(actual: dict, wanted: dict):
    for section, values in wanted.items():
        assert actual[section] == values, section


def test_region_a_every_figure(world):
    assert_figures(figures(world.A), expected.REGION_A)


def test_location_a1_every_figure(world):
    assert_figures(figures(world.A, world.A1), expected.LOCATION_A1)


def test_region_b_every_figure_and_no_overlap(world):
    assert_figures(figures(world.B), expected.REGION_B)


def test_sector_filter(world):
    f = figures(world.A, sector="horeca")
    assert f["organisations"] == {"pending": 0, "approved": 1, "rejected": 1, "suspended": 0,
                                  "registered": 2, "median_days_to_approval": 10.0}
    assert f["vacancies"] == {"published": 2, "open_now": 0, "filled": 1, "expired": 0, "closed": 1}
    assert f["applications"]["total"] == 4
    assert f["applications"]["by_stage"] == expected.stages(hired=1, rejected=1, withdrawn=1, no_show=1)
    assert f["applications"]["by_poster"] == [("azc Alfa", 2), ("azc Beta", 1), ("", 1)]
    assert f["applications"]["median_days_to_contact"] == 2.0
    assert f["applications"]["median_days_to_hire"] == 20.0
    assert (f["tours"]["held"], f["tours"]["planned"], f["tours"]["no_show_rate"]) == (1, 1, 50.0)
    assert (f["placements"]["started"], f["placements"]["twv_refused"]) == (1, 1)
    assert f["reports"]["total"] == 1 and f["reports"]["by_signal"]["no_contract"] == 1
    assert f["questions"] == {"asked": 1, "answered": 1, "median_hours_to_answer": 26.0}


def test_all_regions_for_admins_add_up(world):
    both = collect(Scope(start=scenario.START, end=scenario.END))
    assert both["applications"]["total"] == 11
    assert both["placements"]["started"] == 4
    assert both["reports"]["total"] == 4


def test_figures_survive_the_retention_purge(world):
    from portal.apply.housekeeping import purge_expired

    before = [figures(world.A), figures(world.A, world.A1), figures(world.B)]
    clock.move_to(datetime(2027, 6, 1, 10, 0, tzinfo=UTC))
    erased = purge_expired(clock.utcnow())
    db.session.commit()
    # Every application: those of the filled, expired and closed vacancies, and those of the two
    # still marked published whose closing date (1 April 2026) passed over a year ago. The purge
    # follows the one "vacancy is open" rule, whether or not the expiry job ran.
    assert erased == 15
    assert db.session.scalar(select(func.count()).select_from(Application)
                             .where(Application.name.is_(None))) == erased
    clock.move_to(scenario.NOW)
    db.session.expire_all()
    after = [figures(world.A), figures(world.A, world.A1), figures(world.B)]
    assert after == before
    assert_figures(after[0], expected.REGION_A)
