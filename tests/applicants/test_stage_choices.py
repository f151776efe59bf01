"""Stage changes a recruiter cannot make by accident: no stage is preselected, the main button
is the natural next step (not hiring a brand-new applicant), ending an application asks for a
confirmation first, and a bulk action that goes wrong keeps the ticked rows and the filters."""
from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import func, select

from portal.applicants.models import ApplicationEvent, Stage


def _events(db_session) -> int:
    return db_session.scalar(select(func.count()).select_from(ApplicationEvent))


def _stage(db_session, app) -> Stage:
    db_session.expire_all()
    return app.stage


def test_the_stage_dropdown_starts_empty_and_no_choice_changes_nothing(client, login, world,
                                                                        db_session):
    login(world.member)
    html = client.get(f"/sollicitanten/{world.a1.id}").text
    select_html = html.split('name="stage"', 2)[2].split("</select>")[0]  # the dropdown, not the button
    first = re.search(r"<option[^>]*>([^<]*)</option>", select_html)
    assert first.group(1) == "Kies een fase" and 'value=""' in first.group(0)
    res = client.post(f"/sollicitanten/{world.a1.id}/fase", data={"stage": "", "message": ""})
    assert res.status_code == 422
    assert "Kies eerst een fase. Er is niets gewijzigd." in res.text
    assert 'id="stage-error"' in res.text
    assert _stage(db_session, world.a1) == Stage.new and _events(db_session) == 0


def test_the_main_button_for_a_new_applicant_is_the_next_step_not_hiring(client, login, world,
                                                                         db_session):
    login(world.member)
    html = client.get(f"/sollicitanten/{world.a1.id}").text
    step = html.split('id="next-step"')[1].split("</form>")[0]
    assert 'value="contacted"' in step and "Naar: Gesproken" in step
    assert 'class="button button--secondary" id="hire-link"' in html  # hiring: not the main one
    assert client.post(f"/sollicitanten/{world.a1.id}/fase",
                       data={"stage": "contacted"}).status_code == 302
    assert _stage(db_session, world.a1) == Stage.contacted  # a forward step asks nothing


def test_from_the_offer_on_hiring_is_the_main_button(client, login, world, db_session):
    world.a1.stage = Stage.offer
    db_session.commit()
    login(world.member)
    html = client.get(f"/sollicitanten/{world.a1.id}").text
    assert 'id="next-step"' not in html
    assert 'class="button" id="hire-link"' in html


@pytest.mark.parametrize("stage, reason", [("rejected", "language"), ("withdrawn", ""),
                                           ("no_show", "not_reachable")])
def test_ending_an_application_asks_for_a_confirmation(client, login, world, db_session, stage,
                                                       reason):
    login(world.member)
    assert 'name="confirm"' not in client.get(f"/sollicitanten/{world.a1.id}").text
    data = {"stage": stage, "reason": reason, "message": "Bedankt voor je sollicitatie."}
    res = client.post(f"/sollicitanten/{world.a1.id}/fase", data=data)
    assert res.status_code == 422
    assert 'name="confirm"' in res.text and 'id="confirm-error"' in res.text
    assert "niet ongedaan" in res.text
    assert "Bedankt voor je sollicitatie." in res.text  # what was typed stays
    assert _stage(db_session, world.a1) == Stage.new and _events(db_session) == 0
    res = client.post(f"/sollicitanten/{world.a1.id}/fase", data={**data, "confirm": "y"})
    assert res.status_code == 302
    assert _stage(db_session, world.a1) == Stage(stage)


def test_a_missing_reason_is_asked_before_the_confirmation(client, login, world, db_session):
    login(world.member)
    res = client.post(f"/sollicitanten/{world.a1.id}/fase", data={"stage": "rejected"})
    assert 'id="reason-error"' in res.text and 'id="confirm-error"' not in res.text


def _bulk(client, back, **data):
    return client.post("/sollicitanten/acties", data={"back": back, "action": "move", **data})


def test_a_bulk_error_keeps_the_ticked_rows_and_the_filters(client, login, world, db_session):
    login(world.member)
    back = f"/sollicitanten/?vacancy={world.v1.id}&sort=oldest"
    res = _bulk(client, back, ids=[world.a1.id, world.a2.id], stage="", message="Hallo")
    assert res.status_code == 422
    assert "Kies eerst een fase. Er is niets gewijzigd." in res.text
    for app, ticked in ((world.a1, True), (world.a2, True)):
        box = re.search(rf'<input[^>]*id="pick-{app.id}"[^>]*>', res.text).group(0)
        assert ("checked" in box) is ticked, box
    assert world.a3.name not in res.text  # still filtered on the first vacancy
    assert re.search(r'<option selected value="oldest">|<option value="oldest" selected>', res.text)
    assert re.search(r">\s*Hallo</textarea>", res.text)  # the message typed stays
    assert f'name="back" value="{html.escape(back)}"' in res.text  # a second error keeps them too
    assert _events(db_session) == 0


def test_bulk_rejection_needs_a_reason_and_a_confirmation(client, login, world, db_session):
    login(world.member)
    ids = [world.a1.id, world.a2.id]
    res = _bulk(client, "/sollicitanten/", ids=ids, stage="rejected")
    assert res.status_code == 422 and 'id="reason-error"' in res.text
    res = _bulk(client, "/sollicitanten/", ids=ids, stage="rejected", reason="hours")
    assert res.status_code == 422 and 'id="confirm-error"' in res.text
    assert "2 sollicitaties af" in res.text
    assert re.search(rf'id="pick-{world.a2.id}"[^>]*checked', res.text)
    assert _events(db_session) == 0
    res = _bulk(client, "/sollicitanten/", ids=ids, stage="rejected", reason="hours", confirm="y")
    assert res.status_code == 302
    assert {_stage(db_session, world.a1), _stage(db_session, world.a2)} == {Stage.rejected}


def test_a_forged_back_address_is_not_followed(client, login, world):
    login(world.member)
    res = _bulk(client, "https://evil.example/x", ids=[world.a1.id], stage="contacted")
    assert res.status_code == 302 and res.location.endswith("/sollicitanten/")
