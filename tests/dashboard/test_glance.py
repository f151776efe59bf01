"""Every figure at a glance against the hand-counted world (scenario.py + scenario_glance.py):
the summary band with its changes, the funnel per route and residence status, the weekly
trends, the azc locations side by side, time per stage, TWV steps and aftercare, per region
and per azc, unchanged by the retention purge."""
from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from portal import clock, db
from portal.applicants.models import Application
from portal.dashboard import glance, summary_text, tables
from portal.dashboard.public import public_figures
from portal.dashboard.queries import Scope
from portal.jobs import JOBS
from tests.dashboard import expected, scenario, scenario_glance
from tests.dashboard import expected_glance as want


@pytest.fixture
def world(make, db_session):
    clock.move_to(scenario.NOW)
    w = scenario_glance.extend(make, scenario.build(make))
    db_session.commit()
    return w


def at_a_glance(region, location=None, **filters) -> glance.Glance:
    scope = Scope(start=scenario.START, end=scenario.END, region_id=region.id,
                  location_id=location and location.id, **filters)
    return glance.collect(scope, tables.collect(scope))


def band(g):
    return {item.key: (item.value, item.previous, item.change.text) for item in g.band}


def steps(g):
    return {s.key: (s.count, s.share) for s in g.steps}


def azc(g):
    return [(r.name, r.applied, r.contacted, r.hired, r.started, r.working, r.reached_3m,
             r.still_3m, r.weekly) for r in g.azc]


def test_region_a_every_figure(world):
    g = at_a_glance(world.A)
    assert band(g) == want.BAND_A
    assert g.day == scenario.END and g.previous.start.isoformat() == "2025-10-27"
    assert steps(g) == want.STEPS_A
    assert g.weeks == expected.WEEKS
    assert (g.applications_weekly, g.hires_weekly, g.endings_weekly) == tuple(want.TREND_A.values())
    assert azc(g) == want.AZC_A
    assert g.stages == want.STAGES_A
    assert g.in_stage_now == expected.REGION_A["applications"]["by_stage"]
    assert g.twv == want.TWV_A
    assert g.cancellations == {"pending": 2, "overdue": 1}
    assert g.aftercare == want.AFTERCARE_A


def test_location_a1_every_figure(world):
    g = at_a_glance(world.A, world.A1)
    assert band(g) == want.BAND_A1
    assert steps(g) == want.STEPS_A1
    assert g.azc == []  # one azc: nothing to put side by side
    assert g.stages == want.STAGES_A1
    assert g.twv == want.TWV_A1
    assert g.cancellations == {"pending": 1, "overdue": 1}
    assert g.aftercare == want.AFTERCARE_A


def test_region_b_every_figure_and_nothing_of_a(world):
    g = at_a_glance(world.B)
    assert band(g) == want.BAND_B
    assert steps(g) == want.STEPS_B
    assert (g.applications_weekly, g.hires_weekly, g.endings_weekly) == tuple(want.TREND_B.values())
    assert azc(g) == want.AZC_B
    assert g.stages == want.STAGES_B
    assert g.twv == want.TWV_B
    assert g.aftercare == want.AFTERCARE_B


@pytest.mark.parametrize("source, wanted", [("poster", want.STEPS_A_POSTER), ("desk", want.STEPS_A_DESK),
                                            ("proposal", want.STEPS_A_PROPOSAL)])
def test_funnel_per_route(world, source, wanted):
    assert steps(at_a_glance(world.A, source=source)) == wanted


def test_funnel_and_band_of_status_holders(world):
    g = at_a_glance(world.A, residence="status_holder")
    assert steps(g) == want.STEPS_A_STATUS_HOLDERS
    assert band(g) == want.BAND_A_STATUS_HOLDERS


def test_the_band_and_the_tables_use_the_same_definitions(world):
    scope = Scope(start=scenario.START, end=scenario.END, region_id=world.A.id)
    figures = tables.collect(scope)
    g = glance.collect(scope, figures)
    values = {item.key: item.value for item in g.band}
    assert values["hired"] == figures["placements"]["started"]
    assert values["retained_3m"] == figures["placements"]["three_months"]["rate"]
    assert values["open_vacancies"] == figures["vacancies"]["open_now"]
    assert g.steps[0].count == figures["applications"]["total"]
    assert sum(r.applied for r in g.azc) == g.steps[0].count
    assert [sum(col) for col in zip(*(r.weekly for r in g.azc), strict=True)] == g.applications_weekly
    assert sum(r.working for r in g.azc) == values["working"]


def test_plain_summary_of_region_a(world):
    assert summary_text.paragraph(at_a_glance(world.A)) == (
        "In deze periode kwamen 10 sollicitaties binnen. 3 mensen begonnen met werk (evenveel "
        "als in de 70 dagen ervoor). Op 15 maart 2026 werken 3 bewoners, bij 2 werkgevers. Van "
        "wie 3 maanden eerder begon, werkt 50 % nog (1 van de 2 die 3 maanden eerder begonnen). "
        "Het langst duurt de fase ‘gesproken’: de helft wacht langer dan 2,5 dagen. 2 TWV's "
        "moeten nog worden ingetrokken, waarvan 1 te laat. 1 zorg uit de nazorg wacht op een "
        "adviseur.")


def test_figures_at_a_glance_survive_the_retention_purge(world):
    scopes = [dict(region=world.A), dict(region=world.A, location=world.A1), dict(region=world.B),
              dict(region=world.A, source="poster"), dict(region=world.A, residence="status_holder")]
    before = [at_a_glance(**s) for s in scopes]
    public_before = public_figures(scenario.END)
    later = datetime(2027, 6, 1, 10, 0, tzinfo=UTC)
    clock.move_to(later)
    for label, job in JOBS:
        if "purged" in label:  # every purge of the tick, whatever feature adds one
            job(later)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Application)
                             .where(Application.name.is_not(None))) == 0  # all erased
    clock.move_to(scenario.NOW)
    db.session.expire_all()
    after = [at_a_glance(**s) for s in scopes]
    assert after == before
    assert band(after[0]) == want.BAND_A and steps(after[0]) == want.STEPS_A
    assert after[0].stages == want.STAGES_A and azc(after[0]) == want.AZC_A
    assert public_figures(scenario.END) == public_before
