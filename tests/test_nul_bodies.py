"""NUL bytes never reach a feature, however the form body travels: url-encoded or multipart,
with a Content-Length or chunked (gunicorn and nginx pass chunked bodies on)."""
from __future__ import annotations

import io
from urllib.parse import urlencode

import pytest
from flask import jsonify, request
from sqlalchemy import select

from portal import create_app
from portal.reports.models import Report

FIELDS = {"employer_name": "Bad\x00 BV", "description": "x\x00y", "signals": "cash_pay",
          "reporter_type": "resident"}
BOUNDARY = "----portal-test-boundary"


def token_header(client) -> dict:
    """The CSRF token as a header, for raw bodies (the form field would be inside the body)."""
    return {"X-CSRFToken": client.csrf_token()} if hasattr(client, "csrf_token") else {}


def multipart(fields: dict) -> bytes:
    parts = [f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
             for k, v in fields.items()]
    return ("".join(parts) + f"--{BOUNDARY}--\r\n").encode()


def urlencoded(fields: dict) -> bytes:
    return urlencode(fields).encode()


BODIES = {
    "multipart": (f"multipart/form-data; boundary={BOUNDARY}", multipart),
    "urlencoded": ("application/x-www-form-urlencoded", urlencoded),
}


def post_raw(client, path, body: bytes, content_type: str, chunked: bool, headers=None):
    headers = dict(headers or {})
    environ = {}
    if chunked:
        headers["Transfer-Encoding"] = "chunked"
        environ["wsgi.input_terminated"] = True  # what gunicorn sets for a chunked body
        environ["CONTENT_LENGTH"] = ""  # a chunked body has none (the test builder sets one)
    else:
        headers["Content-Length"] = str(len(body))
    return client.post(path, input_stream=io.BytesIO(body), content_type=content_type,
                       headers=headers, environ_overrides=environ)


@pytest.fixture
def echo_app(database_url):
    """The real app (with its middleware) plus a view that shows exactly what a feature
    would receive in request.form."""
    echo = create_app({"ENV": "testing", "SECRET_KEY": "x", "DATABASE_URL": database_url,
                       "WTF_CSRF_ENABLED": False})
    echo.add_url_rule("/_echo", "echo", lambda: jsonify(request.form.to_dict(flat=False)),
                      methods=["POST"])
    yield echo
    echo.extensions["db_engine"].dispose()


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize("kind", sorted(BODIES))
def test_no_feature_ever_receives_a_nul_byte(echo_app, kind, chunked):
    content_type, encode = BODIES[kind]
    res = post_raw(echo_app.test_client(), "/_echo", encode(FIELDS), content_type, chunked)
    assert res.status_code == 200
    assert res.get_json() == {"employer_name": ["Bad BV"], "description": ["xy"],
                              "signals": ["cash_pay"], "reporter_type": ["resident"]}


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize("kind", sorted(BODIES))
def test_a_report_with_nul_bytes_is_stored_without_them(client, db_session, kind, chunked):
    content_type, encode = BODIES[kind]
    res = post_raw(client, "/report", encode(FIELDS), content_type, chunked, token_header(client))
    assert res.status_code in (200, 302), res.get_data(as_text=True)[:500]
    assert db_session.scalars(select(Report.employer_name)).all() == ["Bad BV"]


def test_percent_00_typed_in_a_multipart_field_is_kept(client, db_session):
    body = multipart({**FIELDS, "employer_name": "100%00 Schoon BV"})
    res = client.post("/report", input_stream=io.BytesIO(body), headers=token_header(client),
                      content_type=f"multipart/form-data; boundary={BOUNDARY}")
    assert res.status_code in (200, 302)
    assert db_session.scalars(select(Report.employer_name)).all() == ["100%00 Schoon BV"]


@pytest.mark.parametrize("length", ["abc", "-5", str(10**30)])
def test_a_nonsense_content_length_is_not_a_500(client, length):
    res = client.post("/report", input_stream=io.BytesIO(b"a=b"), headers={
        **token_header(client), "Content-Length": length},
        content_type="application/x-www-form-urlencoded")
    assert res.status_code < 500


def test_a_chunked_body_over_the_limit_is_refused(client, app):
    body = b"description=" + b"x" * (app.config["MAX_CONTENT_LENGTH"] + 10)
    res = client.post("/report", input_stream=io.BytesIO(body),
                      headers={**token_header(client), "Transfer-Encoding": "chunked"},
                      environ_overrides={"wsgi.input_terminated": True, "CONTENT_LENGTH": ""},
                      content_type="application/x-www-form-urlencoded")
    assert res.status_code == 413


def test_a_file_part_where_text_is_expected_is_ignored(client):
    """No form takes uploads: a part sent as a file (here as the e-mail address) is not seen."""
    res = client.post("/inloggen", content_type="multipart/form-data",
                      data={"email": (io.BytesIO(b"x@example.nl"), "a.txt"), "password": "x" * 12})
    assert res.status_code == 200
    assert 'id="email-error"' in res.get_data(as_text=True)
