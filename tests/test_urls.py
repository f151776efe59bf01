"""portal.urls: absolute links for mails, posters, PDFs and the feed come from PORTAL_BASE_URL,
never from the request that happened to trigger them."""
from __future__ import annotations

from portal.urls import absolute_path, absolute_url, base_url, display_base


def test_links_outside_a_request_use_the_configured_base(app):
    # The `app` fixture sets BASE_URL https://werk.example.nl; no request is active here.
    assert absolute_url("apply.status", token="abc") == "https://werk.example.nl/s/abc"
    assert absolute_url("applicants.index") == "https://werk.example.nl/sollicitanten/"
    assert absolute_path("/hulp/cancel-twv") == "https://werk.example.nl/hulp/cancel-twv"
    assert absolute_path("hulp") == "https://werk.example.nl/hulp"


def test_extra_values_become_the_query_and_none_is_dropped(app):
    assert absolute_url("applicants.index", vacancy=3, stage=None) == \
        "https://werk.example.nl/sollicitanten/?vacancy=3"


def test_the_host_header_of_a_request_is_ignored(app):
    with app.test_request_context("/", base_url="http://evil.example"):
        assert absolute_url("apply.status", token="abc") == "https://werk.example.nl/s/abc"


def test_a_path_prefix_in_the_base_is_kept_once(app):
    app.config["BASE_URL"] = "https://coa.example.nl/werk/"
    assert base_url() == "https://coa.example.nl/werk"
    assert display_base() == "coa.example.nl/werk"
    with app.test_request_context("/", environ_base={"SCRIPT_NAME": "/werk"}):
        assert absolute_url("apply.status", token="abc") == \
            "https://coa.example.nl/werk/s/abc"


def test_the_resident_status_link_and_the_feed_use_it(app, client, make, db_session):
    from portal.apply.services import status_url

    assert status_url("tok") == "https://werk.example.nl/s/tok"
    vacancy = make.vacancy()
    db_session.commit()
    item = client.get("/api/v1/vacancies", base_url="http://evil.example").get_json()["vacancies"][0]
    assert item["url"] == f"https://werk.example.nl/v/{vacancy.code}"
    assert item["poster_url"].startswith("https://werk.example.nl/")


def test_mail_templates_have_the_same_helper(app):
    from flask import render_template_string

    assert render_template_string("{{ absolute_url('applicants.index') }}") == \
        "https://werk.example.nl/sollicitanten/"


def test_no_second_way_to_build_absolute_links():
    """Every absolute link goes through portal.urls: no template glues BASE_URL to url_for,
    no code builds from the request's host or reads the setting itself."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "portal"
    offenders = []
    for path in root.rglob("*"):
        if path.suffix not in (".py", ".html", ".txt") or path.name == "urls.py" \
                or path.name == "config.py":
            continue
        text = path.read_text(encoding="utf-8")
        for needle in ('"BASE_URL"', "config.BASE_URL", "_external=True", "request.url_root",
                       "request.host_url"):
            if needle in text:
                offenders.append(f"{path.relative_to(root)}: {needle}")
    assert offenders == []
