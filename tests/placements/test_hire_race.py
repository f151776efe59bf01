"""One placement per application, also when the hire form is sent twice at the same moment
(a double click, two colleagues): one is stored, the others get the form back with a message."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func, select

from portal.placements.models import Placement
from tests.factories import PASSWORD
from tests.live_browser import LiveBrowser
from tests.placements.conftest import hire_form

CLICKS = 4


def test_hire_sent_four_times_at_once_makes_one_placement(serve, world, db_session):
    server = serve()
    browser = LiveBrowser(server.url)
    browser.sign_in(world.member_a.email, PASSWORD)
    path = f"/sollicitanten/{world.app_a.id}/aannemen"
    data = hire_form() | {"csrf_token": browser.csrf(path)}
    with ThreadPoolExecutor(max_workers=CLICKS) as pool:
        answers = list(pool.map(lambda _: browser.request(path, data), range(CLICKS)))
    statuses = sorted(status for status, _html in answers)
    assert statuses == [302] + [422] * (CLICKS - 1), statuses
    # the others get the form back with the reason (already decided, or — when the first was
    # stored a moment earlier — the hours that placement already takes)
    assert all('class="error-summary"' in html for status, html in answers if status == 422)
    db_session.expire_all()
    assert db_session.scalar(select(func.count(Placement.id))) == 1
