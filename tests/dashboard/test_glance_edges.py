"""Edges of the figures at a glance: no "-0" and no negative waits, history that is missing,
hires that never started, vacancies open on a past day, the previous period, percentiles and
the report periods; and a section of another feature shown through sections.py."""
from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from jinja2 import ChoiceLoader, DictLoader

from portal import clock, db
from portal.applicants.models import ApplicationEvent, Stage
from portal.dashboard import display, queries, queries_glance, queries_stalls, sections
from portal.dashboard.forms import month_period, quarter_period, recent_quarters
from portal.dashboard.queries import Scope
from portal.dashboard.tables import Table
from portal.placements.models import EndReason
from portal.vacancies.models import VacancyStatus

NOW = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.fixture
def region(make, db_session):
    clock.move_to(NOW)
    r = make.region("Regio Rand")
    db_session.commit()
    return r


def _scope(region, **kw) -> Scope:
    return Scope(start=date(2026, 3, 1), end=date(2026, 3, 15), region_id=region.id, **kw)


def test_a_step_recorded_a_moment_before_the_application_is_never_minus_zero(make, db_session, region,
                                                                              client, login):
    from portal.accounts.models import Role

    vacancy = make.vacancy(make.organisation(region))
    app = make.application(vacancy, stage=Stage.contacted, created_at=at("2026-03-02T10:00:01"))
    db.session.add(ApplicationEvent(application=app, from_stage=Stage.new, to_stage=Stage.contacted,
                                    created_at=at("2026-03-02T10:00:00")))  # clocks a second apart
    db_session.commit()
    figures = queries.applications(_scope(region))
    assert figures["median_days_to_contact"] == 0.0 and str(figures["median_days_to_contact"]) == "0.0"
    assert queries_stalls.stage_times(_scope(region))["new"]["median_days"] == 0.0
    login(make.user(Role.adviser, region=region))
    db_session.commit()
    html = client.get("/adviseur/cijfers?start=2026-03-01&end=2026-03-15").text
    row = html[html.index("Mediaan dagen tot eerste contact"):][:120]
    assert '<td class="num">0</td>' in row and "-0" not in row


def test_numbers_and_changes_read_without_sign_mistakes():
    assert display.number(-0.0) == "0" and display.number(-0.04) == "0"
    assert display.number(1234) == "1.234" and display.number(12.25) == "12,2"
    assert display.number(None) == "–" and display.percent(None) == "–"
    assert display.in_days(1.0) == "1 dag" and display.in_days(2.5) == "2,5 dagen"
    assert display.change(0.04, 0.0, display.DAYS).text == "gelijk"
    assert display.change(3, 5).text == "2 minder" and display.change(5, 3).direction == "up"
    assert display.change(66.7, 50.0, display.PERCENT).text == "16,7 procentpunt hoger"
    assert display.change(1.0, 2.0, display.DAYS).text == "1 dag korter"
    assert display.change(None, 3).text == "geen vergelijking"


def test_the_furthest_stage_counts_when_the_history_is_missing(make, db_session, region):
    vacancy = make.vacancy(make.organisation(region))
    make.application(vacancy, stage=Stage.offer, created_at=at("2026-03-03T10:00"))  # no events
    rejected = make.application(vacancy, stage=Stage.rejected, created_at=at("2026-03-04T10:00"))
    db.session.add(ApplicationEvent(application=rejected, from_stage=Stage.new, to_stage=Stage.tour,
                                    created_at=at("2026-03-05T10:00")))
    db_session.commit()
    assert queries_glance.funnel(_scope(region))["steps"] == {
        "applied": 2, "contacted": 2, "tour": 2, "hired": 0}


def test_a_hire_that_did_not_go_ahead_is_not_at_work_and_has_no_wait(make, db_session, region):
    vacancy = make.vacancy(make.organisation(region))
    app = make.application(vacancy, stage=Stage.hired, created_at=at("2026-02-20T10:00"))
    make.placement(app, start_date=date(2026, 3, 1), end_date=date(2026, 3, 20),
                   end_reason=EndReason.not_started)
    db_session.commit()
    band = queries_glance.band(_scope(region))
    assert (band["working"], band["employers"], band["median_days_to_start"]) == (0, 0, None)
    assert band["hired"] == 1  # hired in the period, as the tables' "started"


def test_a_start_before_the_application_date_waits_zero_days(make, db_session, region):
    vacancy = make.vacancy(make.organisation(region))
    app = make.application(vacancy, stage=Stage.hired, created_at=at("2026-03-10T10:00"))
    make.placement(app, start_date=date(2026, 3, 2))  # typed wrong
    db_session.commit()
    assert queries_glance.median_days_to_start(_scope(region)) == 0.0


def test_vacancies_open_on_a_past_day(make, db_session, region):
    org = make.organisation(region)
    day = date(2026, 3, 1)
    make.vacancy(org, status=VacancyStatus.filled, published_at=at("2026-02-01T09:00"),
                 closed_at=at("2026-03-01T23:30"), closing_date=date(2026, 4, 1))  # 2 March NL
    make.vacancy(org, status=VacancyStatus.filled, published_at=at("2026-02-01T09:00"),
                 closed_at=at("2026-03-01T12:00"), closing_date=date(2026, 4, 1))  # on the day
    make.vacancy(org, published_at=at("2026-03-02T09:00"), closing_date=date(2026, 4, 1))
    make.vacancy(org, status=VacancyStatus.expired, published_at=at("2026-01-02T09:00"),
                 closing_date=date(2026, 2, 28), closed_at=at("2026-03-01T01:00"))
    db_session.commit()
    assert queries_glance.open_vacancies_on(_scope(region), day) == 1
    # Today THE open rule applies: the one published on 2 March (closing 1 April) is open.
    assert queries_glance.open_vacancies_on(_scope(region), date(2026, 3, 16)) == 1


