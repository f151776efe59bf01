"""Figures for deploy/SIZING.md: requests per second of ONE sync worker (the shipped
deploy/gunicorn.conf.py with PORTAL_WORKERS=1) on PostgreSQL for the QR landing page, the apply
form (GET the form + POST it, a new resident each time) and a staff page (a signed-in
employer's vacancy list), and the PostgreSQL connections each worker holds.

    .venv/bin/python bench/sizing.py [--seconds 10]

Needs wrk and PostgreSQL ($BENCH_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres;
a fresh database `bench_sizing`). Rate limits are off here (one client address would hit them).
"""
from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _db import PG_ADMIN, engine, fresh_postgres  # noqa: E402
from landing import BIN, ROOT, answered, landing_path, serve, wrk  # noqa: E402

MEMBER = ("werkgever@demo.werkportaal.nl", "demo-werkgever-2026")  # portal/demo.py


def connections(url: str) -> int:
    admin = engine(PG_ADMIN)
    with admin.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = 'bench_sizing'")).scalar_one()
    admin.dispose()
    return int(n)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        raise AssertionError("redirected: the staff page was not served")


def browser():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" type="hidden" value="([^"]+)"', html).group(1)


def session_cookie(base: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    token = hidden(opener.open(base + "/inloggen").read().decode(), "csrf_token")
    opener.open(base + "/inloggen", urllib.parse.urlencode(
        {"email": MEMBER[0], "password": MEMBER[1], "csrf_token": token}).encode())
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def apply_rate(base: str, apply_path: str, location_id: str, seconds: int, clients: int = 4) -> float:
    done, stop = [0], time.monotonic() + seconds
    lock = threading.Lock()

    def resident(n: int) -> None:
        i = 0
        while time.monotonic() < stop:
            i += 1
            opener = browser()
            html = opener.open(base + apply_path).read().decode()
            data = {"name": f"Bewoner {n}-{i}", "phone": f"+3161{n}{i:06d}", "residence_status": "status_holder",
                    "azc_location": location_id, "lang1": "ar", "level1": "good",
                    "csrf_token": hidden(html, "csrf_token"), "submission_key": hidden(html, "submission_key")}
            body = opener.open(base + apply_path, urllib.parse.urlencode(data).encode()).read().decode()
            assert "/s/" in body, body[:300]
            with lock:
                done[0] += 1

    threads = [threading.Thread(target=resident, args=(n,)) for n in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0] / (time.monotonic() - start)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=10)
    args = ap.parse_args()
    url = fresh_postgres("bench_sizing")
    env = {**os.environ, "DATABASE_URL": url, "PORTAL_SECRET_KEY": "bench", "PORTAL_ENV": "development",
           "PORTAL_RATELIMIT_ENABLED": "0", "FLASK_APP": "wsgi"}
    for cmd in (["portal", "migrate"], ["portal", "seed-demo"]):
        subprocess.run([str(BIN / "flask"), *cmd], cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)},
                       check=True, capture_output=True)
    path = landing_path(url)
    db = engine(url)
    with db.connect() as conn:
        location_id = str(conn.execute(text("SELECT id FROM location WHERE code = :c"),
                                       {"c": path.rsplit("/", 1)[1]}).scalar_one())
    db.dispose()
    server, port = serve("wsgi:app", env, 1, str(ROOT))
    base = f"http://127.0.0.1:{port}"
    try:
        answered(base + path)
        wrk(base + path, 3)
        landing = wrk(base + path, args.seconds)
        cookie = session_cookie(base)
        check = urllib.request.Request(base + "/vacatures/", headers={"Cookie": cookie})
        with urllib.request.build_opener(NoRedirect()).open(check) as res:
            assert res.status == 200 and "Uitloggen" in res.read().decode(), "not signed in"
        staff_cmd = ["wrk", "-t1", "-c4", f"-d{args.seconds}s", "-H", f"Cookie: {cookie}", base + "/vacatures/"]
        out = subprocess.run(staff_cmd, capture_output=True, text=True, check=True).stdout
        staff = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        assert "Non-2xx" not in out, out
        apply = apply_rate(base, path + "/solliciteren", location_id, args.seconds)
        held = connections(url)
    finally:
        server.terminate()
        server.wait()
    print(f"one sync worker on PostgreSQL ({os.cpu_count()} CPUs, shared with the load generator):")
    print(f"  landing page  {path}: {landing:.0f} req/s")
    print(f"  staff page    /vacatures/ (signed in): {staff:.0f} req/s")
    print(f"  apply         form GET + POST, a new resident each: {apply:.0f} applications/s")
    print(f"  PostgreSQL connections held by the worker after the run: {held}")


if __name__ == "__main__":
    main()
