from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal import clock
from portal.organisations.models import OrgKind, OrgStatus
from portal.vacancies import demo, services
from portal.vacancies.models import ContractType, Vacancy, VacancyStatus


def test_demo_seed_makes_valid_vacancies(app, make, db_session):
    region = make.region("Zaanstreek")
    zdm, pmr = make.location(region, code="ZDM"), make.location(region, code="PMR")
    ctx = {"employer": make.organisation(region), "agency": make.organisation(region, kind=OrgKind.agency),
           "pending": make.organisation(region, status=OrgStatus.pending)}
    demo.seed(ctx)
    published = db_session.query(Vacancy).filter_by(status=VacancyStatus.published).all()
    assert 3 <= len(published) <= 4
    for v in published:
        services.check(v.organisation, services._data_of(v))  # every rule holds for demo data
        assert v.locations and set(v.locations) <= {zdm, pmr}
    assert any(v.contract_type == ContractType.on_call for v in published)
    assert all(v.client_name for v in published if v.organisation.kind == OrgKind.agency)
    draft = db_session.query(Vacancy).filter_by(status=VacancyStatus.draft).one()
    assert draft.organisation == ctx["pending"]


def test_portal_tick_expires_with_moved_clock(app, make, db_session):
    v = make.vacancy(closing_date=clock.today() + timedelta(days=3))
    db_session.commit()
    runner = app.test_cli_runner()
    assert "vacancies expired: 0" in runner.invoke(args=["portal", "tick"]).output
    clock.move_to(clock.utcnow() + timedelta(days=4))
    assert "vacancies expired: 1" in runner.invoke(args=["portal", "tick"]).output
    assert "vacancies expired: 0" in runner.invoke(args=["portal", "tick"]).output
    db_session.expire_all()
    assert db_session.get(Vacancy, v.id).status == VacancyStatus.expired


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(location=st.text(max_size=20), code=st.text(min_size=1, max_size=12).filter(lambda s: "/" not in s))
def test_public_endpoints_never_500(client, location, code):
    from urllib.parse import quote

    assert client.get("/api/v1/vacancies", query_string={"location": location}).status_code == 200
    res = client.get(f"/api/v1/vacancies/{quote(code, safe='')}/poster.pdf",
                     query_string={"location": location})
    assert res.status_code in (200, 404)


def test_expire_at_amsterdam_midnight(app, make, db_session):
    v = make.vacancy(closing_date=datetime(2026, 6, 30).date())
    # 30 June 23:59 in Amsterdam is 21:59 UTC (summer time): still open
    assert services.expire_due(datetime(2026, 6, 30, 21, 59, tzinfo=UTC)) == 0
    assert services.expire_due(datetime(2026, 6, 30, 22, 1, tzinfo=UTC)) == 1
    assert v.status == VacancyStatus.expired
