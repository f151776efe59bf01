"""Lower packages reach higher ones only through signals (portal.signals). These tests run
through a full app, so they fail if a receiver is not connected in every app: a hire that
schedules no aftercare, a status page without its tours, notes or help, an applicant page
without its tours, a vacancy list without its counts."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import db
from portal.accounts.models import Role
from portal.aftercare.models import AftercareCheck
from portal.applicants.models import Stage
from portal.clock import today
from portal.placements import services as placements
from portal.vacancies.models import ContractType


def _world(make):
    region = make.region()
    zdm = make.location(region, code="ZDM", name="azc Zaandam")
    org = make.organisation(region)
    member = make.user(Role.member, organisation=org)
    vacancy = make.vacancy(org, locations=[zdm], title="Bakker")
    return org, member, vacancy, zdm


def test_a_hire_schedules_the_aftercare_check_ins(make, db_session):
    _org, member, vacancy, zdm = _world(make)
    application = make.application(vacancy, azc_location=zdm)
    placement = placements.hire(application, member, placements.HireData(
        start_date=today() + timedelta(days=3), hours_per_week=24,
        contract_type=ContractType.temporary))
    checks = db.session.scalars(select(AftercareCheck).where(
        AftercareCheck.placement_id == placement.id)).all()
    assert len(checks) == 3 and min(c.due_on for c in checks) == placement.start_date + timedelta(days=7)


def test_the_status_page_gets_tours_notes_and_work_help(client, make, db_session):
    org, _member, vacancy, zdm = _world(make)
    invited = make.application(vacancy, azc_location=zdm, stage=Stage.tour)
    make.tour(org, applications=[invited], vacancy=vacancy, meeting_point="Receptie, ingang B")
    hired = make.application(vacancy, azc_location=zdm, stage=Stage.hired)
    make.placement(hired)
    db_session.commit()
    page = client.get(f"/s/{invited.plain_token}?lang=nl").get_data(as_text=True)
    assert "Receptie, ingang B" in page  # tours
    page = client.get(f"/s/{hired.plain_token}?lang=nl").get_data(as_text=True)
    assert "werkvergunning (TWV)" in page  # placements
    assert "/hulp/rechten-op-het-werk" in page  # aftercare: help for working residents


def test_the_applicant_page_gets_its_tours_and_the_vacancy_list_its_counts(client, login, make,
                                                                          db_session):
    org, member, vacancy, zdm = _world(make)
    application = make.application(vacancy, azc_location=zdm)
    make.application(vacancy, azc_location=zdm, stage=Stage.contacted)
    tour = make.tour(org, applications=[application], vacancy=vacancy)
    db_session.commit()
    login(member)
    page = client.get(f"/sollicitanten/{application.id}").get_data(as_text=True)
    assert f"/rondleidingen/{tour.id}" in page
    page = client.get("/vacatures/").get_data(as_text=True)
    assert "1 nieuw" in page
