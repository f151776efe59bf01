"""Fixtures for running the portal as in production: apps with given settings, a throwaway
PostgreSQL cluster (its own data directory and port, so it can be stopped and restarted), and
gunicorn with the shipped deploy/gunicorn.conf.py."""
from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from portal import create_app
from tests.conftest import require_or_skip
from tests.csrf_client import CsrfClient

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
PG_BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def closed_port() -> int:
    """A port nothing listens on (bound and released at once)."""
    return free_port()


def get(url: str, timeout: float = 10, headers: dict | None = None, context=None) -> tuple[int, str]:
    req = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout, context=context) as res:
            return res.status, res.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def wait_until(check, seconds: float, what: str, step: float = 0.1):
    """Poll check() until it returns something truthy; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            result = check()
        except OSError:
            result = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what} after {seconds} s")
        time.sleep(step)


@pytest.fixture
def make_app(app, database_url, smtp_server):
    """make_app(**overrides): an app on the test database with CSRF on."""
    made = []

    def _make(**overrides):
        new = create_app({"ENV": "testing", "SECRET_KEY": "deploy-test", "DATABASE_URL": database_url,
                          "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": smtp_server.port_number,
                          "BASE_URL": "https://werk.example.nl", "WTF_CSRF_ENABLED": True,
                          **overrides})
        new.test_client_class = CsrfClient
        made.append(new)
        return new

    yield _make
    for made_app in made:
        made_app.extensions["db_engine"].dispose()


class Postgres:
    """A PostgreSQL cluster of this test only: initdb in a temp dir, its own port."""

    def __init__(self) -> None:
        self.bin = Path(PG_BIN[-1])
        self.dir = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self._as_owner:
            shutil.chown(self.dir, "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self._as_owner, str(self.bin / tool), *args], check=True,
                       capture_output=True, timeout=120)

    def start(self) -> None:
        opts = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off"
        self._run("pg_ctl", "-D", str(self.data), "-o", opts, "-l", str(self.dir / "log"),
                  "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def remove(self) -> None:
        try:
            self.stop("immediate")
        except subprocess.CalledProcessError:
            pass  # not running
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def throwaway_postgres():
    require_or_skip(bool(PG_BIN) and shutil.which("runuser") is not None,
                    "PostgreSQL server binaries (/usr/lib/postgresql/*/bin) are needed")
    pg = Postgres()
    try:
        pg.start()
        yield pg
    finally:
        pg.remove()


class Gunicorn:
    """One instance: the shipped deploy/gunicorn.conf.py, settings from the environment."""

    def __init__(self, env: dict[str, str], workers: int = 2, log: Path | None = None,
                 port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log or Path(tempfile.mkstemp(prefix="gunicorn-", suffix=".log")[1])
        env = {**env, "PORTAL_BIND": f"127.0.0.1:{self.port}", "PORTAL_WORKERS": str(workers)}
        with open(self.log_path, "ab") as out:
            # A session of its own: killing the instance kills its workers too.
            self.proc = subprocess.Popen(
                [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "wsgi:app"], cwd=ROOT, env=env,
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        wait_until(self.answers, 60, f"gunicorn on {self.port} ({self.log()[-2000:]})")

    def answers(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError("gunicorn exited: " + self.log()[-3000:])
        return get(self.url + "/healthz", timeout=30)[0] in (200, 503)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def signal(self, sig: int) -> None:
        self.proc.send_signal(sig)

    def kill(self) -> None:
        """Gone at once, workers too (no graceful anything): a crashed host."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.kill()
        return self.proc.returncode


def production_env(database_url: str, **extra: str) -> dict[str, str]:
    """Environment of a production instance (PORTAL_ENV=production and what it demands)."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PORTAL_", "RATELIMIT_", "PYTEST_")) and k != "DATABASE_URL"}
    env.update(PORTAL_ENV="production", PORTAL_SECRET_KEY="scale-out-test-secret-key-0123456789",
               PORTAL_BASE_URL="https://werk.example.nl", DATABASE_URL=database_url,
               PORTAL_MAIL_SERVER="127.0.0.1", PYTHONPATH=str(ROOT))
    env.update(extra)
    return env
