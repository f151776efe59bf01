"""Ids the database cannot hold (2**63 and larger) in any `<int:>` route or integer query
parameter, as every role: 404 or 400 (or the page without the parameter), never a 500."""
from __future__ import annotations

import pytest

from portal import create_app
from portal.accounts.models import Role
from portal.bounds import BoundedIntConverter, id_arg, page_arg

HUGE = [2**63, 2**64 + 1, 10**40]
# Every integer query parameter the views read (grep "type=id_arg\|type=page_arg" portal).
INT_QUERY_PARAMS = ("organisatie", "pagina", "page", "bericht", "application", "vacancy")


def _int_rules():
    app = create_app({"ENV": "testing", "SECRET_KEY": "x", "DATABASE_URL": "sqlite://"})
    found = []
    for rule in app.url_map.iter_rules():
        ints = [a for a in rule.arguments if isinstance(rule._converters[a], BoundedIntConverter)]  # noqa: SLF001
        if ints:
            found.append(rule)
    return found


INT_RULES = _int_rules()


def _url(rule, number: int) -> str:
    url = rule.rule
    for arg in rule.arguments:
        value = str(number) if isinstance(rule._converters[arg], BoundedIntConverter) else "ABC234"  # noqa: SLF001
        url = url.replace(f"<int:{arg}>", value).replace(f"<{arg}>", value)
    return url


def test_every_route_with_an_id_uses_the_bounded_converter():
    assert len(INT_RULES) >= 50  # the sweep below really covers the routes


ROLES = [None, Role.member, Role.adviser, Role.coordinator, Role.admin]


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value if r else "signed-out")
def test_huge_ids_in_routes_are_404_for_every_role(client, make, login, db_session, role):
    if role is not None:
        region = make.region()
        loc = make.location(region, code="HUG")
        user = make.user_at(role, region, loc, make.organisation(region))
        db_session.commit()
        login(user)
    failures = []
    for rule in INT_RULES:
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            for number in HUGE:
                url = _url(rule, number)
                status = client.open(url, method=method).status_code
                if status >= 500 or status == 200:
                    failures.append((method, url, status))
    assert not failures, failures


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.value if r else "signed-out")
def test_huge_integer_query_parameters_never_500(client, make, login, db_session, role):
    region = make.region()
    loc = make.location(region, code="HUG")
    org = make.organisation(region)
    make.vacancy(org, locations=[loc])
    if role is not None:
        user = make.user_at(role, region, loc, org)
        db_session.commit()
        login(user)
    db_session.commit()
    app = client.application
    failures = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in ("static", "accounts.logout"):
            continue
        for number in HUGE + [-(2**63) - 1]:
            query = "&".join(f"{name}={number}" for name in INT_QUERY_PARAMS)
            url = _url(rule, 1) + "?" + query
            status = client.get(url).status_code
            if status >= 500:
                failures.append((url, status))
    assert not failures, failures


def test_bounded_number_helpers():
    assert id_arg("9223372036854775807") == 2**63 - 1
    for bad in ("9223372036854775808", "-1", "x"):
        with pytest.raises(ValueError):
            id_arg(bad)
    assert page_arg("3") == 3
    for bad in ("0", "100001", str(2**63)):
        with pytest.raises(ValueError):
            page_arg(bad)


@pytest.mark.parametrize("action", ["move", "tour"])
def test_bulk_actions_with_huge_ids_never_500(client, make, login, db_session, action):
    """The applicants list posts the ticked ids back; a forged one beyond 2**63 is refused."""
    org = make.organisation()
    member = make.user(Role.member, organisation=org)
    application = make.application(make.vacancy(org))
    db_session.commit()
    login(member)
    for huge in HUGE:
        res = client.post("/sollicitanten/acties", data={
            "ids": [str(application.id), str(huge)], "stage": "rejected", "reason": "other",
            "message": "", "action": action})
        assert res.status_code < 500
