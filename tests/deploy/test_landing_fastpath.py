"""The poster-scan fast path (portal/apply/landing_fastpath.py): a repeated scan skips Flask,
is still counted, and never shows a stale page: a closed vacancy or a new title shows on the
next scan; a visitor with a session (a flashed message) always gets Flask's own page."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.apply import landing_fastpath
from portal.dashboard.models import VacancyView
from portal.vacancies.models import VacancyStatus


def flask_requests(app) -> list[str]:
    seen: list[str] = []
    app.before_request_funcs.setdefault(None, []).append(lambda: seen.append("flask") and None)
    return seen


def views(db_session) -> int:
    db_session.expire_all()
    return db_session.scalar(select(func.coalesce(func.sum(VacancyView.count), 0)))


def test_a_repeated_scan_skips_flask_and_is_counted(app, make, db_session):
    landing_fastpath.clear()
    vacancy = make.vacancy()
    db_session.commit()
    seen = flask_requests(app)
    phone = app.test_client(use_cookies=False)  # each scan a new phone: no language cookie yet
    pages = [phone.get(f"/v/{vacancy.code}?lang=ar") for _ in range(3)]
    assert [p.status_code for p in pages] == [200, 200, 200]
    assert pages[0].data == pages[2].data and vacancy.title in pages[2].get_data(as_text=True)
    assert pages[2].headers["Content-Security-Policy"] == pages[0].headers["Content-Security-Policy"]
    assert len(seen) == 1  # only the first went through Flask
    assert views(db_session) == 3


def test_an_edit_or_a_closing_shows_on_the_next_scan(app, client, make, db_session):
    landing_fastpath.clear()
    vacancy = make.vacancy()
    db_session.commit()
    url = f"/v/{vacancy.code}"
    client.get(url)
    client.get(url)
    vacancy.title = "Broodbakker (nieuw)"
    db_session.commit()
    assert "Broodbakker (nieuw)" in client.get(url).get_data(as_text=True)
    vacancy.status = VacancyStatus.filled
    db_session.commit()
    assert "/solliciteren" not in client.get(url).get_data(as_text=True)


def test_a_visitor_with_a_session_always_gets_flask(app, client, make, db_session):
    landing_fastpath.clear()
    vacancy = make.vacancy()
    db_session.commit()
    url = f"/v/{vacancy.code}"
    client.get(url)
    with client.session_transaction() as sess:
        sess["_flashes"] = [("success", "Bericht voor deze bezoeker")]
    assert "Bericht voor deze bezoeker" in client.get(url).get_data(as_text=True)
