"""Whatever anyone sends to the public report pages: a page, never a 500."""
from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.reports.models import SIGNALS

_ip = itertools.count(1)
FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
anything = st.text(max_size=300) | st.text(min_size=1990, max_size=2100)
signal = st.sampled_from(SIGNALS) | st.text(max_size=30)


@FUZZ
@given(signals=st.lists(signal, max_size=12), description=anything, employer=anything,
       contact=st.text(max_size=400), location=st.text(max_size=20),
       vacancy=st.text(max_size=20), reporter=st.text(max_size=20) | st.sampled_from(
           ["resident", "coa_staff", "employer", "other"]),
       language=st.text(max_size=6) | st.sampled_from(["ar", "ti", ""]),
       website=st.sampled_from(["", "x"]))
def test_report_form_never_500(client, signals, description, employer, contact, location,
                               vacancy, reporter, language, website):
    # A fresh address per example: the per-IP limit would otherwise answer 429 to the rest.
    n = next(_ip)
    res = client.post("/report", data={
        "signals": signals, "description": description, "employer_name": employer,
        "contact": contact, "location": location, "vacancy": vacancy,
        "reporter_type": reporter, "contact_language": language, "website": website,
    }, environ_base={"REMOTE_ADDR": f"127.1.{n // 250}.{n % 250 + 1}"})
    assert res.status_code in (200, 302), res.status_code


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["vacancy", "location", "lang", "VACANCY", "x"]),
                             st.text(max_size=40), max_size=4))
def test_report_form_get_never_500(client, query):
    assert client.get("/report", query_string=query).status_code == 200


@FUZZ
@given(code=st.text(max_size=60))
def test_status_lookup_never_500(client, code):
    n = next(_ip)
    res = client.get("/report/status", query_string={"code": code},
                     environ_base={"REMOTE_ADDR": f"127.2.{n // 250}.{n % 250 + 1}"})
    assert res.status_code == 200


def test_huge_post_is_refused_politely(client):
    res = client.post("/report", data={"description": "x" * (2 * 1024 * 1024)})
    assert res.status_code == 413
