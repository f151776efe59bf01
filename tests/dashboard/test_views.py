"""The adviser's page, CSV, charts and monthly PDF: what they show and who may see them."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.accounts.models import Role

PERIOD = "start=2026-01-05&end=2026-03-15"


def test_adviser_sees_own_region_with_numbers(client, login, world):
    login(world.adviser_a)
    resp = client.get(f"/adviseur/cijfers?{PERIOD}")
    assert resp.status_code == 200
    html = resp.text
    assert "Regio A" in html and "Regio B" not in html
    assert "azc Gamma" not in html  # region B's azc is not even offered as a filter
    # the posters table: azc Alfa brought 6 applications
    posters = html[html.index('id="tabel-application_posters"'):]
    assert re.search(r"azc Alfa</th><td class=\"num\">6</td>", posters)


@pytest.mark.parametrize("param", ["region={B}", "location={B1}", "sector=onzin", "region=999999",
                                   "location=abc"])
def test_parameter_tampering_is_404(client, login, world, param):
    login(world.adviser_a)
    query = param.format(B=world.B.id, B1=world.B1.id)
    assert client.get(f"/adviseur/cijfers?{query}").status_code == 404
    assert client.get(f"/adviseur/cijfers?{query}&format=csv&table=applications").status_code == 404
    assert client.get(f"/adviseur/cijfers/maand.pdf?month=2026-02&{query}").status_code == 404


def test_csv_of_region_a_leaks_nothing_of_region_b(client, login, world):
    login(world.adviser_a)
    for table in ("application_posters", "applications", "reports", "report_signals"):
        resp = client.get(f"/adviseur/cijfers?{PERIOD}&format=csv&table={table}")
        if table == "reports":
            assert resp.status_code == 404  # no such table
            continue
        assert resp.status_code == 200 and resp.mimetype == "text/csv"
        assert "Gamma" not in resp.text
    text = client.get(f"/adviseur/cijfers?{PERIOD}&format=csv&table=report_signals").text
    assert "documents_taken" not in text and "ID of bankpas;0" in text  # B's report is not counted


def test_admin_picks_any_region_and_compares(client, login, make, world, db_session):
    admin = make.user(Role.admin)
    db_session.commit()
    login(admin)
    resp = client.get(f"/adviseur/cijfers?{PERIOD}&region={world.B.id}")
    assert resp.status_code == 200 and "Regio B" in resp.text
    resp = client.get(f"/beheer/cijfers/regio-vergelijking?{PERIOD}&format=csv&table=regions")
    lines = resp.text.lstrip("\ufeff").splitlines()
    assert lines[1].startswith("Regio A;2;1;10;2;2") and lines[2].startswith("Regio B;1;1;1;1;1")
    # regions side by side as bars (applications, placements started), the table under them
    html = client.get(f"/beheer/cijfers/regio-vergelijking?{PERIOD}").text
    chart = html[html.index('<svg'):html.index("</svg>")]
    assert 'role="img"' in chart and "Regio A: 10 sollicitaties, 3 plaatsingen gestart" in chart
    assert html.index("</svg>") < html.index('id="tabel-regions"') and " style=" not in html


@pytest.mark.parametrize("role", [Role.member, Role.coordinator])
def test_other_roles_cannot_open_the_regional_figures(client, login, make, db_session, role):
    user = make.user(role)
    db_session.commit()
    login(user)
    assert client.get("/adviseur/cijfers").status_code == 403
    assert client.get("/beheer/cijfers/regio-vergelijking").status_code == 403


def test_adviser_cannot_open_the_region_comparison(client, login, world):
    login(world.adviser_a)
    assert client.get("/beheer/cijfers/regio-vergelijking").status_code == 403


def test_signed_out_goes_to_login(client):
    assert client.get("/adviseur/cijfers").status_code == 302


def test_csv_injection_is_neutralised(client, login, make, db_session, world):
    from portal.applicants.models import ResidenceStatus
    from tests.dashboard.scenario import at

    evil = make.location(world.A, code="EVIL", name='=HYPERLINK("http://x","klik")')
    make.application(world.v1, created_at=at("2026-03-03T10:00"), poster_location_id=evil.id,
                     residence_status=ResidenceStatus.unknown)
    db_session.commit()
    login(world.adviser_a)
    text = client.get(f"/adviseur/cijfers?{PERIOD}&format=csv&table=application_posters").text
    assert "'=HYPERLINK" in text
    assert "\n=" not in text and ";=" not in text


def test_charts_are_inline_svg_each_with_its_table(client, login, world):
    login(world.adviser_a)
    html = client.get(f"/adviseur/cijfers?{PERIOD}").text
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    # funnel, trend, time per stage, azc side by side, and one small chart per azc row
    # (azc Alfa, azc Beta, no azc given)
    assert len(svgs) == 4 + 3
    for svg in svgs:
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
        assert "style=" not in svg and "<script" not in svg
    for name in ("funnel", "trend", "stage_times", "azc", "azc_weekly"):
        assert f'id="tabel-{name}"' in html
    assert "<script" not in html and " style=" not in html
    # the weekly chart: ten weeks, three series told apart by dash and marker, not colour only
    trend = next(svg for svg in svgs if 'id="chart-trend-t"' in svg)
    assert trend.count("<polyline") == 3  # one line per series
    assert trend.count("<circle") == 10 + 1  # a circle per week on the first series (+ legend)
    assert 'stroke-dasharray="7 4"' in trend and 'stroke-dasharray="2 3"' in trend


def test_monthly_and_quarterly_pdf(client, login, world):
    login(world.adviser_a)
    for url in ("/adviseur/cijfers/maand.pdf?month=2026-02", "/adviseur/cijfers/kwartaal.pdf?quarter=2026-Q1",
                "/adviseur/cijfers/maand.pdf?month=2019-07"):
        resp = client.get(url)
        assert resp.status_code == 200 and resp.mimetype == "application/pdf", url
        assert resp.data.startswith(b"%PDF") and resp.headers["Cache-Control"] == "no-store"
    for bad in ("maand.pdf?month=2026-13", "maand.pdf", "maand.pdf?month=9999-12",
                "kwartaal.pdf?quarter=2026-Q5", "kwartaal.pdf", "kwartaal.pdf?quarter=99-Q1"):
        assert client.get(f"/adviseur/cijfers/{bad}").status_code == 404, bad


def test_the_page_offers_any_month_and_recent_quarters_with_the_filters(client, login, world):
    login(world.adviser_a)
    html = client.get(f"/adviseur/cijfers?{PERIOD}&location={world.A1.id}&source=poster").text
    month_form = html[html.index('action="/adviseur/cijfers/maand.pdf"'):]
    month_form = month_form[:month_form.index("</form>")]
    assert 'type="month"' in month_form and 'value="2026-02"' in month_form
    assert f'name="location" value="{world.A1.id}"' in month_form
    assert 'name="source" value="poster"' in month_form
    quarter_form = html[html.index('action="/adviseur/cijfers/kwartaal.pdf"'):]
    assert '<option value="2026-Q1">' in quarter_form and '<option value="2025-Q4" selected>' in quarter_form


def test_bad_dates_show_an_error_and_default_period(client, login, world):
    login(world.adviser_a)
    resp = client.get("/adviseur/cijfers?start=2026-03-01&end=2026-01-01")
    assert resp.status_code == 200
    assert "De einddatum ligt vóór de begindatum." in resp.text
    for query in ("end=9999-12-31", "start=0001-01-01", "start=1999-12-31&end=9999-12-31"):
        resp = client.get(f"/adviseur/cijfers?{query}")
        assert resp.status_code == 200 and "Kies een datum tussen 2000 en 2099." in resp.text


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(
    st.sampled_from(["start", "end", "region", "location", "sector", "source", "residence", "format",
                     "table", "month", "quarter"]),
    st.one_of(st.text(max_size=20), st.dates().map(str), st.dates().map(lambda d: f"{d:%Y-%m}"),
              st.sampled_from(["csv", "applications", "funnel", "0", "-1", "2026-Q1", "poster",
                               "status_holder"])), max_size=6))
def test_fuzz_filters_never_500(client, login, world, params):
    login(world.adviser_a)
    for url in ("/adviseur/cijfers", "/adviseur/cijfers/maand.pdf", "/adviseur/cijfers/kwartaal.pdf"):
        assert client.get(url, query_string=params).status_code in (200, 404)
