from sqlalchemy import select


def test_healthz_reports_database(client):
    res = client.get("/healthz")
    assert res.status_code == 200
    assert res.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_503_when_database_unreachable(tmp_path):
    from portal import create_app

    app = create_app({"ENV": "testing", "SECRET_KEY": "x",
                      "DATABASE_URL": f"sqlite:///{tmp_path}/missing/dir/db.sqlite3"})
    res = app.test_client().get("/healthz")
    assert res.status_code == 503
    assert res.get_json()["database"] == "unreachable"


def test_security_headers_on_every_response(client):
    res = client.get("/healthz")
    assert "script-src 'self'" in res.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in res.headers["Content-Security-Policy"]
    assert res.headers["X-Content-Type-Options"] == "nosniff"
    assert res.headers["Referrer-Policy"] == "same-origin"


def test_nul_bytes_are_dropped_before_any_feature_sees_them(client, make, db_session):
    """PostgreSQL refuses NUL in text and no person types one: they never reach a query."""
    loc = make.location(code="ZDM")
    make.vacancy(locations=[loc], code="ABCD34")
    db_session.commit()
    feed = client.get("/api/v1/vacancies", query_string={"location": "ZD\x00M"})
    assert feed.status_code == 200 and [v["code"] for v in feed.get_json()["vacancies"]] == ["ABCD34"]
    assert client.get("/v/ABCD%0034/ZDM").status_code == 200
    res = client.post("/report", data={"employer_name": "Bad\x00 BV", "description": "x\x00y",
                                       "signals": "cash_pay", "reporter_type": "resident"})
    assert res.status_code in (200, 302)
    from portal.reports.models import Report

    assert db_session.scalars(select(Report.employer_name)).all() == ["Bad BV"]
