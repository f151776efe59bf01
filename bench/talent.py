"""Time the advisers' matching pages with 20,000 work profiles in one region (issue 19):
suggested profiles for a vacancy, and the search with filters; budget 300 ms each, on a
temporary SQLite database and on PostgreSQL. Times are whole requests (query, the reasons in
words, the audit event, the page), through the test client.

    .venv/bin/python bench/talent.py [--db sqlite|postgresql|both] [--profiles 20000] [--runs 5]

PostgreSQL: a fresh database `bench_talent` on $BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/postgres), as bench/dashboard.py does."""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, insert, select, text  # noqa: E402

import portal.models  # noqa: E402,F401
from portal import create_app, db  # noqa: E402
from portal.blueprints import all_blueprints  # noqa: E402
from portal.db import Base  # noqa: E402

PG_ADMIN = os.environ.get("BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
TARGET = 0.300
DB_NAME = "bench_talent"
LANGS = ("ar", "ti", "fa", "tr", "so", "ku", "ps", "en", "nl", "fr")
LEVELS = ("basic", "good", "fluent", "native")
AVAILABILITY = ("full_time", "part_time", "evenings_weekends", "flexible")
RESIDENCE = ("status_holder", "asylum_over_6_months", "asylum_under_6_months", "unknown")


def build(n: int, rng: random.Random) -> tuple[int, int]:
    """A region with 4 azc's and n profiles; an open cleaning job of an approved employer
    posted at the first azc. Returns (adviser id, vacancy id)."""
    from portal.accounts.models import Role
    from portal.clock import utcnow
    from portal.phrases.models import Phrase, Section, VacancyPhrase
    from portal.phrases.services import sync_curated
    from portal.talent.models import Profile, ProfileLanguage, ProfileWork
    from portal.vacancies.models import Level
    from tests.factories import Factory

    make = Factory()
    region = make.region("Zaanstreek")
    azcs = [make.location(region, code=f"Z{i}") for i in range(4)]
    adviser = make.user(Role.adviser, region=region)
    org = make.organisation(region, adviser=adviser)
    org.sector = "schoonmaak"
    vacancy = make.vacancy(org, locations=[azcs[0]], title="Schoonmaker", dutch_level=Level.A2)
    sync_curated()
    db.session.flush()
    roles = list(db.session.scalars(select(Phrase.key).where(Phrase.section == Section.role)))
    cleaner = db.session.scalar(select(Phrase.id).where(Phrase.key == "role.cleaner"))
    db.session.add(VacancyPhrase(vacancy_id=vacancy.id, phrase_id=cleaner))
    db.session.commit()
    kinds = roles + ["sector.schoonmaak", "sector.logistiek", "sector.horeca"]
    now = utcnow()
    profiles, languages, work = [], [], []
    for i in range(1, n + 1):
        consent = now - timedelta(days=rng.randint(0, 170))
        profiles.append({
            "id": i, "token_hash": f"{i:064x}", "link_nonce": f"{i:032x}",
            "name": f"Bewoner {i}", "name_latin": None, "phone": f"+3160{i:07d}", "email": None,
            "location_id": rng.choice(azcs).id, "ui_language": rng.choice(LANGS[:5]),
            "availability": rng.choice(AVAILABILITY),
            "hours_per_week": rng.choice((None, 8, 16, 24, 32, 40)),
            "residence": rng.choice(RESIDENCE), "travel_minutes": rng.choice((15, 30, 45, 60, 90)),
            "attended_training": rng.random() < 0.3, "experience": None, "assisted": False,
            "consent_at": consent, "expires_at": consent + timedelta(days=182),
            "created_at": consent})
        for code in rng.sample(LANGS, rng.randint(1, 3)):
            languages.append({"profile_id": i, "language": code, "level": rng.choice(LEVELS)})
        for kind in rng.sample(kinds, rng.randint(1, 3)):
            work.append({"profile_id": i, "kind": kind})
    for model, rows in ((Profile, profiles), (ProfileLanguage, languages), (ProfileWork, work)):
        for start in range(0, len(rows), 5000):
            db.session.execute(insert(model), rows[start:start + 5000])
    db.session.commit()
    return adviser.id, vacancy.id


def database(kind: str, tmp: str) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp}/bench.sqlite3"
    admin = create_engine(PG_ADMIN.replace("postgresql://", "postgresql+psycopg://"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{DB_NAME}"'))
    admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{DB_NAME}"


def _timed(client, url: str, runs: int) -> list[float]:
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        resp = client.get(url)
        walls.append(time.perf_counter() - t0)
        assert resp.status_code == 200, (url, resp.status_code, resp.headers.get("Location"))
    return walls


def measure(kind: str, args) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"ENV": "testing", "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                          "DATABASE_URL": database(kind, tmp), "RATELIMIT_ENABLED": False,
                          "MAIL_SERVER": None})
        all_blueprints()
        Base.metadata.create_all(app.extensions["db_engine"])
        with app.app_context():
            t0 = time.perf_counter()
            adviser_id, vacancy_id = build(args.profiles, random.Random(19))
            if kind == "postgresql":
                db.session.execute(text("ANALYZE"))
                db.session.commit()
            print(f"[{kind}] built {args.profiles} profiles in {time.perf_counter() - t0:.1f} s",
                  flush=True)
            from portal.accounts.models import User

            user_id = db.session.get(User, adviser_id).get_id()
        client = app.test_client()
        from flask_login.utils import _create_identifier

        with app.test_request_context(environ_base=client.environ_base):
            ident = _create_identifier()
        with client.session_transaction() as sess:
            sess["_user_id"], sess["_fresh"], sess["2fa_ok"], sess["_id"] = user_id, True, True, ident
        for what, url in (
                ("suggestions for a vacancy", f"/adviseur/talent/vacatures/{vacancy_id}"),
                ("search: Tigrinya at least good + cleaner + TWV possible",
                 "/talent/profielen/?taal=ti&niveau=good&werk=role.cleaner&status=twv"),
                ("search: one azc, part time, trained",
                 "/talent/profielen/?azc=1&beschikbaar=part_time&training=y"),
                ("search: no filter, last page", "/talent/profielen/?pagina=9999")):
            walls = _timed(client, url, args.runs)
            best = min(walls)
            verdict = "OK" if best < TARGET else "TOO SLOW"
            line = (f"[{kind}] {what} ({args.profiles} profiles): best {best * 1000:.0f} ms, runs "
                    + ", ".join(f"{w * 1000:.0f}" for w in walls)
                    + f" ms (target < {TARGET * 1000:.0f} ms: {verdict})")
            print(line, flush=True)
            lines.append(line)
        app.extensions["db_engine"].dispose()
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--profiles", type=int, default=20_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    for kind in (["sqlite", "postgresql"] if args.db == "both" else [args.db]):
        measure(kind, args)


if __name__ == "__main__":
    main()
