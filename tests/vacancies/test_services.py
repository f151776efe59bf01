from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from portal import clock
from portal.clock import today
from portal.organisations.models import OrgKind, OrgStatus
from portal.vacancies import services
from portal.vacancies.models import ContractType, VacancyStatus
from portal.vacancies.services import VacancyData, VacancyError


def data(**kw) -> VacancyData:
    fields = dict(title="Hulp in de bakkerij", summary="Je helpt in de bakkerij.", city="Zaandam",
                  hours_min=16, hours_max=24, contract_type=ContractType.fixed_term,
                  wage_min_cents=1500, start_date=today() + timedelta(days=10),
                  closing_date=today() + timedelta(days=30))
    fields.update(kw)
    return VacancyData(**fields)


@pytest.fixture
def org(make):
    return make.organisation()


@pytest.fixture
def loc(make):
    return make.location(code="ZDM")


def error_of(func, *args) -> VacancyError:
    with pytest.raises(VacancyError) as info:
        func(*args)
    return info.value


def at(day: date) -> None:
    clock.move_to(datetime(day.year, day.month, day.day, 10, tzinfo=UTC))


def test_create_makes_a_draft_with_a_code(wages, org, loc):
    v = services.create_vacancy(org, data(location_ids=[loc.id]))
    assert v.status == VacancyStatus.draft
    assert len(v.code) == 6 and v.code == v.code.upper()
    assert [p.location for p in v.postings] == [loc]


@pytest.mark.parametrize("start, wage, ok", [
    (date(2025, 6, 30), 1406, True),
    (date(2025, 7, 1), 1406, False),
    (date(2025, 7, 1), 1440, True),
    (date(2025, 12, 31), 1440, True),
    (date(2026, 1, 1), 1440, False),
    (date(2026, 1, 1), 1471, True),
])
def test_wage_must_reach_minimum_on_start_date(wages, org, start, wage, ok):
    at(date(2025, 6, 1))
    d = data(start_date=start, wage_min_cents=wage, closing_date=date(2025, 8, 1))
    if ok:
        services.create_vacancy(org, d)
    else:
        err = error_of(services.create_vacancy, org, d)
        assert err.field == "wage_min"
        assert "minimumloon" in err.message


def test_error_names_the_amount(wages, org):
    at(date(2025, 6, 1))
    err = error_of(services.create_vacancy, org, data(start_date=date(2025, 7, 1),
                                                      wage_min_cents=1406, closing_date=date(2025, 8, 1)))
    assert "14,40" in err.message


def test_no_wage_row_refuses_with_explanation(wages, org):
    at(date(2024, 11, 1))
    err = error_of(services.create_vacancy, org, data(start_date=date(2024, 12, 1),
                                                      closing_date=date(2024, 12, 1)))
    assert err.field == "wage_min" and "niet bekend" in err.message


def test_wage_max_not_below_min(wages, org):
    assert error_of(services.create_vacancy, org, data(wage_max_cents=1499)).field == "wage_max"
    services.create_vacancy(org, data(wage_max_cents=1500))


@pytest.mark.parametrize("hmin, hmax, field", [
    (0, 10, "hours_min"), (20, 10, "hours_max"), (20, 41, "hours_max"),
])
def test_hours_rules(wages, org, hmin, hmax, field):
    assert error_of(services.create_vacancy, org, data(hours_min=hmin, hours_max=hmax)).field == field


def test_full_time_hours_is_a_setting(app, wages, org):
    services.create_vacancy(org, data(hours_min=40, hours_max=40))
    app.config["FULL_TIME_HOURS"] = 36
    assert error_of(services.create_vacancy, org, data(hours_max=38)).field == "hours_max"


def test_positions_at_least_one(wages, org):
    assert error_of(services.create_vacancy, org, data(positions=0)).field == "positions"


def test_open_to_someone(wages, org):
    err = error_of(services.create_vacancy, org, data(open_to_asylum=False, open_to_status=False))
    assert err.field == "open_to_asylum"
    services.create_vacancy(org, data(open_to_asylum=False, open_to_status=True))


