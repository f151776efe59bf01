"""Reports are not kept for ever: REPORT_CONTACT_WEEKS after a report was closed or passed on
the reporter's contact is gone, REPORT_RETENTION_MONTHS after it everything anyone typed (the
story, the employer's name as typed, the outcome, notes, the advisers' mails); the signals,
dates, region and state stay for figures. Checked by scanning every table."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from portal import clock, db
from portal.accounts.models import Role
from portal.formatting import add_months as add_months_to_day
from portal.notifications.models import OutboxMessage
from portal.reports import services
from portal.reports.models import ForwardedTo, ReportState
from tests.apply.test_erasure_everywhere import _everything_stored
from tests.reports.helpers import all_reports, post_report

CONTACT, STORY, EMPLOYER = "amal.reporter@example.org", "Ze houden het paspoort van Amal.", "Kwekerij Vos"
WEEKS, MONTHS = 3, 18  # not the defaults: the purge must follow the settings


@pytest.fixture
def world(app, make, db_session):
    app.config.update(REPORT_CONTACT_WEEKS=WEEKS, REPORT_RETENTION_MONTHS=MONTHS)
    region = make.region()
    make.location(region, code="ZDM")
    adviser = make.user(Role.adviser, region=region)
    db_session.commit()
    return adviser


def _report(client, adviser, to_state=None):
    """A report from the form (the advisers get mail about it), then passed on or closed with
    notes that name the reporter."""
    post_report(client, contact=CONTACT, contact_consent="y", location="ZDM", description=STORY,
                employer_name=EMPLOYER)
    report = all_reports()[-1]
    services.change_state(report, adviser, ReportState.investigating, note="Amal gebeld.")
    if to_state == ReportState.forwarded:
        services.change_state(report, adviser, ReportState.forwarded,
                              forwarded_to=ForwardedTo.arbeidsinspectie, note="Met Amal besproken.")
    elif to_state == ReportState.closed:
        services.change_state(report, adviser, ReportState.closed, outcome="Amal werkt er niet meer.")
    db.session.commit()
    return report


def _tick(app) -> str:
    result = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert result.exit_code == 0, result.output
    return result.output


def _left(secrets=(CONTACT, "amal.reporter", "Amal", STORY, EMPLOYER)) -> list[str]:
    stored = _everything_stored()
    return [f"{s!r} in {line.split(':')[0]}" for s in secrets for line in stored.splitlines()
            if s in line]


@pytest.mark.parametrize("to_state", [ReportState.closed, ReportState.forwarded])
def test_contact_goes_weeks_after_closing_or_passing_on(app, client, world, to_state):
    _report(client, world, to_state)
    settled = clock.utcnow()
    clock.move_to(settled + timedelta(weeks=WEEKS) - timedelta(hours=1))
    assert "report contacts and texts erased: 0" in _tick(app)
    assert all_reports()[0].contact == CONTACT

    clock.move_to(settled + timedelta(weeks=WEEKS, hours=1))
    assert "report contacts and texts erased: 1" in _tick(app)
    kept = all_reports()[0]
    assert (kept.contact, kept.contact_language, kept.contact_consent) == (None, None, False)
    assert kept.description == STORY and kept.employer_name == EMPLOYER  # the case stays readable
    assert "report contacts and texts erased: 0" in _tick(app)  # idempotent


def test_open_reports_keep_everything(app, client, world):
    _report(client, world)  # still being looked into
    clock.move_to(add_months(clock.utcnow(), MONTHS + 6))
    assert "report contacts and texts erased: 0" in _tick(app)
    assert all_reports()[0].contact == CONTACT


def test_after_the_months_nothing_typed_is_left_in_any_table(app, client, world):
    report = _report(client, world, ReportState.closed)
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.about == report.outbox_key)) == 1  # the adviser's "new report" mail
    assert _left()  # the scan can see what it looks for
    settled = clock.utcnow()
    clock.move_to(settled + timedelta(weeks=WEEKS, hours=1))
    _tick(app)
    assert not _left((CONTACT,)) and _left((STORY,))

    clock.move_to(add_months(settled, MONTHS) - timedelta(hours=1))
    assert "report contacts and texts erased: 0" in _tick(app)
    clock.move_to(add_months(settled, MONTHS) + timedelta(hours=1))
    assert "report contacts and texts erased: 1" in _tick(app)

    assert not _left()
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage).where(
        OutboxMessage.about == report.outbox_key)) == 0  # forgotten with the text
    kept = all_reports()[0]
    assert kept.signals == ["cash_pay"] and kept.state == ReportState.closed
    assert kept.region_id is not None and kept.location is not None and kept.created_at
    assert [e.to_state for e in kept.events] == [ReportState.new, ReportState.investigating,
                                                ReportState.closed]
    assert "report contacts and texts erased: 0" in _tick(app)


def add_months(moment, months):
    return datetime.combine(add_months_to_day(moment.date(), months), moment.timetz())


def test_add_months_keeps_the_day_or_takes_the_last():
    start = datetime(2026, 8, 31, 10, tzinfo=UTC)
    assert add_months(start, 6) == datetime(2027, 2, 28, 10, tzinfo=UTC)
    assert add_months(start, 24) == datetime(2028, 8, 31, 10, tzinfo=UTC)
