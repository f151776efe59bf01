"""Tour rules: proposal checks, stage moves, confirm / other time, attendance, reminders."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from portal.applicants.models import Stage
from portal.clock import move_to, utcnow
from portal.notifications.models import OutboxMessage
from portal.tours import services
from portal.tours.models import Attendance, TourState
from portal.tours.services import TourError
from tests.tours.helpers import propose, tour_data


def test_proposal_moves_applicants_before_tour_to_tour(world, db_session):
    world.a2.stage = Stage.assessment
    tour = propose(world)
    assert tour.state == TourState.requested and len(tour.invites) == 2
    assert world.a1.stage == Stage.tour            # was new
    assert world.a2.stage == Stage.assessment      # already past the tour stage
    assert world.a1.events[-1].actor_id == world.member.id
    assert tour.vacancy_id == world.v1.id


def test_capacity_must_fit_the_invited(world):
    with pytest.raises(TourError) as err:
        propose(world, capacity=1)
    assert err.value.field == "capacity"
    assert world.a1.stage == Stage.new


@pytest.mark.parametrize("days", [-1, 0])
def test_tour_must_be_in_the_future(world, days):
    with pytest.raises(TourError) as err:
        services.propose(world.org, [world.a1], tour_data(days=days, starts_at=utcnow()
                                                           + timedelta(days=days)),
                         actor=world.member)
    assert err.value.field == "date"


def test_ended_applications_cannot_be_invited(world):
    world.a1.stage = Stage.rejected
    with pytest.raises(TourError):
        propose(world)


def test_other_organisations_applications_are_refused(world):
    with pytest.raises(TourError):
        propose(world, apps=[world.a1, world.foreign])


def test_coordinator_is_told_and_confirms(world, db_session):
    tour = propose(world)
    db_session.commit()
    to = db_session.scalars(select(OutboxMessage.to_addr)).all()
    assert world.coordinator.email in to
    services.confirm(tour, actor=world.coordinator)
    assert tour.state == TourState.confirmed and tour.confirmed_at is not None
    with pytest.raises(TourError):
        services.confirm(tour, actor=world.coordinator)


def test_ask_other_time_keeps_requested_with_note(world, db_session):
    tour = propose(world)
    with pytest.raises(TourError) as err:
        services.ask_other_time(tour, "  ", actor=world.coordinator)
    assert err.value.field == "note"
    services.confirm(tour, actor=world.coordinator)
    services.ask_other_time(tour, "Liever donderdag", actor=world.coordinator)
    assert tour.state == TourState.requested and tour.coordinator_note == "Liever donderdag"
    subjects = db_session.scalars(select(OutboxMessage.subject).where(
        OutboxMessage.to_addr == world.member.email)).all()
    assert any("ander moment" in s for s in subjects)


def test_attendance_no_show_moves_applicant_and_tour_is_held(world, db_session):
    tour = propose(world)
    services.confirm(tour, actor=world.coordinator)
    with pytest.raises(TourError):  # not before it started
        services.record_attendance(tour, {tour.invites[0].id: Attendance.attended},
                                   actor=world.member)
    move_to(tour.starts_at + timedelta(hours=2))
    first, second = tour.invites
    n = services.record_attendance(tour, {first.id: Attendance.attended,
                                          second.id: Attendance.no_show}, actor=world.member)
    assert n == 2 and tour.state == TourState.held
    assert world.a1.stage == Stage.tour
    assert world.a2.stage == Stage.no_show and world.a2.stage_reason == "missed_tour"
    # a wrong tick is corrected: back to the tour stage
    services.record_attendance(tour, {second.id: Attendance.attended}, actor=world.member)
    assert world.a2.stage == Stage.tour


def test_cancelled_tour_takes_no_attendance(world):
    tour = propose(world)
    services.cancel(tour, actor=world.member)
    move_to(tour.starts_at + timedelta(hours=2))
    with pytest.raises(TourError):
        services.record_attendance(tour, {tour.invites[0].id: Attendance.no_show},
                                   actor=world.member)


def test_reminders_once_for_confirmed_tours_in_the_window(world, db_session, mails):
    from portal.notifications.services import send_pending

    world.a2.email = "yonas@example.org"
    world.a1.ui_language = "nl"
    tour = propose(world, days=3)
    services.confirm(tour, actor=world.coordinator)
    unconfirmed = propose(world, apps=[world.a3], days=3)
    db_session.commit()
    db_session.query(OutboxMessage).delete()
    db_session.commit()

    move_to(tour.starts_at - timedelta(hours=60))     # too early
    assert services.send_reminders(utcnow()) == 0
    move_to(tour.starts_at - timedelta(hours=30))     # the day before
    assert services.send_reminders(utcnow()) == 2
    db_session.commit()
    assert services.send_reminders(utcnow()) == 0     # idempotent
    move_to(tour.starts_at - timedelta(hours=25))
    assert services.send_reminders(utcnow()) == 0
    db_session.commit()
    send_pending()
    assert sorted(m["To"] for m in mails) == ["samira@example.org", "yonas@example.org"]
    body = next(m for m in mails if m["To"] == "samira@example.org").get_content()
    assert "Hemkade 12" in body and "Dichte schoenen" in body and "Bus 391" in body
    assert unconfirmed.invites[0].reminded_at is None


def test_reschedule_asks_for_confirmation_again_and_resets_reminders(world, db_session):
    tour = propose(world)
    services.confirm(tour, actor=world.coordinator)
    tour.invites[0].reminded_at = utcnow()
    services.reschedule(tour, tour_data(days=5), actor=world.member)
    assert tour.state == TourState.requested and tour.invites[0].reminded_at is None


def test_job_is_registered():
    from portal.jobs import JOBS

    assert dict(JOBS)["tour reminders"] is services.send_reminders
