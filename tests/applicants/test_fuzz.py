"""Whatever a signed-in recruiter types into filters and forms: a page, never a 500."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
KEYS = ["stage", "vacancy", "location", "language", "residence", "since", "sort", "pagina",
        "organisatie"]


@pytest.fixture
def signed_in(client, login, world):
    login(world.member)
    return world


@FUZZ
@given(query=st.dictionaries(st.sampled_from(KEYS), st.text(max_size=30), max_size=6))
def test_list_filters_never_500(client, signed_in, query):
    assert client.get("/sollicitanten/", query_string=query).status_code == 200
    assert client.get("/sollicitanten/export.csv", query_string=query).status_code == 200


@FUZZ
@given(stage=st.text(max_size=20) | st.sampled_from(["rejected", "no_show", "hired", "offer"]),
       reason=st.text(max_size=20) | st.sampled_from(["language", "other", "missed_tour"]),
       message=st.text(max_size=1200),
       ids=st.lists(st.text(max_size=6) | st.sampled_from([str(2**63), str(-(2**63) - 1), "1e30"]),
                    max_size=4),
       action=st.sampled_from(["move", "tour", "", "x"]))
def test_move_and_bulk_never_500(client, signed_in, stage, reason, message, ids, action):
    w = signed_in
    r = client.post(f"/sollicitanten/{w.a1.id}/fase",
                    data={"stage": stage, "reason": reason, "message": message})
    assert r.status_code in (302, 422)
    r = client.post("/sollicitanten/acties", data={"ids": ids + [str(w.a2.id)], "stage": stage,
                                                   "reason": reason, "message": message,
                                                   "action": action})
    assert r.status_code in (302, 404, 422)  # 422: the list again, with the error and the rows ticked


@FUZZ
@given(data=st.fixed_dictionaries({}, optional={
    k: st.text(max_size=40) for k in ("date", "start_time", "duration", "address", "capacity",
                                      "meeting_point", "what_to_bring", "transport_note")}))
def test_tour_form_never_500(client, signed_in, data):
    w = signed_in
    r = client.post(f"/rondleidingen/nieuw?application={w.a1.id}",
                    data={**data, "applications": [str(w.a1.id)]})
    assert r.status_code in (302, 422)


def test_csrf_is_required_on_stage_moves(app, client, signed_in):
    r = client.post(f"/sollicitanten/{signed_in.a1.id}/fase", data={"stage": "contacted"}, csrf=False)
    assert r.status_code == 400
    from portal.applicants.models import Stage

    assert signed_in.a1.stage == Stage.new
