from __future__ import annotations

from sqlalchemy import select, text

from portal import db
from portal.applicants.models import ApplicationEvent, ResidenceStatus, Stage
from portal.audit.models import AuditEvent
from portal.db import Base
from portal.placements.models import TwvState
from portal.placements.vnumber import person_hash
from tests.placements.conftest import V_NUMBER, placement_of


def test_hire_form_explains_v_number_and_on_call(world, client, login):
    login(world.member_a)
    page = client.get(f"/sollicitanten/{world.app_a.id}/aannemen").get_data(as_text=True)
    assert "V-nummer" in page
    assert "NIET" in page and "HMAC" in page  # the number is not stored
    assert "voltijdbaan" in page and "40 uur" in page  # on-call counts as full time
    assert "Zonder V-nummer" in page  # the check cannot be done without it
    assert "Inlener" not in page  # employer, not agency


def test_hire_creates_placement_hired_stage_and_event(world, hire):
    resp = hire(world.member_a, world.app_a, hours_per_week="32", contract_type="fixed_term")
    placement = placement_of(world.app_a)
    assert resp.status_code == 302 and resp.location.endswith(f"/plaatsingen/{placement.id}")
    assert placement.organisation_id == world.org_a.id
    assert placement.vacancy_id == world.vac_a.id
    assert placement.hours_per_week == 32
    assert placement.contract_type.value == "fixed_term"
    assert placement.twv_needed and placement.twv_state == TwvState.to_apply
    assert placement.created_by_id == world.member_a.id
    assert placement.person_hash is None
    db.session.refresh(world.app_a)
    assert world.app_a.stage == Stage.hired
    event = db.session.scalars(select(ApplicationEvent).where(
        ApplicationEvent.application_id == world.app_a.id)).all()[-1]
    assert (event.from_stage, event.to_stage, event.actor_id) == (Stage.offer, Stage.hired,
                                                                 world.member_a.id)
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"placement_created", "applicant_stage_changed"} <= actions


def test_v_number_is_stored_only_as_hmac(world, hire):
    hire(world.member_a, world.app_a, v_number="12 3456.7890")
    placement = placement_of(world.app_a)
    assert placement.person_hash == person_hash(V_NUMBER)
    assert len(placement.person_hash) == 64 and V_NUMBER not in placement.person_hash
    # Nowhere in the database: not in the placement row, not in audit detail, nowhere.
    with db.engine().connect() as conn:
        for table in Base.metadata.sorted_tables:
            for row in conn.execute(table.select()):
                for value in row:
                    assert V_NUMBER not in str(value), table.name


def test_hash_depends_on_key(app, world):
    first = person_hash(V_NUMBER)
    app.config["V_NUMBER_KEY"] = "another-key"
    assert person_hash(V_NUMBER) != first
    app.config["V_NUMBER_KEY"] = None
    assert person_hash(V_NUMBER) == first


def test_invalid_v_number_is_refused_at_the_field(world, hire):
    resp = hire(world.member_a, world.app_a, v_number="12AB")
    assert resp.status_code == 422
    page = resp.get_data(as_text=True)
    assert "Een V-nummer heeft 10 cijfers" in page and 'id="v_number-error"' in page
    assert placement_of(world.app_a) is None


def test_status_holder_needs_no_twv(world, make, db_session, hire, client, login):
    application = make.application(world.vac_a, stage=Stage.contacted,
                                   residence_status=ResidenceStatus.status_holder)
    db_session.commit()
    login(world.member_a)
    form_page = client.get(f"/sollicitanten/{application.id}/aannemen").get_data(as_text=True)
    assert "geen TWV nodig" in form_page and 'name="v_number"' not in form_page
    hire(world.member_a, application)
    placement = placement_of(application)
    assert not placement.twv_needed and placement.twv_state == TwvState.not_needed
    page = client.get(f"/plaatsingen/{placement.id}").get_data(as_text=True)
    assert "Geen TWV nodig: statushouder. Controleer de einddatum van de verblijfsvergunning." in page
    assert "eHerkenning" not in page


def test_unknown_status_is_asked_and_treated_as_needed(world, make, db_session, hire, client, login):
    unknown = make.application(world.vac_a, residence_status=ResidenceStatus.unknown)
    holder = make.application(world.vac_a, residence_status=ResidenceStatus.unknown)
    db_session.commit()
    login(world.member_a)
    page = client.get(f"/sollicitanten/{unknown.id}/aannemen").get_data(as_text=True)
    assert "Verblijfsstatus" in page and "ervan uit dat een TWV nodig is" in page
    hire(world.member_a, unknown, residence_status="unknown")
    assert placement_of(unknown).twv_state == TwvState.to_apply
    hire(world.member_a, holder, residence_status="status_holder")
    assert placement_of(holder).twv_state == TwvState.not_needed


def test_agency_must_name_the_client(world, make, db_session, hire):
    application = make.application(world.vac_b)
    db_session.commit()
    resp = hire(world.member_b, application, client_name="")
    assert resp.status_code == 422 and 'id="client_name-error"' in resp.get_data(as_text=True)
    resp = hire(world.member_b, application, client_name="Magazijn Noord")
    assert resp.status_code == 302
    assert placement_of(application).client_name == "Magazijn Noord"


def test_cannot_hire_twice_or_a_closed_application(world, make, db_session, hire):
    assert hire(world.member_a, world.app_a).status_code == 302
    resp = hire(world.member_a, world.app_a)
    assert resp.status_code == 422 and "al afgerond" in resp.get_data(as_text=True)
    rejected = make.application(world.vac_a, stage=Stage.rejected)
    db_session.commit()
    assert hire(world.member_a, rejected).status_code == 422
    assert placement_of(rejected) is None


def test_other_organisation_gets_404_on_hire(world, hire, client):
    assert hire(world.member_c, world.app_a).status_code == 404
    assert client.get(f"/sollicitanten/{world.app_a.id}/aannemen").status_code == 404
    assert client.get("/sollicitanten/999999/aannemen").status_code == 404
    assert placement_of(world.app_a) is None
    with db.engine().connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM placement")).scalar() == 0


def test_hire_needs_a_csrf_token(app, world, client, login):
    import re

    from tests.placements.conftest import hire_form

    login(world.member_a)
    url = f"/sollicitanten/{world.app_a.id}/aannemen"
    assert client.post(url, data=hire_form(), csrf=False).status_code == 400
    page = client.get(url).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post(url, data={**hire_form(), "csrf_token": token}).status_code == 302
    assert placement_of(world.app_a) is not None


def test_hiring_needs_an_explicit_tick_and_changes_nothing_without_it(world, hire, db_session):
    """Hiring ends the application and starts the TWV steps: it cannot be undone."""
    res = hire(world.member_a, world.app_a, confirm="")
    assert res.status_code == 422
    html = res.get_data(as_text=True)
    assert 'id="confirm-error"' in html and "Vink aan dat u deze persoon aanneemt." in html
    assert placement_of(world.app_a) is None
    db_session.refresh(world.app_a)
    assert world.app_a.stage == Stage.offer
    assert hire(world.member_a, world.app_a).status_code == 302
    assert placement_of(world.app_a) is not None
