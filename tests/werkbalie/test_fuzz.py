"""Any input on the booking form and the private link's forms gets a page, never a 500."""
from __future__ import annotations

import itertools
import re

from hypothesis import given
from hypothesis import strategies as st

from portal.extensions import limiter
from tests.activities.test_fuzz import FUZZ, phones, text

_ips = (f"10.6.{a}.{b}" for a, b in itertools.product(range(1, 250), repeat=2))


def test_the_booking_form_takes_any_input(client, hours, make, db_session):
    keys = re.findall(r"tijd=(S\d+T\d{12})", client.get("/w/ZDM").text)[:3]
    appointment = make.appointment(hours)
    db_session.commit()
    slots = keys + ["S1T000000000000", "S99999999999T202601011000", "x", "", "S1T209913311000"]

    @FUZZ
    @given(name=text, latin=text, phone=phones, email=text, slot=st.sampled_from(slots),
           language=st.sampled_from(["ar", "nl", "xx", ""]), lang=st.sampled_from(["nl", "ar", "ti"]))
    def post(name, latin, phone, email, slot, language, lang):
        limiter.reset()
        res = client.post(f"/w/ZDM/boeken?lang={lang}", environ_base={"REMOTE_ADDR": next(_ips)},
                          data={"slot": slot, "name": name, "name_latin": latin, "phone": phone,
                                "email": email, "language": language})
        assert res.status_code in (200, 302, 422), res.status_code
        moved = client.post(f"/b/{appointment.plain_token}/verzetten", data={"slot": slot})
        assert moved.status_code in (200, 303), moved.status_code

    post()
