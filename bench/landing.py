"""Throughput of the QR landing page /v/<code> against a bare Flask route, same machine, same
gunicorn settings, measured with wrk. Prints requests/s of each and their ratio (target >= 0.5).

    .venv/bin/python bench/landing.py [--seconds 10] [--workers 2]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BARE = "from flask import Flask\napp = Flask(__name__)\n\n@app.get('/')\ndef hello():\n    return 'ok'\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app_spec: str, env: dict, workers: int, cwd: Path) -> tuple[subprocess.Popen, int]:
    port = free_port()
    proc = subprocess.Popen(
        [str(BIN / "gunicorn"), "-w", str(workers), "-b", f"127.0.0.1:{port}", "--log-level", "warning", app_spec],
        cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start: " + proc.stderr.read().decode()[-2000:])


def wrk(url: str, seconds: int) -> float:
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{seconds}s", url], capture_output=True, text=True, check=True).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit(f"{url}: {non2xx.group(1)} error responses\n{out}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    tmp = Path(tempfile.mkdtemp(prefix="bench-landing-"))
    db = tmp / "bench.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "PORTAL_SECRET_KEY": "bench",
           "PORTAL_ENV": "development", "FLASK_APP": "wsgi", "PYTHONPATH": str(ROOT)}
    for cmd in (["portal", "migrate"], ["portal", "seed-demo"]):
        subprocess.run([str(BIN / "flask"), *cmd], cwd=ROOT, env=env, check=True, capture_output=True)
    code = sqlite3.connect(db).execute(
        "SELECT code FROM vacancy WHERE status='published' ORDER BY id LIMIT 1").fetchone()[0]
    loc = sqlite3.connect(db).execute(
        "SELECT l.code FROM vacancy_location vl JOIN location l ON l.id = vl.location_id "
        "JOIN vacancy v ON v.id = vl.vacancy_id WHERE v.code = ?", (code,)).fetchone()[0]
    (tmp / "bare.py").write_text(BARE)

    portal, p1 = serve("wsgi:app", env, args.workers, ROOT)
    bare, p2 = serve("bare:app", {**env, "PYTHONPATH": str(tmp)}, args.workers, tmp)
    try:
        landing_url = f"http://127.0.0.1:{p1}/v/{code}/{loc}"
        wrk(landing_url, 2)  # warm-up
        wrk(f"http://127.0.0.1:{p2}/", 2)
        landing = wrk(landing_url, args.seconds)
        base = wrk(f"http://127.0.0.1:{p2}/", args.seconds)
    finally:
        portal.terminate()
        bare.terminate()
    print(f"landing /v/{code}/{loc}: {landing:.0f} req/s")
    print(f"bare Flask route:      {base:.0f} req/s")
    print(f"ratio: {landing / base:.2f} (target >= 0.5)")


if __name__ == "__main__":
    main()
