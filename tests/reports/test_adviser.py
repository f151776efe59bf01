"""Adviser queue and detail: scoping, state changes, history, suspensions, audit."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from portal import db
from portal.accounts.models import Role
from portal.audit.models import AuditEvent
from portal.organisations.models import OrgStatus
from portal.reports.models import ForwardedTo, Report, ReportState
from portal.vacancies.models import VacancyStatus
from tests.reports.helpers import make_report


@pytest.fixture
def world(make, db_session):
    region = make.region()
    loc = make.location(region)
    org = make.organisation(region=region, name="Uitzendbureau Snel")
    vac = make.vacancy(org, locations=[loc], title="Orderpicker")
    adviser = make.user(Role.adviser, region=region)
    report = make_report(vacancy=vac, location=loc, contact="+31699887766",
                         description="Ze betalen contant.")
    db_session.commit()
    return dict(region=region, loc=loc, org=org, vac=vac, adviser=adviser, report=report)


def _audit(action):
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def _reload(report) -> Report:
    db.session.expire_all()
    return db.session.get(Report, report.id)


def test_adviser_of_region_sees_queue_and_detail_with_contact(client, login, world):
    login(world["adviser"])
    html = client.get("/adviseur/meldingen").get_data(as_text=True)
    assert f"/adviseur/meldingen/{world['report'].id}" in html
    assert "Uitzendbureau Snel" in html
    res = client.get(f"/adviseur/meldingen/{world['report'].id}")
    assert res.status_code == 200
    page = res.get_data(as_text=True)
    assert "+31699887766" in page and "Ze betalen contant." in page
    assert "Ze hebben mijn ID of bankpas" in page  # signal in words
    assert "Orderpicker" in page


def test_viewing_a_report_is_audited(client, login, world):
    login(world["adviser"])
    client.get(f"/adviseur/meldingen/{world['report'].id}")
    events = _audit("report_viewed")
    assert [(e.actor_id, e.object_id) for e in events] == [(world["adviser"].id, world["report"].id)]


def test_adviser_of_other_region_gets_404_and_empty_queue(client, login, make, db_session, world):
    other = make.user(Role.adviser, region=make.region())
    db_session.commit()
    login(other)
    rid = world["report"].id
    assert "Uitzendbureau Snel" not in client.get("/adviseur/meldingen").get_data(as_text=True)
    assert client.get(f"/adviseur/meldingen/{rid}").status_code == 404
    assert client.get(f"/adviseur/meldingen/{rid}/afdruk").status_code == 404
    assert client.post(f"/adviseur/meldingen/{rid}/status",
                       data={"state-state": "closed", "state-outcome": "x"}).status_code == 404
    assert client.post(f"/adviseur/meldingen/{rid}/vacature-schorsen",
                       data={"vacancy-reason": "x"}).status_code == 404
    assert _reload(world["report"]).state == ReportState.new
    assert _audit("report_viewed") == []


def test_admin_sees_everything_including_reports_without_region(client, login, make, db_session,
                                                                world):
    lost = make_report()  # no vacancy, no azc: no region
    admin = make.user(Role.admin)
    db_session.commit()
    login(admin)
    html = client.get("/adviseur/meldingen").get_data(as_text=True)
    assert f"/adviseur/meldingen/{lost.id}" in html
    assert f"/adviseur/meldingen/{world['report'].id}" in html
    assert client.get(f"/adviseur/meldingen/{lost.id}").status_code == 200


def test_adviser_does_not_see_reports_without_region(client, login, world, db_session):
    lost = make_report()
    db_session.commit()
    login(world["adviser"])
    assert client.get(f"/adviseur/meldingen/{lost.id}").status_code == 404


def _urls(rid):
    return [("get", "/adviseur/meldingen"), ("get", f"/adviseur/meldingen/{rid}"),
            ("get", f"/adviseur/meldingen/{rid}/afdruk?contact=y"),
            ("post", f"/adviseur/meldingen/{rid}/status"),
            ("post", f"/adviseur/meldingen/{rid}/vacature-schorsen"),
            ("post", f"/adviseur/meldingen/{rid}/organisatie-schorsen")]


@pytest.mark.parametrize("who", ["member_of_reported", "member_of_other", "coordinator"])
def test_members_and_coordinators_never_see_reports(client, login, make, db_session, world, who):
    if who == "member_of_reported":
        user = make.user(Role.member, organisation=world["org"])
    elif who == "member_of_other":
        user = make.user(Role.member, organisation=make.organisation(region=world["region"]))
    else:
        user = make.user(Role.coordinator, locations=[world["loc"]])
    db_session.commit()
    login(user)
    data = {"state-state": "closed", "state-outcome": "x", "vacancy-reason": "x",
            "org-reason": "x"}
    for method, url in _urls(world["report"].id):
        res = getattr(client, method)(url, data=data) if method == "post" else client.get(url)
        assert res.status_code in (403, 404), url
        body = res.get_data(as_text=True)
        assert "+31699887766" not in body and "Ze betalen contant." not in body
    db.session.expire_all()
    assert _reload(world["report"]).state == ReportState.new
    assert world["vac"].status == VacancyStatus.published
    assert world["org"].status == OrgStatus.approved


def test_signed_out_visitor_is_sent_to_login(client, world):
    for method, url in _urls(world["report"].id):
        res = getattr(client, method)(url)
        assert res.status_code in (302, 401), url
        assert "+31699887766" not in res.get_data(as_text=True)


def test_queue_newest_first_and_filter_by_state(client, login, world, db_session):
    from datetime import timedelta

    newer = make_report(location=world["loc"], employer_name="Nieuwste BV")
    newer.created_at = world["report"].created_at + timedelta(hours=1)
    newer.state = ReportState.investigating
    db_session.commit()
    login(world["adviser"])
    html = client.get("/adviseur/meldingen").get_data(as_text=True)
    assert html.index("Nieuwste BV") < html.index("Uitzendbureau Snel")
    only = client.get("/adviseur/meldingen?state=investigating").get_data(as_text=True)
    assert "Nieuwste BV" in only and "Uitzendbureau Snel" not in only
    assert client.get("/adviseur/meldingen?state=bogus").status_code == 404


def _change(client, rid, **data):
    return client.post(f"/adviseur/meldingen/{rid}/status",
                       data={f"state-{k}": v for k, v in data.items()})


def test_valid_state_path_to_closed_with_events_and_audit(client, login, world):
    login(world["adviser"])
    rid = world["report"].id
    assert _change(client, rid, state="investigating", note="Gebeld").status_code == 302
    assert _change(client, rid, state="forwarded", forwarded_to="arbeidsinspectie").status_code == 302
    assert _change(client, rid, state="closed", outcome="Boete opgelegd").status_code == 302
    report = _reload(world["report"])
    assert report.state == ReportState.closed
    assert report.forwarded_to == ForwardedTo.arbeidsinspectie
    assert report.outcome == "Boete opgelegd"
    steps = [(e.from_state, e.to_state) for e in report.events if e.action == "state"]
    assert steps == [(ReportState.new, ReportState.investigating),
                     (ReportState.investigating, ReportState.forwarded),
                     (ReportState.forwarded, ReportState.closed)]
    assert [e.detail["to_state"] for e in _audit("report_state_changed")] == [
        "investigating", "forwarded", "closed"]
    page = client.get(f"/adviseur/meldingen/{rid}").get_data(as_text=True)
    assert "Gebeld" in page and "Boete opgelegd" in page


def test_new_can_close_directly_with_outcome(client, login, world):
    login(world["adviser"])
    assert _change(client, world["report"].id, state="closed",
                   outcome="Geen werkgever gevonden").status_code == 302
    assert _reload(world["report"]).state == ReportState.closed


@pytest.mark.parametrize("start,target", [
    (ReportState.new, "forwarded"), (ReportState.closed, "investigating"),
    (ReportState.forwarded, "new"), (ReportState.new, "nonsense"),
])
def test_invalid_transitions_are_refused(client, login, world, db_session, start, target):
    world["report"].state = start
    db_session.commit()
    login(world["adviser"])
    res = _change(client, world["report"].id, state=target, forwarded_to="police", outcome="x")
    assert res.status_code == 422
    assert 'id="state-state-error"' in res.get_data(as_text=True)
    assert _reload(world["report"]).state == start


def test_forwarding_needs_forwarded_to(client, login, world, db_session):
    world["report"].state = ReportState.investigating
    db_session.commit()
    login(world["adviser"])
    res = _change(client, world["report"].id, state="forwarded")
    assert res.status_code == 422
    assert 'id="state-forwarded_to-error"' in res.get_data(as_text=True)
    assert _reload(world["report"]).state == ReportState.investigating


def test_closing_needs_an_outcome(client, login, world):
    login(world["adviser"])
    res = _change(client, world["report"].id, state="closed", outcome="   ")
    assert res.status_code == 422
    assert 'id="state-outcome-error"' in res.get_data(as_text=True)
    assert _reload(world["report"]).state == ReportState.new


def test_history_of_reports_on_the_organisation(client, login, make, db_session, world):
    other_vac = make.vacancy(world["org"], title="Heftruckchauffeur")
    second = make_report(vacancy=other_vac)
    third = make_report(vacancy=world["vac"])
    unrelated = make_report(vacancy=make.vacancy(make.organisation(region=world["region"])))
    db_session.commit()
    login(world["adviser"])
    page = client.get(f"/adviseur/meldingen/{world['report'].id}").get_data(as_text=True)
    assert "2 andere meldingen" in page
    assert f"/adviseur/meldingen/{second.id}" in page
    assert f"/adviseur/meldingen/{third.id}" in page
    assert f"/adviseur/meldingen/{unrelated.id}" not in page


def test_suspend_vacancy_from_report(client, login, world):
    login(world["adviser"])
    rid = world["report"].id
    res = client.post(f"/adviseur/meldingen/{rid}/vacature-schorsen", data={"vacancy-reason": ""})
    assert res.status_code == 422
    assert 'id="vacancy-reason-error"' in res.get_data(as_text=True)
    db.session.expire_all()
    assert world["vac"].status == VacancyStatus.published
    res = client.post(f"/adviseur/meldingen/{rid}/vacature-schorsen",
                      data={"vacancy-reason": "Onderzoek naar arbeidsvoorwaarden"})
    assert res.status_code == 302
    db.session.expire_all()
    assert world["vac"].status == VacancyStatus.suspended
    events = _audit("report_vacancy_suspended")
    assert len(events) == 1 and events[0].detail["vacancy_id"] == world["vac"].id
    assert [e.action for e in _reload(world["report"]).events][-1] == "vacancy_suspended"


def test_suspend_organisation_from_report(client, login, world):
    login(world["adviser"])
    rid = world["report"].id
    res = client.post(f"/adviseur/meldingen/{rid}/organisatie-schorsen",
                      data={"org-reason": "Meerdere signalen van uitbuiting"})
    assert res.status_code == 422 and 'id="org-confirm-error"' in res.get_data(as_text=True)
    db.session.expire_all()
    assert world["org"].status == OrgStatus.approved  # not without the tick
    res = client.post(f"/adviseur/meldingen/{rid}/organisatie-schorsen",
                      data={"org-reason": "Meerdere signalen van uitbuiting", "org-confirm": "y"})
    assert res.status_code == 302
    db.session.expire_all()
    assert world["org"].status == OrgStatus.suspended
    assert world["vac"].status == VacancyStatus.suspended  # its vacancies go offline too
    assert len(_audit("report_organisation_suspended")) == 1


def test_suspend_without_linked_vacancy_is_refused(client, login, world, db_session):
    loose = make_report(location=world["loc"])
    db_session.commit()
    login(world["adviser"])
    res = client.post(f"/adviseur/meldingen/{loose.id}/vacature-schorsen",
                      data={"vacancy-reason": "x"})
    assert res.status_code == 422
    assert _audit("report_vacancy_suspended") == []


def test_print_summary_leaves_out_contact_unless_ticked(client, login, world, db_session):
    world["report"].contact_consent = True  # the reporter agreed (see test_contact_consent.py)
    db_session.commit()
    login(world["adviser"])
    rid = world["report"].id
    plain = client.get(f"/adviseur/meldingen/{rid}/afdruk")
    assert plain.status_code == 200
    html = plain.get_data(as_text=True)
    assert "+31699887766" not in html
    assert "Ze betalen contant." in html and world["report"].code in html
    with_contact = client.get(f"/adviseur/meldingen/{rid}/afdruk?contact=y").get_data(as_text=True)
    assert "+31699887766" in with_contact
    assert [e.detail["include_contact"] for e in _audit("report_printed")] == [False, True]
