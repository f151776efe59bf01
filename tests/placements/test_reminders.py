"""`portal tick`: remind the employer after 3 and 7 days, flag the advisers after 10."""
from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select

from portal import db
from portal.accounts.models import Role, User
from portal.audit.models import AuditEvent
from portal.clock import AMS, move_to, today, utcnow
from portal.jobs import JOBS
from portal.notifications.services import send_pending
from portal.placements import services
from portal.placements.models import EndReason, TwvState
from tests.placements.conftest import make_placement


def _at(days: int) -> datetime:
    """Noon (Amsterdam) `days` after the real today (not the moved clock), as aware UTC."""
    day = datetime.now(UTC).astimezone(AMS).date() + timedelta(days=days)
    return datetime.combine(day, time(12), tzinfo=AMS).astimezone(UTC)


@pytest.fixture
def waiting(world, make, db_session):
    p = make_placement(make, db_session, world.vac_a, start_date=today() - timedelta(days=30))
    services.set_twv_state(p, world.member_a, TwvState.applied, today() - timedelta(days=20))
    services.end(p, world.member_a, today(), EndReason.end_of_contract)
    db_session.commit()
    return p


def _member_emails(org) -> set[str]:
    """Every active member of the organisation (make_placement adds the one who hired)."""
    return {u.email for u in db.session.scalars(
        select(User).where(User.organisation_id == org.id, User.active.is_(True)))}


def _tick(days: int) -> int:
    move_to(_at(days))
    count = services.cancellation_reminders(utcnow())
    db.session.commit()
    send_pending()
    return count


def test_job_is_registered():
    assert ("TWV cancellation reminders", services.cancellation_reminders) in JOBS


def test_reminders_at_3_and_7_days_and_flag_at_10(world, waiting, mails):
    members = _member_emails(world.org_a)
    assert world.member_a.email in members
    assert _tick(2) == 0 and mails == []

    assert _tick(3) == len(members)
    assert {m["To"] for m in mails} == members
    assert "trek de TWV in" in mails[0]["Subject"]
    body = mails[0].get_content()
    assert f"/plaatsingen/{waiting.id}" in body and "/hulp/cancel-twv" in body
    assert world.app_a.name not in body  # no names in mail

    assert _tick(4) == 0 and _tick(6) == 0  # idempotent between steps
    assert _tick(7) == len(members)
    assert len(mails) == 2 * len(members)
    assert _tick(8) == 0

    assert _tick(9) == 0
    assert not any(m["To"] == world.adviser.email for m in mails)
    assert _tick(10) == 1  # the region's one adviser
    flag = [m for m in mails if m["To"] == world.adviser.email]
    assert len(flag) == 1 and world.org_a.name in flag[0]["Subject"]
    assert "/adviseur/twv-intrekkingen" in flag[0].get_content()
    assert not any(m["To"] == world.other_adviser.email for m in mails)
    assert _tick(11) == 0 and _tick(20) == 0
    assert len(db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "placement_twv_flagged")).all()) == 1


def test_late_first_run_sends_only_the_latest_reminder(world, waiting, mails):
    assert _tick(8) == len(_member_emails(world.org_a))
    assert len(mails) == len(_member_emails(world.org_a))


def test_no_reminders_once_cancelled(world, waiting, mails):
    services.confirm_cancelled(waiting, world.member_a)
    db.session.commit()
    assert _tick(3) == 0 and _tick(10) == 0 and mails == []


def test_end_date_in_the_future_counts_from_the_end_date(world, make, db_session, mails):
    p = make_placement(make, db_session, world.vac_a, start_date=today() - timedelta(days=30))
    services.set_twv_state(p, world.member_a, TwvState.applied, today() - timedelta(days=20))
    services.end(p, world.member_a, today() + timedelta(days=5), EndReason.end_of_contract)
    db_session.commit()
    assert _tick(7) == 0  # only 2 days after the last working day
    assert _tick(8) == len(_member_emails(world.org_a))


def test_inactive_or_other_members_get_nothing(world, make, db_session, waiting, mails):
    gone = make.user(Role.member, organisation=world.org_a)
    gone.active = False
    db_session.commit()
    _tick(3)
    received = {m["To"] for m in mails}
    assert world.member_a.email in received and gone.email not in received
    assert received == _member_emails(world.org_a)
    assert not received & {world.member_b.email, world.member_c.email}
