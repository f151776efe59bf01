import pytest
from flask import g


@pytest.fixture(autouse=True)
def _fresh_g_per_request(app):
    """The test app context outlives each request; forget what Flask-Login and the language
    choice cached on `g` so each request reads its own session, as in production."""

    def _forget():
        for key in ("_login_user", "locale", "_flask_babel"):
            g.pop(key, None)

    app.before_request_funcs.setdefault(None, []).insert(0, _forget)


@pytest.fixture
def world(make, db_session):
    from types import SimpleNamespace

    from portal.accounts.models import Role

    region = make.region("Zaanstreek")
    other_region = make.region("Nijmegen")
    adviser = make.user(Role.adviser, region=region, email="adviseur@uwv.example")
    other_adviser = make.user(Role.adviser, region=other_region, email="ver@uwv.example")
    org = make.organisation(region=region, adviser=adviser, name="Bakkerij Zon")
    member = make.user(organisation=org, email="baas@zon.example")
    colleague = make.user(organisation=org, email="hr@zon.example")
    other_org = make.organisation(region=other_region, name="Kweker Oost")
    other_member = make.user(organisation=other_org, email="baas@kweker.example")
    vacancy = make.vacancy(org, title="Bakkersassistent")
    other_vacancy = make.vacancy(other_org, title="Tuinder")
    db_session.commit()
    return SimpleNamespace(**locals())