def test_closing_date_window(wages, org):
    at(date(2026, 1, 10))
    d = dict(start_date=date(2026, 2, 1))
    assert error_of(services.create_vacancy, org, data(closing_date=date(2026, 1, 9), **d)).field == "closing_date"
    services.create_vacancy(org, data(closing_date=date(2026, 1, 10), **d))
    services.create_vacancy(org, data(closing_date=date(2026, 4, 10), **d))
    err = error_of(services.create_vacancy, org, data(closing_date=date(2026, 4, 11), **d))
    assert err.field == "closing_date" and "3 maanden" in err.message


def test_agency_must_name_client(wages, make):
    agency = make.organisation(kind=OrgKind.agency)
    assert error_of(services.create_vacancy, agency, data(client_name="  ")).field == "client_name"
    v = services.create_vacancy(agency, data(client_name="Zaanse Groothandel"))
    assert v.client_name == "Zaanse Groothandel"


def test_employer_client_name_is_ignored(wages, org):
    assert services.create_vacancy(org, data(client_name="X")).client_name is None


def test_on_call_gives_a_warning_not_an_error(wages, org):
    v = services.create_vacancy(org, data(contract_type=ContractType.on_call))
    assert any("40 uur" in w for w in services.warnings(v))
    assert services.warnings(data()) == []


def test_publish(wages, org, loc):
    v = services.create_vacancy(org, data(location_ids=[loc.id]))
    services.publish_vacancy(v)
    assert v.status == VacancyStatus.published and v.published_at is not None


@pytest.mark.parametrize("status", [OrgStatus.pending, OrgStatus.rejected, OrgStatus.suspended])
def test_unapproved_organisation_cannot_publish(wages, make, loc, status):
    org = make.organisation(status=status)
    v = services.create_vacancy(org, data(location_ids=[loc.id]))
    err = error_of(services.publish_vacancy, v)
    assert "goedgekeurd" in err.message
    assert v.status == VacancyStatus.draft


def test_publish_needs_a_location(wages, org):
    v = services.create_vacancy(org, data())
    assert error_of(services.publish_vacancy, v).field == "location_ids"


def test_publish_refuses_start_in_past(wages, org, loc):
    at(date(2026, 2, 1))
    v = services.create_vacancy(org, data(location_ids=[loc.id], start_date=date(2026, 2, 5),
                                          closing_date=date(2026, 3, 1)))
    at(date(2026, 2, 6))
    assert error_of(services.publish_vacancy, v).field == "start_date"


def test_publish_rechecks_wage_of_old_copy(wages, org, loc):
    at(date(2025, 6, 1))
    v = services.create_vacancy(org, data(location_ids=[loc.id], start_date=date(2025, 6, 20),
                                          wage_min_cents=1406, closing_date=date(2025, 6, 30)))
    at(date(2025, 7, 2))
    copy = services.duplicate_vacancy(v)
    copy.start_date, copy.closing_date = date(2025, 7, 10), date(2025, 8, 1)
    assert error_of(services.publish_vacancy, copy).field == "wage_min"


def test_duplicate_is_a_draft_with_new_code(wages, make, org, loc):
    v = make.vacancy(org, [loc], title="Bakker")
    copy = services.duplicate_vacancy(v)
    assert copy.status == VacancyStatus.draft and copy.code != v.code
    assert copy.title == "Bakker" and copy.locations == [loc]
    assert copy.published_at is None


@pytest.mark.parametrize("outcome, status", [
    ("filled", VacancyStatus.filled), ("not_filled", VacancyStatus.closed),
    ("withdrawn", VacancyStatus.closed),
])
def test_close_with_outcome(make, org, outcome, status):
    v = make.vacancy(org)
    services.close_vacancy(v, outcome, "Via het azc iemand gevonden")
    assert v.status == status and v.close_outcome == outcome
    assert v.status_reason == "Via het azc iemand gevonden" and v.closed_at
    with pytest.raises(VacancyError):
        services.close_vacancy(v, "filled")


def test_close_needs_known_outcome(make, org):
    assert error_of(services.close_vacancy, make.vacancy(org), "gone").field == "outcome"


def test_extend_needs_reason_and_stays_within_three_months(make, org):
    at(date(2026, 1, 10))
    v = make.vacancy(org, closing_date=date(2026, 2, 1))
    assert error_of(services.extend_closing_date, v, date(2026, 3, 1), " ").field == "reason"
    err = error_of(services.extend_closing_date, v, date(2026, 4, 11), "Nog geen kandidaten")
    assert err.field == "closing_date"
    assert error_of(services.extend_closing_date, v, date(2026, 1, 20), "eerder").field == "closing_date"
    services.extend_closing_date(v, date(2026, 4, 10), "Nog geen kandidaten")
    assert v.closing_date == date(2026, 4, 10) and v.extension_reason == "Nog geen kandidaten"


