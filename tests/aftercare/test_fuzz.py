"""Whatever a signed-in member posts to the check-in form (and to the question form), the
answer is a page or a redirect, never a 500."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal import clock, db
from portal.aftercare.models import CheckKind, CheckState
from portal.aftercare.services import schedule_checkins, send_due
from portal.placements.models import Placement
from tests.aftercare.helpers import checks, noon, placement

text = st.one_of(st.none(), st.text(max_size=300), st.sampled_from(
    ["yes", "no", "", "2026-03-06", "2026-13-40", "9999-01-01", "0001-01-01", "\x00", "ja"]))
values = st.one_of(text, st.lists(st.text(max_size=20), max_size=4))


@pytest.mark.filterwarnings("ignore::hypothesis.errors.NonInteractiveExampleWarning")
@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.dictionaries(
    st.sampled_from(["still_working", "last_day", "hours_as_agreed", "concerns",
                     "wants_contact", "comment", "other"]), values, max_size=7))
def test_checkin_form_never_500(client, login, make, db_session, world, data):
    check = _fresh_check(make, db_session, world)
    login(world.member)
    form = {k: v for k, v in data.items() if v is not None}
    res = client.post(f"/nazorg/{check.id}", data=form)
    assert res.status_code in (200, 302, 422), res.status_code


def _fresh_check(make, db_session, world):
    db.session.rollback()
    existing = db.session.query(Placement).filter_by(vacancy_id=world.vacancy.id).first()
    p = existing or placement(make, world.vacancy, date(2026, 3, 2))
    schedule_checkins(p)
    # Each example starts from a mailed, unanswered check-in on a running placement.
    p.end_date = None
    p.end_reason = None
    p.twv_state = p.twv_state.__class__.granted
    p.cancellation_requested_at = None
    check = checks(p)[CheckKind.week1]
    check.state = CheckState.sent
    check.needs_follow_up = False
    clock.move_to(noon(date(2026, 3, 9)))
    send_due(clock.utcnow())
    db_session.commit()
    return check


@settings(max_examples=50, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.dictionaries(st.sampled_from(["subject", "body", "vacancy"]), values, max_size=3))
def test_question_form_never_500(client, login, world, data):
    login(world.member)
    form = {k: v for k, v in data.items() if v is not None}
    res = client.post("/vragen/nieuw", data=form)
    assert res.status_code in (200, 302, 422), res.status_code
