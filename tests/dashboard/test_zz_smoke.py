from portal.accounts.models import Role
from portal.applicants.models import Stage

def test_smoke(app, client, make, db_session, login):
    r = make.region(); loc = make.location(r)
    org = make.organisation(r)
    v = make.vacancy(org, [loc])
    a = make.application(v, stage=Stage.contacted, azc_location_id=loc.id, poster_location_id=loc.id)
    adv = make.user(Role.adviser, region=r)
    db_session.commit()
    assert client.get(f"/v/{v.code}/{loc.code}").status_code == 200
    login(adv)
    resp = client.get("/adviseur/cijfers")
    assert resp.status_code == 200, resp.text[:3000]
    print(resp.text[:200])
    resp = client.get("/adviseur/cijfers?format=csv&table=application_stages")
    print(resp.text)
    resp = client.get("/adviseur/cijfers/maand.pdf?month=2026-01")
    assert resp.data[:4] == b"%PDF"
    admin = make.user(Role.admin); db_session.commit(); login(admin)
    assert client.get("/beheer/cijfers/regio-vergelijking").status_code == 200
    m = make.user(Role.member, organisation=org); db_session.commit(); login(m)
    resp = client.get("/cijfers/")
    assert resp.status_code == 200, resp.text[:3000]
    print(client.get("/cijfers/?format=csv&table=posters").text)
