"""The employer's short form, what reaches the adviser, the end of work, follow-up, access."""
from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import select

from portal import clock, db
from portal.aftercare.models import CheckKind, CheckState
from portal.aftercare.services import schedule_checkins, send_due
from portal.audit.models import AuditEvent
from portal.notifications.services import send_pending
from portal.placements.models import Placement, TwvState
from tests.aftercare.helpers import checks, noon, placement

START = date(2026, 3, 2)


@pytest.fixture
def sent(make, db_session, world):
    """A placement whose first check-in was mailed; the clock stands on that day."""
    p = placement(make, world.vacancy, START)
    schedule_checkins(p)
    clock.move_to(noon(date(2026, 3, 9)))
    send_due(clock.utcnow())
    db_session.commit()
    return checks(p)[CheckKind.week1]


OK = {"still_working": "yes", "hours_as_agreed": "yes", "wants_contact": "no", "comment": ""}


def _audit(action):
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _section_ids(html: str, section: str) -> list[str]:
    part = html.split(f'id="{section}"', 1)[1].split("<h2", 1)[0]
    return re.findall(r'class="aftercare-row" data-id="(\d+)"', part)


def test_all_well_needs_no_follow_up(client, login, world, sent, mails):
    login(world.member)
    page = client.get(f"/nazorg/{sent.id}").get_data(as_text=True)
    assert "Werkt deze persoon nog bij u?" in page and "Bakkersassistent" in page
    res = client.post(f"/nazorg/{sent.id}", data=OK)
    assert res.status_code == 302
    check = checks(sent.placement)[CheckKind.week1]
    assert check.state == CheckState.answered and check.answered_by_id == world.member.id
    assert (check.still_working, check.hours_as_agreed, check.concerns, check.wants_contact) == (
        True, True, [], False)
    assert not check.needs_follow_up
    login(world.adviser)
    html = client.get("/adviseur/nazorg").get_data(as_text=True)
    assert _section_ids(html, "opvolgen") == []
    mails.clear()
    send_pending()
    assert [m for m in mails if m["To"] == "adviseur@uwv.example"] == []


def test_concern_reaches_the_adviser_list_and_mail(client, login, world, sent, mails):
    login(world.member)
    client.post(f"/nazorg/{sent.id}", data={**OK, "concerns": ["transport", "language"],
                                           "comment": "De bus rijdt niet vroeg genoeg."})
    check = checks(sent.placement)[CheckKind.week1]
    assert check.concerns == ["language", "transport"] and check.needs_follow_up
    mails.clear()
    send_pending()
    to_adviser = [m for m in mails if m["To"] == "adviseur@uwv.example"]
    assert len(to_adviser) == 1
    assert f"/adviseur/nazorg/{check.id}" in to_adviser[0].get_content()
    login(world.adviser)
    html = client.get("/adviseur/nazorg").get_data(as_text=True)
    assert _section_ids(html, "opvolgen") == [str(check.id)]
    detail = client.get(f"/adviseur/nazorg/{check.id}").get_data(as_text=True)
    assert "De bus rijdt niet vroeg genoeg." in detail and "Vervoer naar het werk" in detail


def test_wish_for_contact_alone_reaches_the_adviser(client, login, world, sent):
    login(world.member)
    client.post(f"/nazorg/{sent.id}", data={**OK, "wants_contact": "yes"})
    login(world.adviser)
    html = client.get("/adviseur/nazorg").get_data(as_text=True)
    assert _section_ids(html, "opvolgen") == [str(sent.id)]


def test_no_longer_working_ends_the_placement_and_starts_twv_cancellation(
        client, login, world, sent):
    login(world.member)
    res = client.post(f"/nazorg/{sent.id}", data={"still_working": "no", "last_day": "2026-03-06",
                                                 "wants_contact": "no"})
    assert res.status_code == 302
    db.session.expire_all()
    p = db.session.get(Placement, sent.placement_id)
    assert p.end_date == date(2026, 3, 6)
    assert p.twv_state == TwvState.cancellation_requested  # the employer must tell UWV
    check = checks(p)[CheckKind.week1]
    assert check.still_working is False and check.hours_as_agreed is None and check.needs_follow_up
    assert [e.object_id for e in _audit("placement_ended")] == [p.id]
    from flask import url_for

    page = client.get(f"/nazorg/{sent.id}").get_data(as_text=True)
    with client.application.test_request_context():
        assert url_for("placements.show", placement_id=p.id) in page  # next step: cancel the TWV
    login(world.adviser)
    assert _section_ids(client.get("/adviseur/nazorg").get_data(as_text=True), "opvolgen") == [
        str(check.id)]


def test_no_longer_working_without_date_ends_today(client, login, world, sent):
    login(world.member)
    client.post(f"/nazorg/{sent.id}", data={"still_working": "no"})
    db.session.expire_all()
    assert db.session.get(Placement, sent.placement_id).end_date == date(2026, 3, 9)


def test_last_day_in_future_or_before_start_is_refused(client, login, world, sent):
    login(world.member)
    for bad in ("2026-03-20", "2026-02-01"):
        res = client.post(f"/nazorg/{sent.id}", data={"still_working": "no", "last_day": bad})
        assert res.status_code == 422
    db.session.expire_all()
    assert db.session.get(Placement, sent.placement_id).end_date is None
    assert checks(sent.placement)[CheckKind.week1].state == CheckState.sent


