"""Check-ins are scheduled after the start and mailed to the employer once when due."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from portal import clock, db
from portal.aftercare.models import CheckKind, CheckState
from portal.aftercare.services import schedule_checkins, send_due
from portal.notifications.models import OutboxMessage
from portal.notifications.services import send_pending
from portal.placements.models import EndReason
from tests.aftercare.helpers import checks, noon, placement

START = date(2026, 3, 2)


def test_checkins_due_after_one_week_six_weeks_three_months(make, db_session, world):
    p = placement(make, world.vacancy, START)
    result = schedule_checkins(p)
    assert [(c.kind, c.due_on, c.state) for c in result] == [
        (CheckKind.week1, date(2026, 3, 9), CheckState.scheduled),
        (CheckKind.week6, date(2026, 4, 13), CheckState.scheduled),
        (CheckKind.month3, date(2026, 6, 1), CheckState.scheduled),
    ]


def test_scheduling_twice_changes_nothing(make, db_session, world):
    p = placement(make, world.vacancy, START)
    first = [c.id for c in schedule_checkins(p)]
    db_session.commit()
    assert [c.id for c in schedule_checkins(p)] == first
    assert len(checks(p)) == 3


def test_days_come_from_config(app, make, db_session, world):
    app.config["AFTERCARE_DAYS"] = (3, 30, 60)
    p = placement(make, world.vacancy, START)
    assert [c.due_on for c in schedule_checkins(p)] == [
        START + timedelta(days=3), START + timedelta(days=30), START + timedelta(days=60)]


def test_hiring_through_placements_schedules_the_checkins(make, db_session, world):
    from portal.accounts.models import Role
    from portal.applicants.models import ResidenceStatus, Stage
    from portal.placements import services as placements
    from portal.vacancies.models import ContractType

    application = make.application(world.vacancy, stage=Stage.offer,
                                   residence_status=ResidenceStatus.status_holder)
    start = clock.today() + timedelta(days=5)
    p = placements.hire(application, world.member, placements.HireData(
        start_date=start, hours_per_week=20, contract_type=ContractType.temporary))
    assert world.member.role == Role.member
    assert sorted(c.due_on for c in checks(p).values()) == [
        start + timedelta(days=7), start + timedelta(days=42), start + timedelta(days=91)]


def _outbox_count() -> int:
    return db.session.scalar(select(func.count(OutboxMessage.id)))


def test_send_due_mails_members_once_when_due(app, make, db_session, world, mails):
    p = placement(make, world.vacancy, START)
    schedule_checkins(p)
    other = placement(make, world.other_vacancy, START + timedelta(days=60))
    schedule_checkins(other)
    db_session.commit()

    clock.move_to(noon(date(2026, 3, 8)))  # the day before the first check-in
    assert send_due(clock.utcnow()) == 0
    assert checks(p)[CheckKind.week1].state == CheckState.scheduled

    clock.move_to(noon(date(2026, 3, 9)))
    assert send_due(clock.utcnow()) == 2  # both members of the organisation
    db_session.commit()
    week1 = checks(p)[CheckKind.week1]
    assert week1.state == CheckState.sent and week1.sent_at is not None
    assert checks(p)[CheckKind.week6].state == CheckState.scheduled
    assert send_due(clock.utcnow()) == 0  # a second tick sends nothing
    db_session.commit()
    assert _outbox_count() == 2
    send_pending()
    assert sorted(m["To"] for m in mails) == ["baas@zon.example", "hr@zon.example"]
    body = mails[0].get_content()
    assert f"https://werk.example.nl/nazorg/{week1.id}" in body
    assert "Bakkersassistent" in body
    name = week1.placement.application.name
    assert name not in body  # no names in mail

    clock.move_to(noon(date(2026, 4, 20)))  # a week late: the tick catches up
    assert send_due(clock.utcnow()) == 2
    assert checks(p)[CheckKind.week6].state == CheckState.sent


def test_unanswered_checkin_becomes_overdue(make, db_session, world):
    p = placement(make, world.vacancy, START)
    schedule_checkins(p)
    clock.move_to(noon(date(2026, 3, 9)))
    send_due(clock.utcnow())
    clock.move_to(noon(date(2026, 3, 23)) - timedelta(hours=1))  # not yet 14 days after the mail
    send_due(clock.utcnow())
    assert checks(p)[CheckKind.week1].state == CheckState.sent
    clock.move_to(noon(date(2026, 3, 24)))
    send_due(clock.utcnow())
    assert checks(p)[CheckKind.week1].state == CheckState.overdue


def test_no_checkin_after_the_work_stopped(make, db_session, world):
    p = placement(make, world.vacancy, START, end=date(2026, 3, 20),
                  end_reason=EndReason.resigned)
    schedule_checkins(p)
    clock.move_to(noon(date(2026, 4, 14)))
    assert send_due(clock.utcnow()) == 2  # week 1 only
    states = {k: c.state for k, c in checks(p).items()}
    assert states == {CheckKind.week1: CheckState.sent, CheckKind.week6: CheckState.scheduled,
                      CheckKind.month3: CheckState.scheduled}


def test_tick_command_runs_the_job(app, make, db_session, world):
    p = placement(make, world.vacancy, START)
    schedule_checkins(p)
    db_session.commit()
    clock.move_to(noon(date(2026, 3, 9)))
    result = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert "aftercare check-ins: 2" in result.output
    assert checks(p)[CheckKind.week1].state == CheckState.sent
