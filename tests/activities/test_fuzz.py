"""Any input on the public sign-up form and the private link gets a page, never a 500: text
with control and bidi characters, numbers out of range, another activity's date, a date that
has begun, a double click. CSRF stays on."""
from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.extensions import limiter

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
NASTY = "\x00\x01\x1b\x7f\u200e\u200f\u202a\u202e\u2066\u2069\ufeff\u2028ሰላم"
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(NASTY),
               max_size=60)
phones = st.sampled_from(["0612345678", "+31612345678", "+291 7 123 456", "12", "", "٠٦١٢٣٤٥٦٧٨",
                          "+3161234567890123456789"])
_ips = (f"10.7.{a}.{b}" for a, b in itertools.product(range(1, 250), repeat=2))


def test_the_sign_up_form_takes_any_input(client, build, world):
    activity = build(capacity=3, together=False)
    other = build(capacity=3)
    pools = [str(p.id) for p in activity.pools + other.pools] + ["0", "-1", "99999999999999999999", "x"]
    locations = [str(world.azc.id), "-1", "0", "abc", "99999999999999999999"]

    @FUZZ
    @given(name=text, latin=text, phone=phones, email=st.one_of(text, st.just("a@b.nl")),
           pool=st.sampled_from(pools), azc=st.sampled_from(locations),
           language=st.sampled_from(["ar", "nl", "xx", ""]), keep=st.sampled_from(["y", ""]),
           lang=st.sampled_from(["nl", "ar", "ti", "fa"]))
    def post(name, latin, phone, email, pool, azc, language, keep, lang):
        limiter.reset()
        res = client.post(f"/a/{activity.code}?lang={lang}", environ_base={"REMOTE_ADDR": next(_ips)},
                          data={"name": name, "name_latin": latin, "phone": phone, "email": email,
                                "pool": pool, "azc_location": azc, "language": language,
                                "keep_longer": keep})
        assert res.status_code in (200, 422), res.status_code

    post()


@given(token=st.text(max_size=80), action=st.sampled_from(["", "/afmelden", "/wissen", "/agenda.ics"]))
@FUZZ
def test_any_private_link_answers_not_found(client, token, action):
    url = "/t/" + "".join(c for c in token if c not in "/?#%\x00") + action
    res = client.post(url) if action in ("/afmelden", "/wissen") else client.get(url)
    assert res.status_code in (404, 405, 308), (url, res.status_code)
