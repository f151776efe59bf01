from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest

from portal.accounts.models import Role
from portal.applicants.models import ResidenceStatus, Stage
from portal.clock import today
from portal.organisations.models import OrgKind

V_NUMBER = "1234567890"


@pytest.fixture
def world(make, db_session):
    """Two regions; org A (employer) and org B (agency) in region 1, org C in region 2."""
    region, other_region = make.region(), make.region()
    adviser = make.user(Role.adviser, region=region)
    other_adviser = make.user(Role.adviser, region=other_region)
    org_a = make.organisation(region, adviser=adviser)
    org_b = make.organisation(region, kind=OrgKind.agency)
    org_c = make.organisation(other_region)
    member_a = make.user(Role.member, organisation=org_a)
    member_b = make.user(Role.member, organisation=org_b)
    member_c = make.user(Role.member, organisation=org_c)
    vac_a = make.vacancy(org_a)
    vac_b = make.vacancy(org_b, client_name="Magazijn Noord")
    vac_c = make.vacancy(org_c)
    app_a = make.application(vac_a, stage=Stage.offer)
    db_session.commit()
    return SimpleNamespace(**locals())


def hire_form(**over) -> dict:
    data = {"start_date": (today() + timedelta(days=7)).isoformat(), "hours_per_week": "24",
            "contract_type": "temporary", "v_number": "", "confirm": "y"}
    data.update(over)
    return data


@pytest.fixture
def hire(client, login):
    """POST the hire form as `member` for `application`; returns the response."""
    def _hire(member, application, **over):
        login(member)
        return client.post(f"/sollicitanten/{application.id}/aannemen", data=hire_form(**over))
    return _hire


def placement_of(application):
    from sqlalchemy import select

    from portal import db
    from portal.placements.models import Placement

    db.session.expire_all()
    return db.session.scalar(select(Placement).where(Placement.application_id == application.id))


def make_placement(make, db_session, vacancy, *, status=ResidenceStatus.asylum_seeker, **fields):
    """A placement through the service, as a member of the vacancy's organisation would."""
    from portal.placements import services
    from portal.vacancies.models import ContractType

    member = make.user(Role.member, organisation=vacancy.organisation)
    application = make.application(vacancy, stage=Stage.offer, residence_status=status)
    data = services.HireData(
        start_date=fields.pop("start_date", today()), hours_per_week=fields.pop("hours", 24),
        contract_type=fields.pop("contract_type", ContractType.temporary),
        client_name=fields.pop("client_name", vacancy.client_name),
        v_number=fields.pop("v_number", None),
    )
    placement = services.hire(application, member, data)
    db_session.commit()
    return placement
