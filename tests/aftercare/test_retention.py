"""Retention per region: of placements started at least 6 weeks (3 months) ago, how many still
worked after 6 weeks (3 months). Exact on a small scenario."""
from __future__ import annotations

import re
from datetime import date

from portal import clock
from portal.accounts.models import Role
from portal.aftercare.queries import retention, work_help_links
from portal.applicants.models import Stage
from portal.placements.models import EndReason
from tests.aftercare.helpers import noon, placement

TODAY = date(2026, 6, 15)  # six weeks back: 4 May; three months (91 days) back: 16 March


def _scenario(make, world):
    v = world.vacancy
    placement(make, v, date(2026, 1, 5))                                   # kept both
    placement(make, v, date(2026, 1, 5), end=date(2026, 2, 1),
              end_reason=EndReason.resigned)                               # left in week 4
    placement(make, v, date(2026, 2, 2), end=date(2026, 4, 1),
              end_reason=EndReason.end_of_contract)                        # 58 days: 6w yes, 3m no
    placement(make, v, date(2026, 1, 5), end=date(2026, 2, 16),
              end_reason=EndReason.dismissed)                              # ended on day 42: no
    placement(make, v, date(2026, 4, 20))                                  # only 6w counts
    placement(make, v, date(2026, 6, 1))                                   # too recent
    placement(make, v, date(2026, 1, 5), end=date(2026, 1, 5),
              end_reason=EndReason.not_started)                            # never started
    placement(make, world.other_vacancy, date(2026, 1, 5),
              end=date(2026, 1, 10), end_reason=EndReason.resigned)        # other region


def test_figures_exact(make, db_session, world):
    _scenario(make, world)
    clock.move_to(noon(TODAY))
    [zaan] = retention(world.adviser)
    assert (zaan.region, zaan.started_6w, zaan.working_6w, zaan.started_3m, zaan.working_3m) == (
        "Zaanstreek", 5, 3, 4, 1)
    admin = make.user(Role.admin)
    by_region = {r.region: r for r in retention(admin)}
    assert set(by_region) == {"Zaanstreek", "Nijmegen"}
    nijm = by_region["Nijmegen"]
    assert (nijm.started_6w, nijm.working_6w, nijm.started_3m, nijm.working_3m) == (1, 0, 1, 0)


def test_figures_on_the_adviser_page(client, login, make, db_session, world):
    _scenario(make, world)
    db_session.commit()
    clock.move_to(noon(TODAY))
    login(world.adviser)
    html = client.get("/adviseur/nazorg").get_data(as_text=True)
    row = re.search(r'<tr data-region="Zaanstreek">(.*?)</tr>', html, re.S).group(1)
    assert "3 van 5 (60%)" in row and "1 van 4 (25%)" in row
    assert 'data-region="Nijmegen"' not in html  # another region's figures stay hidden


def test_no_placements_gives_zero_without_dividing(make, db_session, world):
    clock.move_to(noon(TODAY))
    [zaan] = retention(world.adviser)
    assert (zaan.started_6w, zaan.working_6w) == (0, 0)
    assert zaan.pct(0, 0) is None


def test_work_help_links_only_for_hired_residents(app, make, db_session, world):
    hired = make.application(world.vacancy, stage=Stage.hired)
    waiting = make.application(world.vacancy, stage=Stage.contacted)
    from flask_babel import force_locale

    with app.test_request_context("/"), force_locale("ar"):  # as on the Arabic status page
        links = work_help_links(hired)
        assert [url for _label, url in links] == [
            "/hulp/rechten-op-het-werk", "/hulp/reba", "/hulp/legaal-werk", "/hulp/melden"]
        assert all(label for label, _url in links)
        assert any(re.search(r"[\u0600-\u06FF]", label) for label, _url in links)  # Arabic titles
        assert work_help_links(waiting) == []
