"""Any input on the public profile form and the private link gets a page, never a 500: text
with control and bidi characters, numbers out of range, unknown azc's, languages and job
names, a language named twice, a double click. CSRF stays on."""
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
long_text = st.one_of(text, st.text(min_size=490, max_size=520))
phones = st.sampled_from(["0612345678", "+31612345678", "+291 7 123 456", "12", "", "٠٦١٢٣٤٥٦٧٨",
                          "+3161234567890123456789"])
numbers = st.sampled_from(["", "0", "1", "24", "60", "61", "-5", "1e9", "99999999999999999999",
                           "abc", "٢٤"])
languages = st.sampled_from(["", "ti", "ar", "nl", "other", "xx", "ti\x00"])
levels = st.sampled_from(["", "basic", "good", "fluent", "native", "very_good", "x"])
kinds = st.lists(st.sampled_from(["role.cleaner", "role.kitchen", "role.nope", "sector.horeca",
                                  "", "x" * 60]), max_size=4)
_ips = (f"10.17.{a}.{b}" for a, b in itertools.product(range(1, 250), repeat=2))


def test_the_profile_form_takes_any_input(client, world):
    locations = [str(world.azc.id), str(world.far.id), "-1", "0", "abc", "99999999999999999999"]

    @FUZZ
    @given(name=text, latin=text, phone=phones, email=st.one_of(text, st.just("a@b.nl")),
           azc=st.sampled_from(locations), lang1=languages, level1=levels, lang2=languages,
           level2=levels, work=kinds, experience=long_text, hours=numbers,
           travel=st.sampled_from(["", "15", "45", "121", "-1", "x", "99999999999999999999"]),
           availability=st.sampled_from(["", "part_time", "full_time", "never"]),
           residence=st.sampled_from(["", "status_holder", "asylum_over_6_months", "alien"]),
           training=st.sampled_from(["y", "", "no"]), consent=st.sampled_from(["y", ""]),
           lang=st.sampled_from(["nl", "ar", "ti", "fa"]))
    def post(name, latin, phone, email, azc, lang1, level1, lang2, level2, work, experience,
             hours, travel, availability, residence, training, consent, lang):
        limiter.reset()
        res = client.post(f"/p/{world.azc.code}?lang={lang}",
                          environ_base={"REMOTE_ADDR": next(_ips)},
                          data={"name": name, "name_latin": latin, "phone": phone,
                                "email": email, "azc_location": azc, "lang1": lang1,
                                "level1": level1, "lang2": lang2, "level2": level2,
                                "lang3": lang1, "level3": level2, "work": work,
                                "experience": experience, "hours_per_week": hours,
                                "travel_minutes": travel, "availability": availability,
                                "residence": residence, "attended_training": training,
                                "consent": consent})
        assert res.status_code in (200, 422), res.status_code

    post()


@given(token=st.text(max_size=80), action=st.sampled_from(["", "/verlengen", "/wissen"]))
@FUZZ
def test_any_private_link_answers_not_found(client, token, action):
    url = "/profiel/" + "".join(c for c in token if c not in "/?#%\x00") + action
    res = client.post(url) if action else client.get(url)
    assert res.status_code in (404, 405, 308), (url, res.status_code)
