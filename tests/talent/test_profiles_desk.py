"""At the desk: a coordinator or adviser makes a profile with the resident present (recorded
as assisted, audited, counted apart), only at an azc they work at; the azc's poster; the notice
board invites residents to make a profile."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from portal.audit.models import AuditEvent
from portal.notifications.models import OutboxMessage
from portal.talent.models import Profile, TalentTally, TallyKind
from tests.talent.conftest import next_phone, profile_form


def _desk_form(world, **overrides) -> dict:
    data = profile_form(world.azc, language="ti")
    data.pop("website")
    data.update(overrides)
    return data


@pytest.mark.parametrize("who", ["coordinator", "adviser", "admin"])
def test_staff_make_an_assisted_profile(client, login, world, db_session, who):
    user = getattr(world, who)
    login(user)
    res = client.get(f"/talent/balie/{world.azc.code}/nieuw")
    assert res.status_code == 200 and "Schoonmaker" in res.get_data(as_text=True)
    res = client.post(f"/talent/balie/{world.azc.code}/nieuw",
                      data=_desk_form(world, email="r@example.org"))
    assert res.status_code == 200, res.get_data(as_text=True)
    profile = db_session.scalar(select(Profile))
    assert profile.assisted and profile.assisted_by_id == user.id
    assert profile.ui_language == "ti"  # the resident's messages in their language
    assert "/profiel/" in res.get_data(as_text=True)
    event = db_session.scalar(select(AuditEvent).where(AuditEvent.action == "talent.profile_assisted"))
    assert event.actor_id == user.id and event.object_id == profile.id
    assert "ሰላም" not in repr(event.detail)  # ids only
    kinds = db_session.scalars(select(TalentTally.kind)).all()
    assert kinds == [TallyKind.profile_assisted]
    mail = db_session.scalar(select(OutboxMessage).where(OutboxMessage.about == profile.outbox_key))
    assert mail is not None


def test_no_consent_no_profile(client, login, world, db_session):
    login(world.adviser)
    res = client.post(f"/talent/balie/{world.azc.code}/nieuw", data=_desk_form(world, consent=""))
    assert res.status_code == 422
    assert db_session.scalar(select(func.count(Profile.id))) == 0


def test_a_phone_with_a_profile_is_refused_next_to_the_field(client, login, world, make, db_session):
    existing = make.profile(world.azc, phone="+31611111111", email="x@example.org")
    db_session.commit()
    login(world.adviser)
    res = client.post(f"/talent/balie/{world.azc.code}/nieuw",
                      data=_desk_form(world, phone="06 11111111"))
    assert res.status_code == 422 and 'id="phone-error"' in res.get_data(as_text=True)
    assert db_session.scalar(select(func.count(Profile.id))) == 1
    assert db_session.scalar(select(func.count(OutboxMessage.id))
                             .where(OutboxMessage.about == existing.outbox_key)) == 1


@pytest.mark.parametrize("who", ["coordinator2", "far_coordinator", "far_adviser"])
def test_not_at_an_azc_one_does_not_work_at(client, login, world, db_session, who):
    login(getattr(world, who))
    assert client.get(f"/talent/balie/{world.azc.code}/nieuw").status_code == 404
    res = client.post(f"/talent/balie/{world.azc.code}/nieuw", data=_desk_form(world))
    assert res.status_code == 404
    assert client.get(f"/talent/balie/{world.azc.code}/poster.pdf").status_code == 404
    assert db_session.scalar(select(func.count(Profile.id))) == 0


def test_a_coordinator_cannot_pick_another_azc(client, login, world, db_session):
    login(world.coordinator)
    res = client.post(f"/talent/balie/{world.azc.code}/nieuw",
                      data=_desk_form(world, azc_location=str(world.far.id), phone=next_phone()))
    assert res.status_code == 422
    assert db_session.scalar(select(func.count(Profile.id))) == 0


def test_members_and_visitors_are_kept_out(client, login, world):
    assert client.get("/talent/balie/").status_code in (302, 401, 403)
    login(world.member)
    assert client.get("/talent/balie/").status_code in (302, 403, 404)


def test_the_desk_index_lists_the_azcs_and_the_poster_prints(client, login, world):
    login(world.coordinator)
    html = client.get("/talent/balie/").get_data(as_text=True)
    assert world.azc.name in html and world.far.name not in html
    res = client.get(f"/talent/balie/{world.azc.code}/poster.pdf")
    assert res.status_code == 200 and res.mimetype == "application/pdf"
    assert res.data.startswith(b"%PDF")


def test_the_notice_board_invites_residents_to_make_a_profile(client, world):
    html = client.get(f"/l/{world.azc.code}?lang=ti").get_data(as_text=True)
    assert f"/p/{world.azc.code}" in html
