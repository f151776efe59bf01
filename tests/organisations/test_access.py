"""ROLE x URL grid for every organisations and admin URL, and member isolation."""
from __future__ import annotations

import pytest

from portal.accounts.models import Role
from portal.organisations.models import OrgStatus

# (method, url template, valid POST data). {org}, {region}, {loc}, {staff} are filled in.
ADVISER_URLS = [
    ("GET", "/adviseur/organisaties", None),
    ("GET", "/adviseur/organisaties?status=approved", None),
    ("GET", "/adviseur/organisaties/{org}", None),
    ("POST", "/adviseur/organisaties/{org}/goedkeuren", {}),
    ("POST", "/adviseur/organisaties/{org}/afwijzen", {"reject-reason": "Geen bedrijf.", "reject-confirm": "y"}),
    ("POST", "/adviseur/organisaties/{org}/schorsen", {"suspend-reason": "Onderzoek.", "suspend-confirm": "y"}),
    ("POST", "/adviseur/organisaties/{org}/herstellen", {}),
    ("POST", "/adviseur/organisaties/{org}/contactpersoon", {"contact-adviser": "{adviser}"}),
]
# URLs that name one organisation: an adviser of another region gets 404 there.
REGION_SCOPED = {u for m, u, d in ADVISER_URLS if "{org}" in u}

ADMIN_URLS = [
    ("GET", "/beheer/", None),
    ("GET", "/beheer/regios", None),
    ("POST", "/beheer/regios", {"name": "Regio Twente"}),
    ("GET", "/beheer/regios/{region}", None),
    ("POST", "/beheer/regios/{region}", {"name": "Regio Hernoemd"}),
    ("GET", "/beheer/locaties", None),
    ("POST", "/beheer/locaties", {"code": "ENS", "name": "azc Enschede", "city": "Enschede",
                                  "region": "{region}"}),
    ("GET", "/beheer/locaties/{loc}", None),
    ("POST", "/beheer/locaties/{loc}", {"name": "azc Nieuw", "city": "Zaandam", "region": "{region}",
                                        "active": "y"}),
    ("GET", "/beheer/medewerkers", None),
    ("GET", "/beheer/medewerkers/nieuw", None),
    ("POST", "/beheer/medewerkers/nieuw", {"name": "Nieuwe Adviseur", "email": "nieuw@uwv.example",
                                           "role": "adviser", "region": "{region}"}),
    ("GET", "/beheer/medewerkers/{staff}", None),
    ("POST", "/beheer/medewerkers/{staff}/rol", {"role": "coordinator", "region": "0",
                                                 "locations": "{loc}"}),
    ("POST", "/beheer/medewerkers/{staff}/uitschakelen", {}),
    ("POST", "/beheer/medewerkers/{staff}/inschakelen", {}),
    ("GET", "/beheer/minimumloon", None),
    ("POST", "/beheer/minimumloon", {"valid_from": "2026-07-01", "euros": "15,00"}),
]
MEMBER_URLS = [("GET", "/organisatie", None)]

ROLES = ["anonymous", "member", "adviser", "adviser_other_region", "coordinator", "admin"]


@pytest.fixture
def world(make, db_session):
    region = make.region()
    loc = make.location(region)
    other_region = make.region()
    adviser = make.user(Role.adviser, region=region)
    org = make.organisation(region=region, status=OrgStatus.pending)
    users = {
        "member": make.user(organisation=org),
        "adviser": adviser,
        "adviser_other_region": make.user(Role.adviser, region=other_region),
        "coordinator": make.user(Role.coordinator, locations=[loc]),
        "admin": make.user(Role.admin),
    }
    staff = make.user(Role.adviser, region=region)
    db_session.commit()
    ids = {"org": org.id, "region": region.id, "loc": loc.id, "staff": staff.id, "adviser": adviser.id}
    return users, ids


def _fill(value, ids):
    if isinstance(value, str):
        return value.format(**ids)
    return {k: _fill(v, ids) for k, v in (value or {}).items()}


def _call(client, method, url, data, ids, follow=False):
    url = _fill(url, ids)
    if method == "GET":
        return client.get(url, follow_redirects=follow)
    return client.post(url, data=_fill(data, ids), follow_redirects=follow)


def _expected(role: str, url: str, area: str) -> set[int]:
    if role == "anonymous":
        return {302}
    if area == "member":
        return {200} if role == "member" else {403}
    if role == "admin":
        return {200}
    if area == "admin":
        return {403}
    if role in ("member", "coordinator"):
        return {403, 404}
    if role == "adviser_other_region" and url in REGION_SCOPED:
        return {404}
    return {200}


GRID = ([(r, "adviser", *u) for r in ROLES for u in ADVISER_URLS]
        + [(r, "admin", *u) for r in ROLES for u in ADMIN_URLS]
        + [(r, "member", *u) for r in ROLES for u in MEMBER_URLS])


@pytest.mark.parametrize("role,area,method,url,data", GRID,
                         ids=[f"{g[0]}-{g[2]}-{g[3]}" for g in GRID])
def test_role_url_grid(client, login, world, role, area, method, url, data):
    users, ids = world
    if role != "anonymous":
        login(users[role])
    # Follow the redirect of a successful POST so "allowed" reads as the page it lands on.
    res = _call(client, method, url, data, ids, follow=role != "anonymous")
    assert res.status_code in _expected(role, url, area), res.status_code
    if role == "anonymous":
        assert "/inloggen" in res.headers["Location"]


def test_member_of_a_never_sees_b(client, login, make, db_session):
    region = make.region()
    org_a = make.organisation(region=region, name="Alfa Schoonmaak")
    org_b = make.organisation(region=region, name="Beta Bouw")
    member_a = make.user(organisation=org_a, email="a@alfa.example")
    make.user(organisation=org_b, email="b@beta.example")
    db_session.commit()
    login(member_a)
    html = client.get("/organisatie").get_data(as_text=True)
    assert "Alfa Schoonmaak" in html and "a@alfa.example" in html
    assert "Beta Bouw" not in html and "b@beta.example" not in html
    assert client.get(f"/adviseur/organisaties/{org_b.id}").status_code in (403, 404)
