"""`flask portal seed-demo`."""
from __future__ import annotations

import json

import pyotp
from sqlalchemy import func, select

from portal import create_app
from portal.accounts.models import Role, User
from portal.organisations.models import Organisation, OrgKind, OrgStatus
from portal.regions.models import Location, Region
from portal.security import check_password
from portal.vacancies.models import MinimumWage


def run(app, *args):
    return app.test_cli_runner().invoke(args=["portal", "seed-demo", *args])


def test_seed_demo_plain(app, db_session):
    result = run(app)
    assert result.exit_code == 0, result.output
    assert "Demo sign-ins:" in result.output
    assert "werkgever@demo.werkportaal.nl" in result.output and "TOTP secret" in result.output
    db_session.expire_all()
    names = set(db_session.scalars(select(Region.name)))
    assert names == {"Zaanstreek-Waterland", "Rijk van Nijmegen", "Eindhoven"}
    codes = set(db_session.scalars(select(Location.code)))
    assert {"ZDM", "PMR", "NMG", "GRV", "EHV", "BDL"} <= codes
    wages = {(w.valid_from.isoformat(), w.cents_per_hour) for w in db_session.scalars(select(MinimumWage))}
    assert {("2025-01-01", 1406), ("2025-07-01", 1440), ("2026-01-01", 1471)} <= wages
    orgs = {o.name: o for o in db_session.scalars(select(Organisation))}
    assert orgs["Bakkerij De Zaanse Zon"].status == OrgStatus.approved
    assert orgs["Uitzendbureau Samen Werken"].kind == OrgKind.agency
    assert sum(o.status == OrgStatus.pending for o in orgs.values()) == 1
    assert all(o.contact_adviser is not None for o in orgs.values())
    assert db_session.scalar(select(func.count(User.id)).where(User.email_verified_at.is_(None))) == 0


def test_seed_demo_json_logins_work(app, db_session):
    result = run(app, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    roles = {r["role"] for r in rows}
    assert {"admin", "adviser", "coordinator", "member"} <= roles
    for row in rows:
        assert set(row) >= {"role", "email", "password", "organisation", "totp_secret"}
        assert len(row["password"]) >= 10
        user = db_session.scalar(select(User).where(User.email == row["email"]))
        assert check_password(user.password_hash, row["password"])
        if row["role"] != "member":
            assert user.totp_secret == row["totp_secret"]
            pyotp.TOTP(row["totp_secret"]).now()  # a valid base32 secret
        else:
            assert row["organisation"] and user.organisation.name == row["organisation"]
    adviser = db_session.scalar(select(User).where(User.role == Role.adviser))
    assert adviser.region.name == "Zaanstreek-Waterland"
    coordinator = db_session.scalar(select(User).where(User.role == Role.coordinator))
    assert sorted(loc.code for loc in coordinator.locations) == ["PMR", "ZDM"]


def test_seed_demo_refuses_non_empty_database_unless_forced(app, make, db_session):
    make.user()
    db_session.commit()
    result = run(app)
    assert result.exit_code != 0
    assert "--force" in result.output
    assert db_session.scalar(select(func.count(Region.id))) == 1  # only the factory's region
    result = run(app, "--force")
    assert result.exit_code == 0, result.output
    assert db_session.scalar(select(func.count(Organisation.id))) == 4


def test_seed_demo_force_twice_does_not_crash(app, db_session):
    assert run(app).exit_code == 0
    result = run(app, "--force")
    assert result.exit_code == 0, result.output
    assert db_session.scalar(select(func.count(Region.id))) == 3


def test_seed_demo_refuses_in_production(database_url, monkeypatch):
    prod = create_app({"ENV": "production", "SECRET_KEY": "s" * 40, "DATABASE_URL": database_url,
                       "BASE_URL": "https://werk.example.nl", "SINGLE_WORKER": True,
                       "MAIL_SERVER": "smtp.example.nl"})
    result = prod.test_cli_runner().invoke(args=["portal", "seed-demo"])
    assert result.exit_code != 0
    assert "production" in result.output
    prod.extensions["db_engine"].dispose()
