"""Hypothesis across the whole portal: every public form posted as multipart with any text or
bytes (NUL, bidi overrides, control characters, binary parts), and ids far beyond what the
database holds in every `<int:>` route as every role. Never a 500."""
from __future__ import annotations

import io
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal import create_app
from portal.accounts.models import Role
from portal.bounds import BoundedIntConverter
from portal.extensions import limiter

FUZZ = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

NASTY = "\x00\x01\x07\x1b\x7f\x85\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u2028"
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(NASTY), max_size=80)
numbers = st.sampled_from(["0", "-1", "1", str(2**63), str(2**64), "1e9", "NaN", "٣", "", " "])
values = st.one_of(text, numbers)
binary = st.builds(lambda b, name: (io.BytesIO(b), name), st.binary(max_size=200),
                   st.sampled_from(["a.txt", "x\x00y.pdf", "\u202eexe.txt", ""]))

SIGN_IN_REQUIRED = ("/inloggen", "/login")
# Values for route arguments that lead to a real form (the rest get nonsense).
NAME_RE = re.compile(r'name="([^"]+)"')


def _public_post_routes():
    app = create_app({"ENV": "testing", "SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})
    found = []
    for rule in app.url_map.iter_rules():
        if "POST" not in rule.methods or rule.endpoint in ("accounts.logout",):
            continue
        view = app.view_functions[rule.endpoint]
        # Public: a resident page, or a page that does not require signing in (checked below
        # with a signed-out request; these are only the candidates).
        found.append(pytest.param(rule.rule, getattr(view, "resident_page", False), id=rule.rule))
    return found


@pytest.fixture
def world(make, db_session):
    loc = make.location(code="FZZ")
    vacancy = make.vacancy(locations=[loc], code="FUZZ42")
    application = make.application(vacancy=vacancy)
    activity = make.activity(loc, sessions=2)
    signup = make.signup(activity)
    booking = make.appointment(make.werkbalie_series(loc))
    db_session.commit()
    return {"code": vacancy.code, "location_code": loc.code, "token": application.plain_token,
            "activity_code": activity.code, "signup_token": signup.plain_token,
            "booking_token": booking.plain_token}


def _url(rule: str, world: dict) -> str:
    def arg(match):
        converter, name = match.group(1), match.group(2)
        if converter == "int:":
            return "1"
        return world.get(name, "abc")
    return re.sub(r"<(int:)?([a-z_]+)>", arg, rule)


@pytest.mark.parametrize("rule, resident", _public_post_routes())
def test_every_public_form_takes_any_multipart_body(client, world, rule, resident):
    url = _url(rule, world)
    page = client.get(url)
    signed_out_refused = page.status_code in (401, 403) or (
        page.status_code == 302 and page.headers["Location"].startswith(SIGN_IN_REQUIRED))
    if signed_out_refused and not resident:
        return  # not a public form: the access grids cover it
    fields = sorted(set(NAME_RE.findall(page.get_data(as_text=True))) - {"csrf_token"})

    @FUZZ
    @given(data=st.dictionaries(st.sampled_from(fields + ["x", "id", "ids"]) if fields else st.text(max_size=8),
                                st.one_of(values, st.lists(values, max_size=3)), max_size=12),
           files=st.dictionaries(st.sampled_from(fields or ["file"]), binary, max_size=2))
    def post(data, files):
        limiter.reset()
        res = client.post(url, data={**data, **files}, content_type="multipart/form-data")
        assert res.status_code < 500, (url, res.status_code)

    post()


def _int_rules(app):
    return [r for r in app.url_map.iter_rules()
            if any(isinstance(r._converters[a], BoundedIntConverter) for a in r.arguments)]  # noqa: SLF001


@pytest.mark.parametrize("role", [None, Role.member, Role.adviser, Role.coordinator, Role.admin],
                         ids=lambda r: r.value if r else "signed-out")
def test_any_huge_id_in_any_route_is_404_for_every_role(client, make, login, db_session, role):
    if role is not None:
        region = make.region()
        loc = make.location(region, code="HUG")
        login(make.user_at(role, region, loc, make.organisation(region)))
        db_session.commit()
    rules = _int_rules(client.application)

    @FUZZ
    @given(rule=st.sampled_from(rules),
           number=st.integers(min_value=2**63, max_value=10**60),
           method=st.sampled_from(["GET", "POST"]))
    def request(rule, number, method):
        if method not in rule.methods:
            method = sorted(rule.methods - {"HEAD", "OPTIONS"})[0]
        url = re.sub(r"<int:[a-z_]+>", str(number), rule.rule)
        url = re.sub(r"<[a-z_]+>", "ABC234", url)
        # 405: another rule (e.g. a GET-only page with a text argument) has the same shape
        assert client.open(url, method=method).status_code in (404, 405), url

    request()
