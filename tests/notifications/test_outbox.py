"""Mail goes through the outbox: written with the change, sent by `portal tick`, retried with
back-off while the SMTP server is down, never lost, never sent twice."""
from __future__ import annotations

import socket
from datetime import timedelta

from sqlalchemy import select

from portal import clock, db
from portal.clock import utcnow
from portal.notifications.models import OutboxMessage
from portal.notifications.services import queue, send_pending


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens here once the socket is closed


def test_outbox_delivers_after_the_smtp_server_was_down(app, mails, smtp_server):
    queue("werkgever@example.nl", "Nieuwe sollicitaties", "Er zijn 2 nieuwe sollicitaties.")
    db.session.commit()

    app.config["MAIL_PORT"] = _closed_port()  # the mail server is down
    assert send_pending() == (0, 1)
    msg = db.session.scalar(select(OutboxMessage))
    assert msg.sent_at is None and msg.attempts == 1 and msg.last_error
    assert "example.nl" not in msg.last_error  # no addresses in the error column
    assert msg.next_attempt_at > utcnow()  # backs off instead of hammering
    assert send_pending() == (0, 0)  # not due yet: nothing tried

    app.config["MAIL_PORT"] = smtp_server.port_number  # the server is back
    clock.move_to(msg.next_attempt_at + timedelta(seconds=1))
    assert send_pending() == (1, 0)
    assert [m["Subject"] for m in mails] == ["Nieuwe sollicitaties"]
    assert mails[0]["To"] == "werkgever@example.nl"
    assert send_pending() == (0, 0)  # sent once, never twice
    assert len(mails) == 1


def test_outbox_gives_up_after_max_attempts_but_keeps_the_message(app):
    queue("a@example.nl", "Onderwerp", "Tekst")
    db.session.commit()
    app.config["MAIL_PORT"] = _closed_port()
    app.config["MAIL_MAX_ATTEMPTS"] = 3
    for _ in range(3):
        msg = db.session.scalar(select(OutboxMessage))
        clock.move_to(msg.next_attempt_at + timedelta(seconds=1))
        send_pending()
    msg = db.session.scalar(select(OutboxMessage))
    assert msg.attempts == 3 and msg.failed_at is not None and msg.sent_at is None


def test_dedupe_key_queues_one_message(app):
    assert queue("a@example.nl", "Digest", "1", dedupe_key="digest:1:2026-11-27T10") is not None
    assert queue("a@example.nl", "Digest", "2", dedupe_key="digest:1:2026-11-27T10") is None
    db.session.commit()
    assert len(db.session.scalars(select(OutboxMessage)).all()) == 1


def test_without_smtp_settings_mail_is_printed(app, capsys):
    app.config["MAIL_SERVER"] = None
    queue("a@example.nl", "Welkom", "Hallo")
    db.session.commit()
    assert send_pending() == (1, 0)
    assert "Welkom" in capsys.readouterr().out


def test_tick_command_runs_jobs_and_sends_mail(app, mails):
    queue("a@example.nl", "Via tick", "Tekst")
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert result.exit_code == 0, result.output
    assert "mail sent: 1" in result.output
    assert [m["Subject"] for m in mails] == ["Via tick"]
    again = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert "mail sent: 0" in again.output  # idempotent


def test_every_tick_job_exists_and_is_idempotent(app):
    from portal.jobs import JOBS

    now = utcnow()
    for label, job in JOBS:
        job(now)
        db.session.commit()
        assert job(now) == 0, label  # a second run at the same moment finds nothing to do
