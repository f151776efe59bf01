from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.accounts.models import Role, User
from portal.accounts.services import AccountError, create_member, create_staff, validate_password


@pytest.mark.parametrize("password", ["1234567890", "qwertyuiop", "wachtwoord123", "WELKOM12345",
                                      "Password123", "werkgever123", "januari2026", "prinses123"])
def test_common_passwords_refused(app, password):
    with pytest.raises(AccountError) as err:
        validate_password(password)
    assert err.value.field == "password"


def test_short_password_and_email_as_password_refused(app):
    with pytest.raises(AccountError):
        validate_password("kort")
    with pytest.raises(AccountError):
        validate_password("jan@bakkerij.nl", email="Jan@Bakkerij.nl")
    validate_password("drie kleine katjes")  # fine


def test_create_member_lowercases_and_refuses_duplicates(app, make, db_session):
    org = make.organisation()
    user = create_member(org, " Piet@Bakkerij.NL ", "drie kleine katjes", "Piet")
    assert user.email == "piet@bakkerij.nl" and user.role == Role.member
    assert user.email_verified_at is None
    with pytest.raises(AccountError) as err:
        create_member(org, "PIET@bakkerij.nl", "drie kleine katjes", "Piet 2")
    assert err.value.field == "email"
    assert str(err.value) == "Dit e-mailadres kan niet worden gebruikt."


def test_create_staff_checks_region_and_locations(app, make, db_session):
    region = make.region("Zaanstreek")
    make.location(region, code="ZAA")
    with pytest.raises(AccountError):
        create_staff("a@uwv.nl", "drie kleine katjes", "adviser", region_name="Nergens")
    with pytest.raises(AccountError):
        create_staff("c@coa.nl", "drie kleine katjes", "coordinator", location_codes=("XXX",))
    with pytest.raises(AccountError):
        create_staff("m@x.nl", "drie kleine katjes", "member")
    adviser = create_staff("a@uwv.nl", "drie kleine katjes", "adviser", region_name="Zaanstreek")
    assert adviser.region == region and adviser.needs_2fa_setup
    coord = create_staff("c@coa.nl", "drie kleine katjes", "coordinator", location_codes=("zaa",))
    assert [loc.code for loc in coord.locations] == ["ZAA"]


def test_cli_create_user_reads_password_from_stdin(app, make, db_session):
    make.region("Gelderland-Zuid")
    db_session.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["portal", "create-user", "Adv@UWV.nl", "--role", "adviser",
                                 "--region", "Gelderland-Zuid", "--name", "Ada"],
                           input="een goede lange zin\n")
    assert result.exit_code == 0, result.output
    db_session.expire_all()
    user = db_session.scalar(select(User).where(User.email == "adv@uwv.nl"))
    assert user.role == Role.adviser and user.email_verified_at is not None
    bad = runner.invoke(args=["portal", "create-user", "x@uwv.nl", "--role", "admin"],
                        input="1234567890\n")
    assert bad.exit_code != 0
    assert "veel gebruikt" in bad.output
