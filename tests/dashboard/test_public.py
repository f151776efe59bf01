"""Public figures (front page and GET /api/v1/figures): a known scenario counted exactly, with
the small-number rule, the total that would give a hidden region away, and the same
definitions as the adviser's dashboard."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from portal import clock
from portal.dashboard import queries, queries_work
from portal.dashboard.public import MEASURES, public_figures, raw_counts
from portal.dashboard.queries import Scope
from portal.organisations.models import OrgStatus
from portal.vacancies.models import VacancyStatus

NOW = datetime(2026, 11, 30, 10, tzinfo=UTC)
TODAY = date(2026, 11, 30)


def _hires(make, org, n, start):
    vacancy = make.vacancy(organisation=org, status=VacancyStatus.filled)
    for _ in range(n):
        make.placement(make.application(vacancy=vacancy), start_date=start)


@pytest.fixture
def scenario(make, db_session):
    clock.move_to(NOW)
    a, b, c = make.region("Zaanstad"), make.region("Nijmegen"), make.region("Eindhoven")
    make.region("Leeg")  # a region with nothing at all
    # Zaanstad: 6 employers taking part, 7 open vacancies, 5 hires this year.
    orgs_a = [make.organisation(region=a) for _ in range(6)]
    for _ in range(7):
        make.vacancy(organisation=orgs_a[0])
    _hires(make, orgs_a[1], 4, date(2026, 1, 1))
    _hires(make, orgs_a[1], 1, date(2026, 12, 31))  # hired now, starts later this year
    # ... and what does not count:
    _hires(make, orgs_a[1], 2, date(2025, 12, 31))  # last year
    _hires(make, orgs_a[1], 1, date(2027, 1, 4))  # next year
    make.vacancy(organisation=orgs_a[0], status=VacancyStatus.draft)
    make.vacancy(organisation=orgs_a[0], closing_date=TODAY - timedelta(days=1))  # closed, job not run
    suspended = make.organisation(region=a, status=OrgStatus.suspended)
    make.vacancy(organisation=suspended)  # offline with its organisation
    make.organisation(region=a, status=OrgStatus.pending)
    # Nijmegen: 2 employers, 3 open vacancies, 6 hires.
    orgs_b = [make.organisation(region=b) for _ in range(2)]
    for _ in range(3):
        make.vacancy(organisation=orgs_b[0])
    _hires(make, orgs_b[1], 6, date(2026, 6, 1))
    # Eindhoven: 5 employers, nothing else.
    for _ in range(5):
        make.organisation(region=c)
    db_session.commit()
    return {"a": a, "b": b, "c": c}


def _by_name(figures):
    return {r.name: {m: r.counts[m].value for m in MEASURES} for r in figures.regions}


def test_known_scenario_with_small_numbers_suppressed(scenario):
    figures = public_figures()
    assert figures.as_of == TODAY and figures.year == 2026
    assert _by_name(figures) == {
        "Eindhoven": {"vacancies_open": None, "residents_hired_this_year": None, "employers_taking_part": 5},
        "Leeg": {"vacancies_open": None, "residents_hired_this_year": None, "employers_taking_part": None},
        "Nijmegen": {"vacancies_open": None, "residents_hired_this_year": 6, "employers_taking_part": None},
        "Zaanstad": {"vacancies_open": 7, "residents_hired_this_year": 5, "employers_taking_part": 6},
    }
    nijmegen = next(r for r in figures.regions if r.name == "Nijmegen")
    assert nijmegen.counts["vacancies_open"].suppressed  # 3
    assert not nijmegen.counts["residents_hired_this_year"].suppressed
    # Vacancies: 10 in total, 7 shown: the total would say the three hidden regions hold 3.
    assert figures.total["vacancies_open"].suppressed
    # Hires: only Eindhoven and Leeg (both 0) hidden -> shown total 11 = 5 + 6 + hidden 0.
    assert figures.total["residents_hired_this_year"].value == 11
    # Employers: 13 in total, 11 shown: the total would give away that Nijmegen (2) and Leeg
    # (0) hold 2, and so Nijmegen's 2 to anyone who knows Leeg has nobody yet.
    assert figures.total["employers_taking_part"].suppressed


def test_total_is_withheld_when_exactly_one_region_is_hidden(make, db_session):
    clock.move_to(NOW)
    big, small = make.region("Groot"), make.region("Klein")
    for _ in range(8):
        make.organisation(region=big)
    for _ in range(2):
        make.organisation(region=small)
    db_session.commit()
    figures = public_figures()
    assert figures.total["employers_taking_part"].value is None  # 10 - 8 would reveal Klein's 2
    assert figures.total["employers_taking_part"].suppressed
    assert _by_name(figures)["Groot"]["employers_taking_part"] == 8


@pytest.mark.parametrize("small, total", [
    ((3, 2), 13),  # 13 - 8 = 5 between two hidden regions: neither number follows from it
    ((1, 0), None),  # 9 - 8 = 1: whoever knows one of them is empty knows the other
])
def test_total_depends_on_what_the_hidden_regions_hold_together(make, db_session, small, total):
    clock.move_to(NOW)
    regions = [make.region("Groot"), make.region("Klein A"), make.region("Klein B")]
    for region, n in zip(regions, (8, *small), strict=True):
        for _ in range(n):
            make.organisation(region=region)
    db_session.commit()
    figures = public_figures()
    assert _by_name(figures)["Klein A"]["employers_taking_part"] is None
    assert _by_name(figures)["Klein B"]["employers_taking_part"] is None
    assert figures.total["employers_taking_part"].value == total
    assert figures.total["employers_taking_part"].suppressed is (total is None)


def test_a_total_below_five_is_withheld(make, db_session):
    clock.move_to(NOW)
    one, two = make.region("Een"), make.region("Twee")
    make.organisation(region=one)
    make.organisation(region=two)
    db_session.commit()
    assert public_figures().total["employers_taking_part"].suppressed


def test_same_definitions_as_the_dashboard(scenario):
    raw = raw_counts(TODAY)
    year = dict(start=date(2026, 1, 1), end=date(2026, 12, 31))
    for region in scenario.values():
        scope = Scope(region_id=region.id, **year)
        assert raw["vacancies_open"].get(region.id, 0) == queries.vacancies(scope)["open_now"]
        assert raw["residents_hired_this_year"].get(region.id, 0) == queries_work.placements(scope)["started"]
        assert raw["employers_taking_part"].get(region.id, 0) == queries.organisations(scope)["approved"]


def test_api_gives_stable_json_with_flags(client, scenario):
    res = client.get("/api/v1/figures")
    assert res.status_code == 200 and res.mimetype == "application/json"
    assert res.headers["Access-Control-Allow-Origin"] == "*"
    data = res.get_json()
    assert set(data) == {"version", "as_of", "year", "threshold", "measures", "total", "regions"}
    assert (data["version"], data["as_of"], data["year"], data["threshold"]) == (1, "2026-11-30", 2026, 5)
    assert data["measures"] == ["vacancies_open", "residents_hired_this_year", "employers_taking_part"]
    zaanstad = next(r for r in data["regions"] if r["name"] == "Zaanstad")
    assert zaanstad["vacancies_open"] == {"count": 7, "suppressed": False}
    nijmegen = next(r for r in data["regions"] if r["name"] == "Nijmegen")
    assert nijmegen["vacancies_open"] == {"count": None, "suppressed": True}
    assert data["total"]["vacancies_open"] == {"count": None, "suppressed": True}
    assert data["total"]["residents_hired_this_year"] == {"count": 11, "suppressed": False}
    assert [r["name"] for r in data["regions"]] == ["Eindhoven", "Leeg", "Nijmegen", "Zaanstad"]
    # Counts only: no organisation, vacancy or person appears.
    assert "Bedrijf" not in res.get_data(as_text=True)
    again = client.get("/api/v1/figures", headers={"If-None-Match": res.headers["ETag"]})
    assert again.status_code == 304
