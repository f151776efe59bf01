"""Render time of the adviser's dashboard and of the monthly and quarterly PDF for a region with
50,000 applications (with their histories, placements, tours, reports and aftercare), on a
temporary SQLite database and on PostgreSQL. Targets (issue 16): page < 1 s, PDF < 2 s.

    .venv/bin/python bench/dashboard.py [--db sqlite|postgresql|both] [--applications 50000] [--runs 3]

PostgreSQL: a fresh database `bench_dashboard` on $BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/postgres). Wall time is what counts; the CPU time is
printed too (this process, which for SQLite includes the database's work, plus for PostgreSQL
the server's backends, read from /proc), since a busy machine stretches wall time: on an idle
machine wall time comes close to that CPU time."""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _db import PG_ADMIN, database, engine  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

import portal.models  # noqa: E402,F401
from portal import create_app, db  # noqa: E402
from portal.blueprints import all_blueprints  # noqa: E402
from portal.db import Base  # noqa: E402

PAGE_TARGET, PDF_TARGET = 1.0, 2.0
LANGS = ("ar", "ti", "fa", "tr", "so", "en", "nl")
LADDER = ("new", "contacted", "tour", "assessment", "offer", "hired")
ENDINGS = ("rejected", "withdrawn", "no_show")
SOURCES = ("poster", "poster", "poster", "link", "desk", "proposal")


def _history(i: int, created: datetime, rng: random.Random) -> tuple[str, list[dict]]:
    """A stage and the events that led there: up the ladder, sometimes ending early."""
    top = rng.choices(range(len(LADDER)), weights=(25, 25, 15, 10, 10, 15))[0]
    events, when, stage = [], created, "new"
    for step in LADDER[1:top + 1]:
        when += timedelta(hours=rng.randint(2, 240))
        events.append({"application_id": i, "from_stage": stage, "to_stage": step, "created_at": when})
        stage = step
    if stage != "hired" and rng.random() < 0.4:
        when += timedelta(hours=rng.randint(2, 240))
        end = rng.choice(ENDINGS)
        events.append({"application_id": i, "from_stage": stage, "to_stage": end, "created_at": when})
        stage = end
    return stage, events


def build(n_apps: int, rng: random.Random) -> int:
    from portal.accounts.models import Role, User
    from portal.aftercare.models import AftercareCheck
    from portal.applicants.models import Application, ApplicationEvent
    from portal.organisations.models import Organisation
    from portal.placements.models import Placement
    from portal.regions.models import Location, Region
    from portal.reports.models import Report
    from portal.tours.models import Tour, TourInvite
    from portal.vacancies.models import Vacancy, VacancyLocation

    now = datetime.now(UTC)
    s = db.session
    s.execute(insert(Region), [{"id": 1, "name": "Bench"}, {"id": 2, "name": "Andere"}])
    s.execute(insert(Location), [{"id": i, "code": f"L{i}", "name": f"azc {i}", "city": "X",
                                  "region_id": 1 if i <= 8 else 2, "active": True} for i in range(1, 11)])
    s.execute(insert(Organisation), [{
        "id": i, "kind": "agency" if i % 4 == 0 else "employer", "name": f"Org {i}",
        "kvk": f"{10000000 + i}", "sector": ("logistiek", "horeca", "bouw", "zorg")[i % 4],
        "street": "S 1", "postcode": "1000 AA", "city": "X", "region_id": 1 if i <= 180 else 2,
        "status": "approved", "created_at": now - timedelta(days=200),
        "decided_at": now - timedelta(days=190 - i % 20)} for i in range(1, 201)])
    s.execute(insert(User), [{"id": 1, "email": "adviser@bench.example", "role": Role.adviser,
                              "region_id": 1, "totp_secret": "JBSWY3DPEHPK3PXP"}])
    s.execute(insert(Vacancy), [{
        "id": i, "code": f"B{i:05d}", "organisation_id": 1 + i % 200, "title": f"Vacature {i}",
        "summary": "Werk", "city": "X", "hours_min": 24, "hours_max": 32,
        "contract_type": "temporary", "wage_min_cents": 1500, "start_date": date.today(),
        "closing_date": date.today() + timedelta(days=30 - i % 60),
        "status": ("published", "filled", "expired", "closed")[i % 4],
        "published_at": now - timedelta(days=i % 120), "created_at": now - timedelta(days=130),
        "updated_at": now, "closed_at": None if i % 4 == 0 else now - timedelta(days=i % 50)}
        for i in range(1, 2001)])
    s.execute(insert(VacancyLocation), [{"vacancy_id": i, "location_id": 1 + i % 10}
                                        for i in range(1, 2001)])
    apps, events = [], []
    for i in range(1, n_apps + 1):
        created = now - timedelta(days=rng.random() * 120)
        stage, history = _history(i, created, rng)
        loc = rng.randint(1, 8)
        source = rng.choice(SOURCES)
        apps.append({
            "id": i, "reference": f"R{i:09d}", "vacancy_id": rng.randint(1, 1800),
            "poster_location_id": loc if source == "poster" else None, "azc_location_id": loc,
            "residence_status": rng.choice(("asylum_seeker", "asylum_seeker", "status_holder")),
            "source": source, "ui_language": rng.choice(LANGS), "consent_at": created,
            "status_token_hash": f"{i:064d}", "stage": stage, "created_at": created,
            "updated_at": created})
        events.extend(history)
    s.execute(insert(Application), apps)
    for chunk in range(0, len(events), 20000):
        s.execute(insert(ApplicationEvent), events[chunk:chunk + 20000])
    hired = [a for a in apps if a["stage"] == "hired"]
    placements = []
    for n, a in enumerate(hired, start=1):
        start = (a["created_at"] + timedelta(days=30)).date()
        ended = n % 3 == 0
        placements.append({
            "id": n, "application_id": a["id"], "organisation_id": 1 + a["vacancy_id"] % 200,
            "vacancy_id": a["vacancy_id"], "start_date": start, "hours_per_week": 24,
            "contract_type": "temporary", "twv_needed": True,
            "twv_state": ("to_apply", "applied", "granted", "refused", "cancellation_requested")[n % 5],
            "twv_applied_on": a["created_at"].date() if n % 5 else None,
            "twv_decided_on": (a["created_at"] + timedelta(days=20)).date() if n % 5 in (2, 3) else None,
            "end_date": start + timedelta(days=n % 120) if ended else None,
            "end_reason": ("end_of_contract", "resigned", "not_started")[n % 3] if ended else None,
            "cancellation_requested_at": now - timedelta(days=n % 20) if n % 5 == 4 else None,
            "created_at": a["created_at"] + timedelta(days=20), "updated_at": now})
    s.execute(insert(Placement), placements)
    s.execute(insert(AftercareCheck), [{
        "placement_id": p["id"], "kind": "week1", "due_on": p["start_date"] + timedelta(days=7),
        "state": ("scheduled", "sent", "answered", "overdue")[p["id"] % 4],
        "concerns": ["language"] if p["id"] % 8 == 2 else [], "needs_follow_up": p["id"] % 8 == 2,
        "created_at": now} for p in placements])
    s.execute(insert(Tour), [{"id": i, "organisation_id": 1 + i % 180, "starts_at": now - timedelta(days=i % 90),
                              "address": "A", "capacity": 10, "state": "held", "created_at": now}
                             for i in range(1, 1001)])
    s.execute(insert(TourInvite), [{"tour_id": 1 + i % 1000, "application_id": i,
                                    "attendance": ("attended", "no_show", "unknown")[i % 3]}
                                   for i in range(1, 5001)])
    s.execute(insert(Report), [{"code": f"M{i:05d}", "signals": ["cash_pay", "pressure"][: 1 + i % 2],
                                "reporter_type": "resident", "region_id": 1, "location_id": 1 + i % 8,
                                "state": "new", "created_at": now - timedelta(days=i % 90),
                                "updated_at": now} for i in range(1, 501)])
    s.commit()
    return len(events)