def test_missing_answers_get_a_message_next_to_the_field(client, login, world, sent):
    login(world.member)
    res = client.post(f"/nazorg/{sent.id}", data={})
    assert res.status_code == 422
    assert "Kies ja of nee." in res.get_data(as_text=True)
    res = client.post(f"/nazorg/{sent.id}", data={"still_working": "yes"})
    assert res.status_code == 422  # the hours question is needed when still working
    assert checks(sent.placement)[CheckKind.week1].state == CheckState.sent


def test_answered_form_cannot_be_sent_twice(client, login, world, sent):
    login(world.member)
    client.post(f"/nazorg/{sent.id}", data=OK)
    res = client.post(f"/nazorg/{sent.id}", data={**OK, "concerns": ["rights"]})
    assert res.status_code == 200 and "Dank u voor uw antwoorden" in res.get_data(as_text=True)
    assert checks(sent.placement)[CheckKind.week1].concerns == []


def test_member_list_shows_open_checkins(client, login, world, sent):
    login(world.colleague)
    assert f"/nazorg/{sent.id}" in client.get("/nazorg/").get_data(as_text=True)


def test_adviser_follows_up_with_a_note(client, login, world, sent):
    login(world.member)
    client.post(f"/nazorg/{sent.id}", data={**OK, "concerns": ["schedule"]})
    login(world.adviser)
    res = client.post(f"/adviseur/nazorg/{sent.id}/opvolgen", data={"note": ""})
    assert res.status_code == 422
    res = client.post(f"/adviseur/nazorg/{sent.id}/opvolgen",
                      data={"note": "Gebeld, rooster aangepast."})
    assert res.status_code == 302
    check = checks(sent.placement)[CheckKind.week1]
    assert check.follow_up_note == "Gebeld, rooster aangepast."
    assert check.adviser_followed_up_at is not None and check.followed_up_by_id == world.adviser.id
    [event] = _audit("aftercare_followed_up")
    assert event.object_id == check.id and event.actor_id == world.adviser.id
    html = client.get("/adviseur/nazorg").get_data(as_text=True)
    assert _section_ids(html, "opvolgen") == []
    assert client.post(f"/adviseur/nazorg/{sent.id}/opvolgen",
                       data={"note": "nog eens"}).status_code == 422


def test_adviser_list_shows_due_and_overdue_without_answer(client, login, make, db_session,
                                                           world, sent):
    later = placement(make, world.vacancy, date(2026, 3, 6))
    schedule_checkins(later)  # due 13 March: not yet due
    db_session.commit()
    login(world.adviser)
    html = client.get("/adviseur/nazorg").get_data(as_text=True)
    assert _section_ids(html, "open") == [str(sent.id)]
    clock.move_to(noon(date(2026, 3, 25)))
    send_due(clock.utcnow())
    db_session.commit()
    html = client.get("/adviseur/nazorg").get_data(as_text=True)
    assert _section_ids(html, "open") == [str(sent.id), str(checks(later)[CheckKind.week1].id)]
    assert "Geen antwoord" in html  # the overdue one


# --- access -----------------------------------------------------------------------------

def test_member_of_other_organisation_gets_404(client, login, world, sent):
    login(world.other_member)
    assert client.get(f"/nazorg/{sent.id}").status_code == 404
    assert client.post(f"/nazorg/{sent.id}", data=OK).status_code == 404
    assert f"/nazorg/{sent.id}" not in client.get("/nazorg/").get_data(as_text=True)
    assert checks(sent.placement)[CheckKind.week1].state == CheckState.sent


def test_adviser_of_other_region_gets_404(client, login, world, sent):
    login(world.member)
    client.post(f"/nazorg/{sent.id}", data={**OK, "concerns": ["conduct"]})
    login(world.other_adviser)
    assert client.get(f"/adviseur/nazorg/{sent.id}").status_code == 404
    assert client.post(f"/adviseur/nazorg/{sent.id}/opvolgen",
                       data={"note": "x"}).status_code == 404
    html = client.get("/adviseur/nazorg").get_data(as_text=True)
    assert _section_ids(html, "opvolgen") == [] and "Bakkerij Zon" not in html


def test_roles_are_kept_apart(client, login, world, sent):
    login(world.member)
    assert client.get("/adviseur/nazorg").status_code == 403
    login(world.adviser)
    assert client.get(f"/nazorg/{sent.id}").status_code == 403


def test_later_checkins_of_an_ended_placement_leave_the_lists(client, login, world, sent):
    login(world.member)
    client.post(f"/nazorg/{sent.id}", data={"still_working": "no"})
    clock.move_to(noon(date(2026, 6, 10)))
    assert send_due(clock.utcnow()) == 0
    login(world.adviser)
    html = client.get("/adviseur/nazorg").get_data(as_text=True)
    assert _section_ids(html, "open") == []


def test_viewing_a_checkin_is_audited(client, login, world, sent):
    login(world.adviser)
    client.get(f"/adviseur/nazorg/{sent.id}")
    assert [(e.actor_id, e.object_id) for e in _audit("aftercare_viewed")] == [
        (world.adviser.id, sent.id)]
