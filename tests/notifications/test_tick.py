"""`portal tick`: each job in its own transaction (one broken job is reported, the others and
the mail still run, the command exits non-zero), and two ticks at once never send a mail twice
(a tick lock, and each message claimed before it is sent). Runs on SQLite and PostgreSQL."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from portal import db
from portal.jobs import JOBS
from portal.locks import exclusive
from portal.notifications.models import OutboxMessage
from portal.notifications.services import queue, send_pending

N = 50
NAME, PHONE = "Samira Haddad", "+31612345678"
ROOT = Path(__file__).resolve().parents[2]


def explode(now: datetime) -> int:
    """A job with a bug: it writes, then raises with personal data in the message."""
    queue("half@example.nl", "Half werk", "Mag nooit verstuurd worden")
    raise RuntimeError(f"{NAME} {PHONE} broke this job")


def count_after(now: datetime) -> int:
    queue("na@example.nl", "Job na de kapotte", "Tekst")
    return 1


def test_a_failing_job_is_reported_and_the_others_and_the_mail_still_run(app, mails, monkeypatch,
                                                                         caplog):
    monkeypatch.setattr("portal.ticker.JOBS", (
        ("broken job", explode), *JOBS, ("job after it", count_after),
    ))
    queue("wacht@example.nl", "Stond al klaar", "Tekst")
    db.session.commit()

    with caplog.at_level(logging.INFO):
        result = app.test_cli_runner().invoke(args=["portal", "tick"])

    assert result.exit_code == 1
    assert "broken job: FAILED (RuntimeError)" in result.output
    assert "job after it: 1" in result.output and "vacancies expired: 0" in result.output
    assert "mail sent: 2, failed: 0" in result.output
    assert sorted(m["Subject"] for m in mails) == ["Job na de kapotte", "Stond al klaar"]
    # the broken job's own writes were rolled back, not sent
    assert db.session.scalar(select(func.count()).where(OutboxMessage.to_addr == "half@example.nl")) == 0
    for text in (result.output, caplog.text):  # job and error type only, never the message
        assert "Samira" not in text and "612345678" not in text
    assert "broken job" in caplog.text


def test_a_tick_without_failures_exits_zero(app, mails):
    result = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert result.exit_code == 0, result.output
    assert "FAILED" not in result.output


def test_a_tick_that_finds_another_running_does_nothing(app, mails):
    queue("a@example.nl", "Wacht op de lopende tick", "Tekst")
    db.session.commit()
    with exclusive("tick") as mine:
        assert mine
        with exclusive("tick") as second:
            assert not second  # not even the same process gets it twice
        result = app.test_cli_runner().invoke(args=["portal", "tick"])
        assert result.exit_code == 0
        assert "another tick is running" in result.output and mails == []
    again = app.test_cli_runner().invoke(args=["portal", "tick"])  # released
    assert "mail sent: 1" in again.output and len(mails) == 1


def _queue_many() -> list[str]:
    subjects = [f"Bericht {i:02d}" for i in range(N)]
    for i, subject in enumerate(subjects):
        queue(f"ontvanger{i}@example.nl", subject, "Tekst")
    db.session.commit()
    return subjects


def test_two_senders_at_once_send_every_message_exactly_once(app, mails):
    """No tick lock here: the claim on each message alone keeps two senders apart."""
    subjects = _queue_many()
    start = threading.Barrier(2)

    def sender() -> tuple[int, int]:
        with app.app_context():
            start.wait()
            return send_pending()

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = [f.result() for f in [pool.submit(sender) for _ in range(2)]]

    assert Counter(m["Subject"] for m in mails) == Counter(subjects)  # each once, none lost
    assert sum(sent for sent, _failed in results) == N
    assert db.session.scalar(select(func.count()).where(OutboxMessage.sent_at.is_(None))) == 0


@pytest.fixture
def tick_env(app, database_url, smtp_server):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PORTAL_")}
    env.update(PORTAL_ENV="testing", PORTAL_SECRET_KEY="test-secret-key-not-for-production",
               DATABASE_URL=database_url, PORTAL_MAIL_SERVER="127.0.0.1",
               PORTAL_MAIL_PORT=str(smtp_server.port_number),
               PORTAL_BASE_URL="https://werk.example.nl")
    return env


def test_two_tick_processes_at_once_send_every_message_exactly_once(app, mails, tick_env):
    """As cron on two hosts: two `flask portal tick` processes on one database."""
    subjects = _queue_many()
    cmd = [sys.executable, "-m", "flask", "--app", "wsgi", "portal", "tick"]
    procs = [subprocess.Popen(cmd, cwd=ROOT, env=tick_env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120)[0] for p in procs]

    assert [p.returncode for p in procs] == [0, 0], outputs
    assert Counter(m["Subject"] for m in mails) == Counter(subjects)  # each once, none lost
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).where(OutboxMessage.sent_at.is_(None))) == 0
