from __future__ import annotations

from datetime import timedelta

from portal.clock import today
from portal.organisations.models import OrgKind, OrgStatus
from portal.vacancies.models import VacancyStatus


def seed(make, db_session):
    zdm = make.location(code="ZDM", name="azc Zaandam")
    pmr = make.location(code="PMR", name="azc Purmerend")
    org = make.organisation(name="Bakkerij De Zon")
    member = make.user(organisation=org, email="geheim-lid@example.nl")
    open_ = make.vacancy(org, [zdm], code="K7Q2MX", title="Hulp in de bakkerij",
                         wage_min_cents=1471, wage_max_cents=1600)
    agency = make.organisation(kind=OrgKind.agency, name="Flex BV")
    picker = make.vacancy(agency, [pmr], code="CDEFHJ", client_name="Groothandel")
    hidden = [
        make.vacancy(org, [zdm], status=VacancyStatus.draft),
        make.vacancy(org, [zdm], status=VacancyStatus.closed),
        make.vacancy(org, [zdm], status=VacancyStatus.suspended),
        make.vacancy(org, [zdm], closing_date=today() - timedelta(days=1)),  # tick not yet run
        make.vacancy(make.organisation(status=OrgStatus.suspended), [zdm]),
    ]
    app = make.application(open_, name="Amina Yusuf", phone="+31612345678")
    db_session.commit()
    return open_, picker, hidden, member, app


def test_feed_lists_only_open_vacancies(client, make, db_session):
    open_, picker, hidden, *_ = seed(make, db_session)
    res = client.get("/api/v1/vacancies")
    assert res.status_code == 200 and res.mimetype == "application/json"
    data = res.get_json()
    codes = {v["code"] for v in data["vacancies"]}
    assert codes == {open_.code, picker.code}
    item = next(v for v in data["vacancies"] if v["code"] == "K7Q2MX")
    assert item["title"] == "Hulp in de bakkerij"
    assert item["organisation"] == "Bakkerij De Zon"
    assert item["wage_min"] == "14.71" and item["wage_max"] == "16.00"
    assert item["hours_min"] == 24 and item["hours_max"] == 32
    assert item["closes_on"] == open_.closing_date.isoformat()
    assert item["locations"] == [{"code": "ZDM", "name": "azc Zaandam", "city": "Zaandam"}]
    assert item["url"] == "https://werk.example.nl/v/K7Q2MX"
    assert item["poster_url"] == "https://werk.example.nl/api/v1/vacancies/K7Q2MX/poster.pdf"
    assert item["open_to_asylum"] is True and item["dutch_level"] == "none"


def test_feed_has_no_personal_data(client, make, db_session):
    *_, member, application = seed(make, db_session)
    body = client.get("/api/v1/vacancies").text
    for secret in ("Amina", "+31612345678", "geheim-lid", "@example.nl", "Hemkade 1"):
        assert secret not in body
    # the organisation's own address is not in the feed either (only the workplace city)
    assert "1506 PR" not in body


def test_feed_filters_by_location(client, make, db_session):
    open_, picker, *_ = seed(make, db_session)
    codes = [v["code"] for v in client.get("/api/v1/vacancies?location=pmr").get_json()["vacancies"]]
    assert codes == [picker.code]
    assert client.get("/api/v1/vacancies?location=NOPE").get_json()["vacancies"] == []


def test_feed_caching_headers_and_etag(client, make, db_session):
    seed(make, db_session)
    res = client.get("/api/v1/vacancies")
    assert res.headers["Cache-Control"] == "public, max-age=300"
    etag = res.headers["ETag"]
    assert etag
    again = client.get("/api/v1/vacancies", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    make.vacancy(title="Nieuw werk", locations=[])
    db_session.commit()
    changed = client.get("/api/v1/vacancies", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