def test_the_previous_period_has_the_same_length():
    feb = Scope(start=date(2026, 2, 1), end=date(2026, 2, 28))
    assert (feb.previous().start, feb.previous().end) == (date(2026, 1, 4), date(2026, 1, 31))
    assert feb.previous().length_days == feb.length_days == 28


def test_slowest_tenth_is_the_nearest_rank():
    assert queries_stalls.slowest_tenth(list(range(1, 11))) == 9
    assert queries_stalls.slowest_tenth(list(range(1, 12))) == 10
    assert queries_stalls.slowest_tenth([7]) == 7 and queries_stalls.slowest_tenth([]) is None


def test_report_periods():
    assert month_period("2026-02") == (date(2026, 2, 1), date(2026, 2, 28))
    assert month_period("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert quarter_period("2026-Q4") == (date(2026, 10, 1), date(2026, 12, 31))
    for bad in ("2026-13", "2026", "", None, "1999-12", "2100-01", "2026-02-01", "-1-2"):
        assert month_period(bad) is None, bad
    for bad in ("2026-Q0", "2026-Q5", "26-Q1", "2026Q1", "1999-Q4", None):
        assert quarter_period(bad) is None, bad
    assert recent_quarters(date(2026, 1, 15), 3) == ["2026-Q1", "2025-Q4", "2025-Q3"]


def test_a_section_of_another_feature_shows_on_the_page_and_in_the_csv(app, client, login, make,
                                                                        db_session, region,
                                                                        monkeypatch):
    from portal.accounts.models import Role

    def collect(scope):
        return {"signed_up": 21, "days": scope.length_days}

    def section_tables(figures):
        return [Table("activities", "Activiteiten", ["Onderwerp", "Aantal"],
                      [["Aangemeld", figures["signed_up"]]])]

    monkeypatch.setattr(sections, "SECTIONS", [
        sections.Section("activities", "dashboard/_test_section.html", collect, section_tables)])
    monkeypatch.setattr(app, "jinja_loader", ChoiceLoader([DictLoader({
        "dashboard/_test_section.html":
            '<section id="test-section"><h2>Activiteiten</h2>{{ figures.signed_up }} in '
            '{{ scope.length_days }} dagen</section>'}), app.jinja_loader]))
    app.jinja_env.cache.clear() if app.jinja_env.cache else None
    login(make.user(Role.adviser, region=region))
    db_session.commit()
    html = client.get("/adviseur/cijfers?start=2026-03-01&end=2026-03-15").text
    assert '<section id="test-section"><h2>Activiteiten</h2>21 in 15 dagen</section>' in html
    assert html.index('id="test-section"') < html.index('id="kop-tabellen"')
    csv = client.get("/adviseur/cijfers?start=2026-03-01&end=2026-03-15&format=csv&table=activities")
    assert csv.status_code == 200 and "Aangemeld;21" in csv.text



def test_two_steps_at_the_same_moment_follow_the_order_they_were_recorded_in(make, db_session, region):
    vacancy = make.vacancy(make.organisation(region))
    app = make.application(vacancy, stage=Stage.offer, created_at=at("2026-03-02T10:00"))
    steps = ((Stage.new, Stage.contacted, "2026-03-03T10:00"), (Stage.contacted, Stage.tour, "2026-03-03T10:00"),
             (Stage.tour, Stage.offer, "2026-03-05T10:00"))
    for from_stage, to_stage, when in steps:
        db.session.add(ApplicationEvent(application=app, from_stage=from_stage, to_stage=to_stage,
                                        created_at=at(when)))
        db.session.flush()  # recorded one after the other: ids in this order
    db_session.commit()
    times = queries_stalls.stage_times(_scope(region))
    assert [(times[s]["finished"], times[s]["median_days"]) for s in ("new", "contacted", "tour")] == [
        (1, 1.0), (1, 0.0), (1, 2.0)]


def test_weeks_the_period_covers_only_in_part_are_marked(client, login, make, db_session, region):
    from portal.accounts.models import Role
    from portal.dashboard import glance, tables

    # Wednesday 4 March to today, Monday 16 March: the first and the last week are partial.
    scope = Scope(start=date(2026, 3, 4), end=date(2026, 3, 16), region_id=region.id)
    g = glance.collect(scope, tables.collect(scope))
    assert g.weeks == [date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)]
    assert g.partial_weeks == [True, False, True]
    login(make.user(Role.adviser, region=region))
    db_session.commit()
    html = client.get("/adviseur/cijfers?start=2026-03-04&end=2026-03-16").text
    trend = html[html.index('id="chart-trend-t"'):]
    trend = trend[:trend.index("</svg>")]
    assert trend.count('fill="#ffffff" stroke="#154273"') == 2  # two hollow circles, series 1
    assert "week van 2 mrt 2026 (deels)" in html and "week van 9 mrt 2026</th>" in html
