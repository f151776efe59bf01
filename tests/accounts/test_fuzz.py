from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

text = st.text(max_size=300)
_seq = itertools.count()
fuzz = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


# A different client address per example, so the rate limit does not hide the form's handling.
ips = st.ip_addresses(v=4).map(str)


@fuzz
@given(email=text | st.emails(), password=text, ip=ips)
def test_sign_in_form_never_500(app, cheap_unknown_account_check, email, password, ip):
    res = app.test_client().post("/inloggen", data={"email": email, "password": password},
                                 environ_base={"REMOTE_ADDR": ip})
    assert res.status_code in (200, 429)


@fuzz
@given(email=text | st.emails(), ip=ips)
def test_reset_request_form_never_500(app, email, ip):
    res = app.test_client().post("/wachtwoord-vergeten", data={"email": email},
                                 environ_base={"REMOTE_ADDR": ip})
    assert res.status_code in (200, 429)


@fuzz
@given(name=text, email=text | st.emails())
def test_invite_and_accept_forms_never_500(app, client, login, make, db_session, monkeypatch,
                                           name, email):
    from portal.extensions import limiter
    from portal.security import make_token

    monkeypatch.setattr(limiter, "enabled", False)  # the member's own address sends every example
    member = make.user()
    db_session.commit()
    login(member)
    res = client.post("/organisatie/uitnodigen", data={"email": email})
    assert res.status_code in (200, 302)
    assert res.headers.get("Location", "/organisatie/uitnodigen") == "/organisatie/uitnodigen"
    token = make_token("invite", {"org": member.organisation_id, "email": f"new{next(_seq)}@example.nl",
                                  "by": member.id})
    res = app.test_client().post("/uitnodiging/" + token,
                                 data={"name": name, "password": name, "confirm": name})
    assert res.status_code in (200, 302)
