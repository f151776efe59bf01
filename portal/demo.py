"""Demo data for `flask portal seed-demo`: the three pilot regions, their azc locations, the
minimum-wage table, staff and a few organisations. Features add their own demo data in
`portal/<feature>/demo.py` with a `seed(ctx)` function, listed in FEATURE_SEEDERS and called at
the end in that order. Like portal/blueprints.py this module sits above every feature and
imports them; no feature package imports it."""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pyotp
from sqlalchemy import func, select

from portal import db
from portal.accounts.models import Role, User
from portal.activities import demo as activities_demo
from portal.aftercare import demo as aftercare_demo
from portal.apply import demo as apply_demo
from portal.clock import utcnow
from portal.dashboard import demo as dashboard_demo
from portal.organisations.models import Organisation, OrgKind, OrgStatus
from portal.phrases import demo as phrases_demo
from portal.placements import demo as placements_demo
from portal.questions import demo as questions_demo
from portal.regions import demo as regions_demo
from portal.regions.models import Location, Region
from portal.reports import demo as reports_demo
from portal.security import hash_password
from portal.talent import demo as talent_demo
from portal.talent import demo_matching as talent_demo_matching
from portal.tours import demo as tours_demo
from portal.vacancies import demo as vacancies_demo
from portal.vacancies.models import MinimumWage
from portal.werkbalie import demo as werkbalie_demo

# In this order: later seeders use what earlier ones made (applications need vacancies, ...).
FEATURE_SEEDERS: tuple[Callable[[dict[str, Any]], object], ...] = (
    regions_demo.seed, vacancies_demo.seed, phrases_demo.seed, apply_demo.seed, dashboard_demo.seed,
    tours_demo.seed, placements_demo.seed, aftercare_demo.seed, questions_demo.seed,
    reports_demo.seed, activities_demo.seed, werkbalie_demo.seed, talent_demo.seed,
    talent_demo_matching.seed,
)

REGIONS = ("Zaanstreek-Waterland", "Rijk van Nijmegen", "Eindhoven")
LOCATIONS = (
    # code, name, city, region
    ("ZDM", "azc Zaandam", "Zaandam", "Zaanstreek-Waterland"),
    ("PMR", "azc Purmerend", "Purmerend", "Zaanstreek-Waterland"),
    ("NMG", "azc Nijmegen Heumensoord", "Nijmegen", "Rijk van Nijmegen"),
    ("GRV", "azc Grave", "Grave", "Rijk van Nijmegen"),
    ("EHV", "azc Eindhoven", "Eindhoven", "Eindhoven"),
    ("BDL", "azc Budel-Cranendonck", "Budel", "Eindhoven"),
)
MINIMUM_WAGES = ((date(2025, 1, 1), 1406), (date(2025, 7, 1), 1440), (date(2026, 1, 1), 1471))

ORGANISATIONS = {
    # key: (kind, name, kvk, sector, street, postcode, city, region, status)
    "employer": (OrgKind.employer, "Bakkerij De Zaanse Zon", "90000001", "productie",
                 "Westzijde 120", "1506 GK", "Zaandam", "Zaanstreek-Waterland", OrgStatus.approved),
    "agency": (OrgKind.agency, "Uitzendbureau Samen Werken", "90000002", "logistiek",
               "Peperstraat 8", "1502 AH", "Zaandam", "Zaanstreek-Waterland", OrgStatus.approved),
    "pending": (OrgKind.employer, "Kringloop Het Tweede Leven", "90000003", "detailhandel",
                "Kerkstraat 15", "1441 BK", "Purmerend", "Zaanstreek-Waterland", OrgStatus.pending),
}
MEMBERS = {
    "employer": ("werkgever@demo.werkportaal.nl", "Fatima de Vries", "demo-werkgever-2026"),
    "agency": ("uitzendbureau@demo.werkportaal.nl", "Jeroen Bakker", "demo-uitzendbureau-2026"),
    "pending": ("kringloop@demo.werkportaal.nl", "Sanne Jansen", "demo-kringloop-2026"),
}
STAFF = {
    # key: (role, email, name, password, region, location codes)
    "admin": (Role.admin, "beheer@demo.werkportaal.nl", "Beheerder Demo", "demo-beheer-2026", None, ()),
    "adviser": (Role.adviser, "adviseur@demo.werkportaal.nl", "Karim El Amrani", "demo-adviseur-2026",
                "Zaanstreek-Waterland", ()),
    "coordinator": (Role.coordinator, "coordinator@demo.werkportaal.nl", "Mirjam de Boer",
                    "demo-coordinator-2026", None, ("ZDM", "PMR")),
}


