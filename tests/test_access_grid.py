"""Every URL × every role, in one grid: nothing answers 500, signed-out visitors never see a
staff or member page, and each role only reaches its own kind of page. Per-feature tests go
further (another organisation's objects → 404, another region → 404)."""
from __future__ import annotations

import pytest

from portal import create_app
from portal.accounts.models import Role

# Public endpoints: reachable without signing in.
PUBLIC = {
    "static", "health.healthz", "accounts.home", "accounts.login", "accounts.forgot_password",
    "accounts.reset_password", "accounts.verify_email", "accounts.resend_verification",
    "accounts.accept_invite", "accounts.confirm_email_change", "organisations.register",
    "organisations.registered", "vacancies.feed", "posters.public_poster",
    "accounts.poster_code", "dashboard.public_figures_json", "activities_public.for_employers",
}


def _rules():
    app = create_app({"ENV": "testing", "SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})
    rules = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        public = rule.endpoint in PUBLIC or getattr(view, "resident_page", False)
        url = rule.rule
        for arg in rule.arguments:
            conv = rule._converters[arg].__class__.__name__  # noqa: SLF001
            url = url.replace(f"<int:{arg}>", "1").replace(f"<{arg}>", "ABC123" if conv != "IntegerConverter" else "1")
        rules.append(pytest.param(url, rule.endpoint, public, id=rule.endpoint + ":" + rule.rule))
    return rules


RULES = _rules()


@pytest.mark.parametrize("url, endpoint, public", RULES)
def test_signed_out_visitors_only_reach_public_pages(client, url, endpoint, public):
    res = client.get(url)
    assert res.status_code != 500
    if not public:
        assert res.status_code in (302, 401, 403, 404), (url, res.status_code)
        if res.status_code == 302:
            assert "/inloggen" in res.headers["Location"]


@pytest.mark.parametrize("role", [Role.member, Role.adviser, Role.coordinator, Role.admin])
def test_no_page_answers_500_for_any_role(client, make, login, db_session, role):
    region = make.region()
    loc = make.location(region, code="GRD")
    org = make.organisation(region)
    user = make.user(role, organisation=org if role == Role.member else None,
                     region=region if role == Role.adviser else None,
                     locations=[loc] if role == Role.coordinator else ())
    make.vacancy(org, locations=[loc])
    db_session.commit()
    login(user)
    failures = []
    for param in RULES:
        url, endpoint, _public = param.values
        if endpoint == "accounts.logout":
            continue
        status = client.get(url).status_code
        if status >= 500:
            failures.append((url, status))
    assert not failures, failures


MEMBER_ONLY_PREFIXES = ("/vacatures/", "/sollicitanten/", "/plaatsingen/", "/vragen/", "/nazorg/",
                        "/rondleidingen/", "/cijfers/")
STAFF_ONLY_PREFIXES = ("/adviseur/", "/beheer/", "/coordinator/", "/prikbord/", "/activiteiten/",
                       "/werkbalie/", "/talent/")


@pytest.mark.parametrize("role, forbidden", [
    (Role.member, STAFF_ONLY_PREFIXES),
    (Role.coordinator, MEMBER_ONLY_PREFIXES + ("/adviseur/", "/beheer/")),
    (Role.adviser, ("/beheer/", "/coordinator/", "/prikbord/", "/vacatures/", "/plaatsingen/",
                    "/vragen/", "/nazorg/", "/rondleidingen/", "/cijfers/")),
])
def test_roles_stay_on_their_own_pages(client, make, login, db_session, role, forbidden):
    region = make.region()
    user = make.user(role, region=region if role == Role.adviser else None)
    db_session.commit()
    login(user)
    reached = []
    for param in RULES:
        url, endpoint, public = param.values
        if public or not url.startswith(forbidden) or endpoint == "accounts.logout":
            continue
        status = client.get(url).status_code
        if status == 200:
            reached.append(url)
    assert not reached, f"{role.value} reached {reached}"