def _server_cpu(admin_url: str | None) -> float:
    """CPU seconds used so far by the PostgreSQL backends of the bench database, read from
    /proc (the server runs on this machine); 0 for SQLite, which runs in this process."""
    if admin_url is None:
        return 0.0
    admin = engine(admin_url)
    with admin.connect() as conn:
        pids = [pid for (pid,) in conn.execute(text(
            "SELECT pid FROM pg_stat_activity WHERE datname = 'bench_dashboard'"))]
    admin.dispose()
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _timed(client, url: str, runs: int, admin_url: str | None) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        s0 = _server_cpu(admin_url)
        t0, c0 = time.perf_counter(), time.process_time()
        resp = client.get(url)
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0 + _server_cpu(admin_url) - s0)
        assert resp.status_code == 200, (url, resp.status_code, resp.headers.get("Location"))
    return walls, cpus


def _line(kind: str, what: str, walls: list[float], cpus: list[float], target: float) -> str:
    best = min(walls)
    verdict = "OK" if best < target else "TOO SLOW"
    return (f"[{kind}] {what}: best {best * 1000:.0f} ms (cpu {min(cpus) * 1000:.0f} ms), runs "
            + ", ".join(f"{t * 1000:.0f}" for t in walls) + f" ms  (target < {target * 1000:.0f} ms: {verdict})")


def measure(kind: str, args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"ENV": "testing", "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                          "DATABASE_URL": database(kind, tmp, "bench_dashboard"), "RATELIMIT_ENABLED": False})
        all_blueprints()
        Base.metadata.create_all(app.extensions["db_engine"])
        with app.app_context():
            t0 = time.perf_counter()
            n_events = build(args.applications, random.Random(42))
            if kind == "postgresql":
                db.session.execute(text("ANALYZE"))
                db.session.commit()
            print(f"[{kind}] built {args.applications} applications, {n_events} events "
                  f"in {time.perf_counter() - t0:.1f} s", flush=True)
        client = app.test_client()
        from flask_login.utils import _create_identifier

        with app.test_request_context(environ_base=client.environ_base):
            ident = _create_identifier()
        with client.session_transaction() as sess:
            sess["_user_id"], sess["_fresh"], sess["2fa_ok"], sess["_id"] = "1:1", True, True, ident
        start = (date.today() - timedelta(days=119)).isoformat()
        month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
        quarter = f"{date.today().year}-Q{(date.today().month - 1) // 3 + 1}"
        for what, url, target in (
                (f"dashboard page (120 days, {args.applications} applications)",
                 f"/adviseur/cijfers?start={start}", PAGE_TARGET),
                (f"monthly PDF ({month})", f"/adviseur/cijfers/maand.pdf?month={month}", PDF_TARGET),
                (f"quarterly PDF ({quarter})", f"/adviseur/cijfers/kwartaal.pdf?quarter={quarter}", PDF_TARGET)):
            walls, cpus = _timed(client, url, args.runs, PG_ADMIN if kind == "postgresql" else None)
            print(_line(kind, what, walls, cpus, target), flush=True)
        app.extensions["db_engine"].dispose()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="sqlite")
    ap.add_argument("--applications", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores", flush=True)
    for kind in (["sqlite", "postgresql"] if args.db == "both" else [args.db]):
        measure(kind, args)


if __name__ == "__main__":
    main()
