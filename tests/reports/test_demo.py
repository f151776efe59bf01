from sqlalchemy import select

from portal import db
from portal.accounts.models import Role
from portal.reports import demo
from portal.reports.models import Report


def test_demo_reports_land_in_the_advisers_queue(client, login, make, db_session):
    region = make.region()
    make.location(region)
    vac = make.vacancy(make.organisation(region=region))
    adviser = make.user(Role.adviser, region=region)
    demo.seed({"adviser": adviser})
    db_session.commit()
    reports = list(db.session.scalars(select(Report)))
    assert len(reports) == 2
    assert {r.region_id for r in reports} == {region.id}
    assert reports[0].vacancy_id == vac.id
    login(adviser)
    html = client.get("/adviseur/meldingen").get_data(as_text=True)
    assert all(f"/adviseur/meldingen/{r.id}" in html for r in reports)
