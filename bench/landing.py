"""Throughput of the QR landing page /v/<code>/<azc> against a bare Flask route, both served by
gunicorn with the shipped deploy/gunicorn.conf.py (same workers), measured with wrk, on SQLite
and on PostgreSQL in one run. Short rounds alternate between the two servers so that a busy
machine slows both alike; the ratio of the summed rates is printed per database.
Targets (issue 17): >= 0.6 on SQLite, >= 0.5 on PostgreSQL.

    .venv/bin/python bench/landing.py [--db sqlite|postgresql|both] [--rounds 5] [--seconds 3] [--workers 2]

PostgreSQL: a fresh database `bench_landing` on $BENCH_POSTGRES_URL
(default postgresql://postgres@127.0.0.1:5432/postgres).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _db import database, engine
from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BARE = "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/')\ndef hello():\n    return 'ok'\n"
TARGETS = {"sqlite": 0.6, "postgresql": 0.5}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app_spec: str, env: dict, workers: int, pythonpath: str) -> tuple[subprocess.Popen, int]:
    port = free_port()
    env = {**env, "PORTAL_BIND": f"127.0.0.1:{port}", "PORTAL_WORKERS": str(workers),
           "PYTHONPATH": pythonpath}
    proc = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", str(ROOT / "deploy/gunicorn.conf.py"), "--log-level", "warning",
         app_spec], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(600):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start: " + proc.stderr.read().decode()[-2000:])


def wrk(url: str, seconds: int) -> float:
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", url], capture_output=True, text=True,
                         check=True).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"{url}: {non2xx.group(1)} error responses\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def answered(url: str, seconds: float = 120) -> None:
    """Wait until the app answers 200 (a worker loads the app after it starts listening)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as res:
                if res.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"{url} did not answer 200")
        time.sleep(0.2)


def landing_path(url: str) -> str:
    db = engine(url)
    with db.connect() as conn:
        code, loc = conn.execute(text(
            "SELECT v.code, l.code FROM vacancy v JOIN vacancy_location vl ON vl.vacancy_id = v.id "
            "JOIN location l ON l.id = vl.location_id WHERE v.status = 'published' ORDER BY v.id "
            "LIMIT 1")).one()
    db.dispose()
    return f"/v/{code}/{loc}"


def measure(kind: str, args, tmp: Path) -> float:
    url = database(kind, tmp, "bench_landing")
    env = {**os.environ, "DATABASE_URL": url, "PORTAL_SECRET_KEY": "bench", "PORTAL_ENV": "development",
           "FLASK_APP": "wsgi"}
    for cmd in (["portal", "migrate"], ["portal", "seed-demo"]):
        subprocess.run([str(BIN / "flask"), *cmd], cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)},
                       check=True, capture_output=True)
    path = landing_path(url)
    portal, p1 = serve("wsgi:app", env, args.workers, str(ROOT))
    bare, p2 = serve("bare:app", env, args.workers, str(tmp))
    landing_url, bare_url = f"http://127.0.0.1:{p1}{path}", f"http://127.0.0.1:{p2}/"
    try:
        for url in (landing_url, bare_url):
            answered(url)
            wrk(url, 3)  # warm-up: every worker loaded, caches filled
        landing, base = [], []
        for _ in range(args.rounds):
            landing.append(wrk(landing_url, args.seconds))
            base.append(wrk(bare_url, args.seconds))
    finally:
        portal.terminate()
        bare.terminate()
        portal.wait()
        bare.wait()
    ratio = sum(landing) / sum(base)
    print(f"[{kind}] landing {path}: {sum(landing) / len(landing):.0f} req/s "
          f"(rounds: {', '.join(f'{x:.0f}' for x in landing)})")
    print(f"[{kind}] bare Flask route: {sum(base) / len(base):.0f} req/s "
          f"(rounds: {', '.join(f'{x:.0f}' for x in base)})")
    print(f"[{kind}] ratio: {ratio:.2f} (target >= {TARGETS[kind]})", flush=True)
    return ratio


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--seconds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    tmp = Path(tempfile.mkdtemp(prefix="bench-landing-"))
    (tmp / "bare.py").write_text(BARE)
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    ratios = {kind: measure(kind, args, tmp) for kind in kinds}
    missed = [kind for kind, ratio in ratios.items() if ratio < TARGETS[kind]]
    print("targets met" if not missed else f"target missed: {', '.join(missed)}")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
