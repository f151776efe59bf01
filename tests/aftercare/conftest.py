import pytest


@pytest.fixture
def world(make, db_session):
    from types import SimpleNamespace

    from portal.accounts.models import Role

    region = make.region("Zaanstreek")
    other_region = make.region("Nijmegen")
    adviser = make.user(Role.adviser, region=region, email="adviseur@uwv.example")
    other_adviser = make.user(Role.adviser, region=other_region, email="ver@uwv.example")
    org = make.organisation(region=region, adviser=adviser, name="Bakkerij Zon")
    member = make.user(organisation=org, email="baas@zon.example")
    colleague = make.user(organisation=org, email="hr@zon.example")
    other_org = make.organisation(region=other_region, name="Kweker Oost")
    other_member = make.user(organisation=other_org, email="baas@kweker.example")
    vacancy = make.vacancy(org, title="Bakkersassistent")
    other_vacancy = make.vacancy(other_org, title="Tuinder")
    db_session.commit()
    return SimpleNamespace(**locals())
