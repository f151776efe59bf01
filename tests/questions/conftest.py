import pytest


@pytest.fixture
def world(make, db_session):
    from portal.accounts.models import Role

    region = make.region("Zaanstreek")
    other_region = make.region("Eindhoven-test")
    contact = make.user(Role.adviser, region=region, email="contact@uwv.example")
    colleague = make.user(Role.adviser, region=region, email="collega@uwv.example")
    stranger = make.user(Role.adviser, region=other_region, email="ver@uwv.example")
    org = make.organisation(region=region, adviser=contact, name="Bakkerij Zon")
    member = make.user(organisation=org, email="baas@zon.example")
    other_org = make.organisation(region=region, adviser=contact, name="Kringloop")
    other_member = make.user(organisation=other_org, email="baas@kringloop.example")
    db_session.commit()
    return dict(region=region, other_region=other_region, contact=contact, colleague=colleague,
                stranger=stranger, org=org, member=member, other_org=other_org,
                other_member=other_member)
