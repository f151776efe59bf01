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
