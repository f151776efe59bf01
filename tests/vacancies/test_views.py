from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.clock import today
from portal.organisations.models import OrgKind, OrgStatus
from portal.vacancies.models import Vacancy, VacancyStatus


@pytest.fixture
def setup(make, db_session, wages):
    loc = make.location(code="ZDM", name="azc Zaandam")
    org = make.organisation(name="Bakkerij De Zon")
    member = make.user(organisation=org)
    db_session.commit()
    return org, member, loc


def form(loc, **kw):
    d = {"title": "Hulp in de bakkerij", "summary": "Je helpt in de bakkerij.",
         "text_language": "nl", "city": "Zaandam", "address": "Westzijde 88",
         "hours_min": "16", "hours_max": "24", "contract_type": "fixed_term",
         "wage_min": "15,00", "wage_max": "", "dutch_level": "A1",
         "english_level": "none", "open_to_asylum": "y", "open_to_status": "y",
         "positions": "1", "start_date": (today() + timedelta(days=10)).isoformat(),
         "closing_date": (today() + timedelta(days=30)).isoformat(), "location_ids": [str(loc.id)]}
    d.update(kw)
    return {k: v for k, v in d.items() if v is not None}


def test_member_creates_and_publishes(client, login, setup, db_session):
    org, member, loc = setup
    login(member)
    page = client.get("/vacatures/nieuw")
    assert page.status_code == 200
    assert "B1" in page.text and "azc Zaandam" in page.text
    assert 'name="client_name"' not in page.text  # only agencies name a client
    res = client.post("/vacatures/nieuw", data=form(loc), follow_redirects=True)
    assert res.status_code == 200 and "concept" in res.text
    vacancy = db_session.query(Vacancy).one()
    assert vacancy.wage_min_cents == 1500 and vacancy.locations == [loc]
    res = client.post(f"/vacatures/{vacancy.id}/publiceren", follow_redirects=True)
    assert "gepubliceerd" in res.text
    db_session.refresh(vacancy)
    assert vacancy.status == VacancyStatus.published
    listing = client.get("/vacatures/")
    assert vacancy.code in listing.text and "Gepubliceerd" in listing.text


def test_listing_counts_applicants(client, login, setup, make, db_session):
    org, member, loc = setup
    v = make.vacancy(org, [loc], title="Broodbakker")
    make.application(v)
    make.application(v)
    from portal.applicants.models import Stage
    make.application(v, stage=Stage.contacted)
    db_session.commit()
    login(member)
    text = client.get("/vacatures/").text
    row = text.split("Broodbakker")[1].split("</tr>")[0]
    assert ">3" in row and "2 nieuw" in row


def test_wage_error_shown_at_field(client, login, setup):
    org, member, loc = setup
    login(member)
    res = client.post("/vacatures/nieuw", data=form(loc, wage_min="10.00"))
    assert res.status_code == 200
    assert 'id="wage_min-error"' in res.text and "minimumloon" in res.text


def test_hours_over_full_time_refused_at_field(client, login, setup, db_session):
    org, member, loc = setup
    login(member)
    res = client.post("/vacatures/nieuw", data=form(loc, hours_max="45"))
    assert 'id="hours_max-error"' in res.text
    assert db_session.query(Vacancy).count() == 0


def test_on_call_shows_warning_after_save(client, login, setup):
    org, member, loc = setup
    login(member)
    res = client.post("/vacatures/nieuw", data=form(loc, contract_type="on_call"),
                      follow_redirects=True)
    assert "notice--warning" in res.text and "tweede baan" in res.text


def test_agency_must_name_client_in_form(client, login, make, db_session, wages):
    loc = make.location()
    agency = make.organisation(kind=OrgKind.agency)
    member = make.user(organisation=agency)
    db_session.commit()
    login(member)
    assert 'name="client_name"' in client.get("/vacatures/nieuw").text
    res = client.post("/vacatures/nieuw", data=form(loc))
    assert 'id="client_name-error"' in res.text
    client.post("/vacatures/nieuw", data=form(loc, client_name="Zaanse Groothandel"))
    assert db_session.query(Vacancy).one().client_name == "Zaanse Groothandel"


def test_pending_organisation_has_no_publish_button_and_is_refused(client, login, make, db_session, wages):
    loc = make.location()
    org = make.organisation(status=OrgStatus.pending)
    member = make.user(organisation=org)
    v = make.vacancy(org, [loc], status=VacancyStatus.draft)
    db_session.commit()
    login(member)
    page = client.get(f"/vacatures/{v.id}")
    assert "/publiceren" not in page.text
    res = client.post(f"/vacatures/{v.id}/publiceren", follow_redirects=True)
    assert "goedgekeurd" in res.text
    db_session.refresh(v)
    assert v.status == VacancyStatus.draft


