"""The anonymous page-view counter on the QR landing page."""
from __future__ import annotations

import os
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from portal import clock, db
from portal.dashboard.counter import count_view
from portal.dashboard.models import NO_LOCATION, VacancyView
from portal.vacancies.models import VacancyStatus


def counts():
    db.session.expire_all()
    return {(v.vacancy_id, v.language, v.location_id, v.day): v.count
            for v in db.session.scalars(select(VacancyView))}


def test_views_are_counted_per_language_location_and_day(client, make, db_session):
    region = make.region()
    loc = make.location(region)
    vac = make.vacancy(make.organisation(region), [loc])
    db_session.commit()
    today = clock.today()
    for _ in range(3):
        assert client.get(f"/v/{vac.code}/{loc.code}?lang=ar").status_code == 200
    client.get(f"/v/{vac.code}/{loc.code}?lang=ti")
    client.get(f"/v/{vac.code}?lang=ar")
    assert counts() == {(vac.id, "ar", loc.id, today): 3, (vac.id, "ti", loc.id, today): 1,
                        (vac.id, "ar", NO_LOCATION, today): 1}
    clock.move_to(clock.utcnow() + timedelta(days=1))
    client.get(f"/v/{vac.code}/{loc.code}?lang=ar")
    assert counts()[(vac.id, "ar", loc.id, today + timedelta(days=1))] == 1
    assert counts()[(vac.id, "ar", loc.id, today)] == 3


def test_one_request_counts_once_and_head_not_at_all(client, make, db_session):
    vac = make.vacancy()
    db_session.commit()
    client.head(f"/v/{vac.code}?lang=en")
    assert counts() == {}
    client.get(f"/v/{vac.code}?lang=en")
    assert list(counts().values()) == [1]


def test_closed_vacancy_views_count_unknown_codes_do_not(client, make, db_session):
    vac = make.vacancy(status=VacancyStatus.filled)
    db_session.commit()
    assert client.get(f"/v/{vac.code}?lang=nl").status_code == 200
    assert client.get("/v/NOPE123?lang=nl").status_code == 404
    assert list(counts().values()) == [1]


def test_no_cookie_is_set_for_counting(client, make, db_session):
    vac = make.vacancy()
    db_session.commit()
    resp = client.get(f"/v/{vac.code}")
    assert not any("count" in h.lower() or "view" in h.lower()
                   for h in resp.headers.getlist("Set-Cookie"))


def test_count_view_is_a_single_statement(app, make, db_session):
    from sqlalchemy import event

    vac = make.vacancy()
    db_session.commit()
    statements = []
    engine = app.extensions["db_engine"]
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        count_view(vac.id, "fa", None)
        count_view(vac.id, "fa", None)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    db_session.commit()
    assert len([s for s in statements if "vacancy_view" in s]) == 2
    assert all(s.lstrip().upper().startswith("INSERT") for s in statements if "vacancy_view" in s)
    assert list(counts().values()) == [2]


def test_views_are_tallied_and_written_together_when_buffered(app, make, db_session):
    """In production each worker writes its tally every few seconds, not on every scan."""
    from portal.dashboard import counter

    vac = make.vacancy()
    db_session.commit()
    app.config["VIEW_FLUSH_SECONDS"] = 3600
    counter.flush()  # start a fresh interval
    db_session.commit()
    for _ in range(5):
        assert counter.count_view(vac.id, "ar", None) is False  # tallied, not yet written
    assert list(counts().values()) == []
    assert counter.flush() is True
    db_session.commit()
    assert list(counts().values()) == [5]


def test_workers_leaving_together_do_not_lock_each_other_out(app, make, db_session):
    """A restart stops every worker at once and each writes its tally on the way out. Two tallies
    holding the same rows, gathered in opposite order, are written side by side: both arrive
    (in arrival order PostgreSQL saw a deadlock and dropped one worker's views)."""
    import threading

    from portal.dashboard import counter

    vac = make.vacancy()
    db_session.commit()
    day = clock.today()
    nl, ar = (vac.id, "nl", NO_LOCATION, day), (vac.id, "ar", NO_LOCATION, day)
    engine = app.extensions["db_engine"]
    both_started = threading.Barrier(2)
    errors: list[BaseException] = []

    def worker(items):
        try:
            with engine.begin() as conn:
                def execute(stmt, params):
                    conn.execute(stmt, params)
                    try:  # let the other writer take its first row before taking a second one
                        both_started.wait(timeout=2)
                    except threading.BrokenBarrierError:
                        pass  # the other one waits for our row: go on and commit
                counter._write(items, execute, engine.dialect.name)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=([(nl, 3), (ar, 4)],)),
               threading.Thread(target=worker, args=([(ar, 5), (nl, 6)],))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert counts() == {nl: 9, ar: 9}


def test_a_leaving_worker_tries_again_when_the_database_is_busy(app, make, db_session, monkeypatch):
    from portal.dashboard import counter

    vac = make.vacancy()
    db_session.commit()
    app.config["VIEW_FLUSH_SECONDS"] = 3600
    writer = counter._Writer()
    writer.pid, writer.app = os.getpid(), app
    counter._give_back([((vac.id, "so", NO_LOCATION, clock.today()), 7)])
    real_write, calls = counter._write, []

    def busy_once(items, execute, dialect):
        calls.append(len(items))
        if len(calls) == 1:
            raise OperationalError("upsert", {}, Exception("deadlock detected"))
        real_write(items, execute, dialect)

    monkeypatch.setattr(counter, "_write", busy_once)
    monkeypatch.setattr(counter.time, "sleep", lambda _s: None)
    writer.write_on_exit()
    assert calls == [1, 1]
    assert list(counts().values()) == [7]