def test_edit_of_running_vacancy_keeps_past_start(wages, org, loc):
    at(date(2026, 2, 1))
    v = services.create_vacancy(org, data(location_ids=[loc.id], start_date=date(2026, 2, 5),
                                          closing_date=date(2026, 3, 1)))
    services.publish_vacancy(v)
    at(date(2026, 2, 10))
    services.update_vacancy(v, data(location_ids=[loc.id], start_date=date(2026, 2, 5),
                                    closing_date=date(2026, 3, 1), title="Bakker"))
    assert v.title == "Bakker"
    err = error_of(services.update_vacancy, v, data(location_ids=[loc.id], start_date=date(2026, 2, 6),
                                                    closing_date=date(2026, 3, 1)))
    assert err.field == "start_date"


def test_extend_only_published(make, org):
    v = make.vacancy(org, status=VacancyStatus.draft)
    with pytest.raises(VacancyError):
        services.extend_closing_date(v, today() + timedelta(days=40), "reden")


def test_suspend_and_restore_for_organisation(make, db_session):
    org = make.organisation()
    live = make.vacancy(org)
    late = make.vacancy(org, closing_date=today() + timedelta(days=2))
    by_adviser = make.vacancy(org)
    draft = make.vacancy(org, status=VacancyStatus.draft)
    other = make.vacancy(make.organisation())
    services.suspend_vacancy(by_adviser, "misleidende tekst")
    assert services.take_offline_for_organisation(org) == 2
    assert live.status == late.status == VacancyStatus.suspended
    assert live.status_reason == "organisation suspended"
    assert draft.status == VacancyStatus.draft and other.status == VacancyStatus.published

    clock.move_to(clock.utcnow() + timedelta(days=5))
    assert services.restore_for_organisation(org) == 2
    assert live.status == VacancyStatus.published and live.status_reason is None
    assert late.status == VacancyStatus.expired
    assert by_adviser.status == VacancyStatus.suspended  # an adviser's own decision stays
    assert services.restore_for_organisation(org) == 0


def test_expire_due_with_moved_clock_is_idempotent(make, db_session):
    org = make.organisation()
    soon = make.vacancy(org, closing_date=date(2026, 3, 1))
    later = make.vacancy(org, closing_date=date(2026, 3, 20))
    draft = make.vacancy(org, status=VacancyStatus.draft, closing_date=date(2026, 3, 1))
    last_day = datetime(2026, 3, 1, 22, 30, tzinfo=UTC)  # 23:30 in Amsterdam
    assert services.expire_due(last_day) == 0
    next_day = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # 00:30 on 2 March
    assert services.expire_due(next_day) == 1
    assert soon.status == VacancyStatus.expired
    assert later.status == VacancyStatus.published and draft.status == VacancyStatus.draft
    assert services.expire_due(next_day) == 0
    assert services.expire_due(next_day + timedelta(days=30)) == 1


def test_expire_is_a_tick_job():
    from portal.jobs import JOBS

    assert dict(JOBS)["vacancies expired"] is services.expire_due


def test_removed_location_kept_until_taken_down(wages, make, org):
    a, b = make.location(), make.location()
    v = services.create_vacancy(org, data(location_ids=[a.id, b.id]))
    services.publish_vacancy(v)
    services.mark_printed([p for p in v.postings if p.location == a])
    assert error_of(services.update_vacancy, v, data(location_ids=[])).field == "location_ids"
    services.update_vacancy(v, data(location_ids=[b.id]))
    assert v.locations == [b]
    kept = [p for p in v.postings if p.location == a]
    assert kept and kept[0].removed_at is not None  # printed: the coordinator takes it down
    services.update_vacancy(v, data(location_ids=[a.id, b.id]))
    assert set(v.locations) == {a, b} and kept[0].printed_at is None


def test_unknown_location_refused(wages, org):
    assert error_of(services.create_vacancy, org, data(location_ids=[999999])).field == "location_ids"