class DemoRefused(Exception):
    pass


def _database_is_empty() -> bool:
    orgs = db.session.scalar(select(func.count(Organisation.id)))
    users = db.session.scalar(select(func.count(User.id)))
    return not orgs and not users


def _get_or_add(model, where, **fields):
    # With --force on a database that already has demo data, reuse rows with the same key.
    obj = db.session.scalar(select(model).filter_by(**where))
    if obj is None:
        obj = model(**where, **fields)
        db.session.add(obj)
        db.session.flush()
    return obj


def seed(force: bool = False) -> list[dict]:
    if not force and not _database_is_empty():
        raise DemoRefused("The database already has organisations or users; use --force to add "
                          "demo data anyway.")
    now = utcnow()
    regions = {name: _get_or_add(Region, {"name": name}) for name in REGIONS}
    locations = {
        code: _get_or_add(Location, {"code": code}, name=name, city=city, region=regions[region])
        for code, name, city, region in LOCATIONS
    }
    for valid_from, cents in MINIMUM_WAGES:
        _get_or_add(MinimumWage, {"valid_from": valid_from}, cents_per_hour=cents)

    logins: list[dict] = []
    staff: dict[str, User] = {}
    for key, (role, email, name, password, region, codes) in STAFF.items():
        secret = pyotp.random_base32()
        user = _get_or_add(User, {"email": email}, name=name, role=role,
                           region=regions[region] if region else None)
        user.password_hash = hash_password(password)
        user.email_verified_at = user.email_verified_at or now
        user.totp_secret = secret
        user.totp_last_step = None
        user.locations = [locations[c] for c in codes]
        staff[key] = user
        logins.append({"role": role.value, "email": email, "password": password,
                       "organisation": None, "totp_secret": secret})

    orgs: dict[str, Organisation] = {}
    members: dict[str, User] = {}
    for key, (kind, name, kvk, sector, street, postcode, city, region, status) in ORGANISATIONS.items():
        org = _get_or_add(Organisation, {"kvk": kvk}, kind=kind, name=name, sector=sector,
                          street=street, postcode=postcode, city=city, region=regions[region],
                          status=status)
        # Every demo organisation has its single point of contact, pending ones included.
        org.contact_adviser = org.contact_adviser or staff["adviser"]
        if status == OrgStatus.approved and org.decided_at is None:
            org.decided_at = now
        email, person, password = MEMBERS[key]
        member = _get_or_add(User, {"email": email}, name=person, role=Role.member, organisation=org)
        member.password_hash = hash_password(password)
        member.email_verified_at = member.email_verified_at or now
        orgs[key], members[key] = org, member
        logins.append({"role": "member", "email": email, "password": password,
                       "organisation": name, "totp_secret": None})
    db.session.flush()

    ctx = {
        "regions": regions, "locations": locations,
        "employer": orgs["employer"], "agency": orgs["agency"], "pending": orgs["pending"],
        "adviser": staff["adviser"], "coordinator": staff["coordinator"], "admin": staff["admin"],
        "members": members,
    }
    for seed_feature in FEATURE_SEEDERS:
        seed_feature(ctx)
        db.session.flush()
    return logins
