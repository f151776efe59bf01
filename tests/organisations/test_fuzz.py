"""Hypothesis: whatever is posted to the public registration form, never a 500."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.extensions import limiter

FIELDS = ("kind", "name", "kvk", "sector", "street", "postcode", "city", "region",
          "contact_name", "email", "password", "password_confirm", "website")

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
values = st.one_of(text, st.sampled_from(["employer", "agency", "productie", "1234 AB", "12345678",
                                          "-1", "0", "1", "999999999999", "a@b.nl", ""]))


@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.dictionaries(st.sampled_from(FIELDS), values))
def test_register_never_500(client, make, db_session, data):
    limiter.reset()
    res = client.post("/organisatie/aanmelden", data=data)
    assert res.status_code in (200, 302)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kvk=st.from_regex(r"[0-9]{8}", fullmatch=True),
       postcode=st.from_regex(r"[1-9][0-9]{3} ?[A-Za-z]{2}", fullmatch=True),
       name=st.text(min_size=1, max_size=200).filter(lambda s: s.strip()))
def test_register_plausible_input_never_500(client, make, db_session, kvk, postcode, name):
    region = make.region()
    db_session.commit()
    limiter.reset()
    res = client.post("/organisatie/aanmelden", data={
        "kind": "employer", "name": name, "kvk": kvk, "sector": "bouw", "street": "Straat 1",
        "postcode": postcode, "city": "Grave", "region": str(region.id), "contact_name": "A",
        "email": f"x{kvk}@example.nl", "password": "lang-genoeg-wachtwoord",
        "password_confirm": "lang-genoeg-wachtwoord"})
    assert res.status_code in (200, 302)
