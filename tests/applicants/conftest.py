from __future__ import annotations

from types import SimpleNamespace

import pytest

from portal.accounts.models import Role


@pytest.fixture
def world(make, db_session):
    """Organisation A in region 1 with two vacancies and applicants; organisation B elsewhere;
    an adviser of region 1, one of region 2, a coordinator of azc Zaandam."""
    region, other_region = make.region("Zaan"), make.region("Nijmegen")
    zdm = make.location(region, code="ZDM", name="azc Zaandam")
    pmr = make.location(region, code="PMR", name="azc Purmerend")
    adviser = make.user(Role.adviser, region=region)
    org = make.organisation(region, adviser=adviser, name="Bakkerij Zon")
    member = make.user(Role.member, organisation=org)
    other_org = make.organisation(other_region, name="Ander Bedrijf")
    other_member = make.user(Role.member, organisation=other_org)
    other_adviser = make.user(Role.adviser, region=other_region)
    coordinator = make.user(Role.coordinator, locations=[zdm])
    v1 = make.vacancy(org, locations=[zdm], title="Bakker")
    v2 = make.vacancy(org, locations=[pmr], title="Inpakker")
    a1 = make.application(v1, name="Samira Haddad", azc_location=zdm, poster_location=zdm,
                          email="samira@example.org", phone="+31612345678")
    a2 = make.application(v1, name="Yonas Tesfay", azc_location=pmr,
                          languages=[{"lang": "ti", "level": "good"}])
    a3 = make.application(v2, name="Reza Ahmadi", azc_location=zdm,
                          languages=[{"lang": "fa", "level": "good"}])
    foreign = make.application(make.vacancy(other_org), name="Other Person")
    db_session.commit()
    return SimpleNamespace(**locals())
