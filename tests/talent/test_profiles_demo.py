"""`flask portal seed-demo` makes five work profiles (one made at the desk), once."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.talent.models import Profile


def test_demo_profiles(app, db_session):
    result = app.test_cli_runner().invoke(args=["portal", "seed-demo"])
    assert result.exit_code == 0, result.output
    assert db_session.scalar(select(func.count(Profile.id))) == 5
    assert db_session.scalar(select(func.count(Profile.id)).where(Profile.assisted)) == 1
    result = app.test_cli_runner().invoke(args=["portal", "seed-demo", "--force"])
    assert result.exit_code == 0, result.output
    assert db_session.scalar(select(func.count(Profile.id))) == 5
