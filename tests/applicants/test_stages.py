"""The stage machine: what may move where, reasons, events with actor, messages, bulk."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.applicants import services
from portal.applicants.models import ApplicationEvent, Stage
from portal.applicants.services import StageError
from portal.notifications.models import OutboxMessage


@pytest.mark.parametrize("start,target", [
    (Stage.new, Stage.contacted), (Stage.new, Stage.offer), (Stage.contacted, Stage.assessment),
    (Stage.tour, Stage.contacted), (Stage.offer, Stage.assessment), (Stage.new, Stage.withdrawn),
])
def test_forward_moves_and_one_step_back_are_allowed(world, db_session, start, target):
    app = world.a1
    app.stage = start
    services.move(app, target, actor=world.member)
    assert app.stage == target


@pytest.mark.parametrize("start,target,field", [
    (Stage.offer, Stage.contacted, "stage"),     # two steps back
    (Stage.assessment, Stage.new, "stage"),
    (Stage.new, Stage.hired, "stage"),           # hiring goes through a placement
    (Stage.offer, Stage.hired, "stage"),
    (Stage.contacted, Stage.contacted, "stage"),
    (Stage.rejected, Stage.new, "stage"),        # ended stages stay ended
    (Stage.withdrawn, Stage.contacted, "stage"),
    (Stage.hired, Stage.offer, "stage"),
    (Stage.no_show, Stage.tour, "stage"),
])
def test_forbidden_moves(world, start, target, field):
    app = world.a1
    app.stage = start
    with pytest.raises(StageError) as err:
        services.move(app, target, actor=world.member)
    assert err.value.field == field
    assert app.stage == start


@pytest.mark.parametrize("target", [Stage.rejected, Stage.no_show])
def test_reject_and_no_show_need_a_reason_from_the_list(world, target):
    app = world.a1
    with pytest.raises(StageError) as err:
        services.move(app, target, actor=world.member)
    assert err.value.field == "reason"
    with pytest.raises(StageError):
        services.move(app, target, actor=world.member, reason="because")
    with pytest.raises(StageError):  # system reasons cannot be picked by a recruiter
        services.move(app, target, actor=world.member, reason="missed_tour")
    services.move(app, target, actor=world.member, reason="language")
    assert app.stage == target and app.stage_reason == "language"


def test_every_change_is_an_event_with_actor_and_time(world, db_session):
    app = world.a1
    services.move(app, Stage.contacted, actor=world.member)
    services.move(app, Stage.rejected, actor=world.member, reason="hours")
    db_session.commit()
    events = db_session.scalars(select(ApplicationEvent).where(
        ApplicationEvent.application_id == app.id).order_by(ApplicationEvent.id)).all()
    assert [(e.from_stage, e.to_stage, e.actor_id, e.reason) for e in events] == [
        (Stage.new, Stage.contacted, world.member.id, None),
        (Stage.contacted, Stage.rejected, world.member.id, "hours"),
    ]
    assert all(e.created_at is not None for e in events)


def test_message_is_mailed_when_the_applicant_gave_an_email(world, db_session, mails):
    from portal.notifications.services import send_pending

    services.move(world.a1, Stage.contacted, actor=world.member, message="Kom dinsdag om 10 uur.")
    services.move(world.a2, Stage.contacted, actor=world.member, message="Bel ons terug.")  # no email
    db_session.commit()
    send_pending()
    assert len(mails) == 1
    assert mails[0]["To"] == "samira@example.org"
    assert "Kom dinsdag om 10 uur." in mails[0].get_content()


def test_bulk_moves_what_it_can_and_reports_the_rest(world, db_session):
    world.a3.stage = Stage.withdrawn
    result = services.bulk_move([world.a1, world.a2, world.a3], Stage.contacted, actor=world.member)
    assert {a.id for a in result.moved} == {world.a1.id, world.a2.id}
    assert [a.id for a, _why in result.refused] == [world.a3.id]
    assert world.a3.stage == Stage.withdrawn


def test_bulk_reject_without_reason_moves_nobody(world):
    with pytest.raises(StageError):
        services.bulk_move([world.a1, world.a2], Stage.rejected, actor=world.member)
    assert world.a1.stage == Stage.new and world.a2.stage == Stage.new


def test_allowed_targets_never_offer_hired():
    for stage in Stage:
        assert Stage.hired not in services.allowed_targets(stage)
    assert services.allowed_targets(Stage.rejected) == []


def test_no_mail_without_message(world, db_session):
    services.move(world.a1, Stage.contacted, actor=world.member)
    db_session.flush()
    assert db_session.scalar(select(OutboxMessage.id)) is None