def test_publish_problem_shown_at_field(client, login, setup, make, db_session):
    org, member, loc = setup
    v = make.vacancy(org, [], status=VacancyStatus.draft)
    db_session.commit()
    login(member)
    res = client.post(f"/vacatures/{v.id}/publiceren")
    assert res.status_code == 200
    assert 'id="location_ids-error"' in res.text and f'action="/vacatures/{v.id}/bewerken"' in res.text
    db_session.refresh(v)
    assert v.status == VacancyStatus.draft


def test_edit_prefills_and_saves(client, login, setup, make, db_session):
    org, member, loc = setup
    v = make.vacancy(org, [loc], status=VacancyStatus.draft, wage_min_cents=1555)
    db_session.commit()
    login(member)
    page = client.get(f"/vacatures/{v.id}/bewerken")
    assert 'value="15,55"' in page.text and v.title in page.text  # Dutch notation back
    client.post(f"/vacatures/{v.id}/bewerken", data=form(loc, title="Nieuwe titel"))
    db_session.refresh(v)
    assert v.title == "Nieuwe titel"


def test_duplicate_close_and_extend(client, login, setup, make, db_session):
    org, member, loc = setup
    v = make.vacancy(org, [loc])
    db_session.commit()
    login(member)
    res = client.post(f"/vacatures/{v.id}/kopieren")
    copy = db_session.query(Vacancy).filter(Vacancy.id != v.id).one()
    assert res.headers["Location"].endswith(f"/vacatures/{copy.id}/bewerken")
    assert copy.status == VacancyStatus.draft and copy.code != v.code

    new_date = (today() + timedelta(days=60)).isoformat()
    res = client.post(f"/vacatures/{v.id}/verlengen", data={"closing_date": new_date, "reason": ""})
    assert 'id="reason-error"' in res.text
    too_far = (today() + timedelta(days=100)).isoformat()
    res = client.post(f"/vacatures/{v.id}/verlengen", data={"closing_date": too_far, "reason": "x"})
    assert 'id="closing_date-error"' in res.text
    client.post(f"/vacatures/{v.id}/verlengen", data={"closing_date": new_date, "reason": "Weinig reacties"})
    db_session.refresh(v)
    assert v.closing_date.isoformat() == new_date

    client.post(f"/vacatures/{v.id}/sluiten", data={"outcome": "filled", "reason": ""})
    db_session.refresh(v)
    assert v.status == VacancyStatus.filled and v.close_outcome == "filled"
    page = client.get(f"/vacatures/{v.id}/bewerken", follow_redirects=True)
    assert "niet meer worden gewijzigd" in page.text


MEMBER_URLS = [
    ("get", "/vacatures/{id}"), ("get", "/vacatures/{id}/bewerken"),
    ("post", "/vacatures/{id}/bewerken"), ("post", "/vacatures/{id}/kopieren"),
    ("post", "/vacatures/{id}/publiceren"), ("get", "/vacatures/{id}/sluiten"),
    ("post", "/vacatures/{id}/sluiten"), ("get", "/vacatures/{id}/verlengen"),
    ("get", "/vacatures/{id}/poster/{loc}.pdf"), ("get", "/vacatures/{id}/posters.pdf"),
]


@pytest.mark.parametrize("method, url", MEMBER_URLS)
def test_other_organisations_vacancy_is_404(client, login, make, db_session, method, url):
    loc = make.location()
    theirs = make.vacancy(make.organisation(), [loc])
    me = make.user(organisation=make.organisation())
    db_session.commit()
    login(me)
    res = getattr(client, method)(url.format(id=theirs.id, loc=loc.code), data={"outcome": "filled"})
    assert res.status_code == 404
    db_session.refresh(theirs)
    assert theirs.status == VacancyStatus.published


@pytest.mark.parametrize("method, url", MEMBER_URLS)
def test_signed_out_goes_to_login(client, make, db_session, method, url):
    v = make.vacancy()
    db_session.commit()
    res = getattr(client, method)(url.format(id=v.id, loc="X"))
    assert res.status_code == 302 and "/inloggen" in res.headers["Location"]


def test_staff_cannot_use_member_pages(client, login, make, db_session):
    from portal.accounts.models import Role

    login(make.user(role=Role.adviser))
    db_session.commit()
    assert client.get("/vacatures/").status_code == 403


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(
    st.sampled_from(["title", "summary", "hours_min", "hours_max", "wage_min", "wage_max",
                     "start_date", "closing_date", "location_ids", "positions", "contract_type",
                     "dutch_level", "client_name"]),
    st.text(max_size=30)))
def test_vacancy_form_never_500(client, login, setup, fuzz):
    org, member, loc = setup
    login(member)
    res = client.post("/vacatures/nieuw", data=form(loc, **fuzz))
    assert res.status_code in (200, 302)
