"""The outbox is no archive: mail to residents loses its address and text once handled; other
mail a month after it was sent or given up. What stays (kind, times, dedupe key) keeps
statistics and dedupe working."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import clock, db
from portal.notifications.models import OutboxMessage
from portal.notifications.services import KEEP_HANDLED, blank_handled, queue, send_pending
from tests.notifications.test_outbox import _closed_port


def _row(msg_id: int) -> OutboxMessage:
    db.session.expire_all()
    return db.session.get(OutboxMessage, msg_id)


def test_staff_mail_is_blanked_a_month_after_it_was_handled(app, mails):
    staff = queue("adviseur@example.nl", "Nieuwe melding", "Bekijk de melding",
                  dedupe_key="report-new-1-1", kind="reports/mail_new_report.txt")
    waiting = queue("later@example.nl", "Nog niet verstuurd", "Tekst")
    db.session.commit()
    send_pending(limit=1)  # the first is sent, the second still waits
    sent_at = _row(staff.id).sent_at

    assert blank_handled(sent_at + KEEP_HANDLED - timedelta(minutes=1)) == 0
    assert _row(staff.id).to_addr == "adviseur@example.nl"  # a month to answer "did it go out?"

    assert blank_handled(sent_at + KEEP_HANDLED + timedelta(minutes=1)) == 1
    row = _row(staff.id)
    assert (row.to_addr, row.subject, row.body) == ("", "", "")
    assert row.kind == "reports/mail_new_report.txt" and row.sent_at == sent_at
    assert _row(waiting.id).body == "Tekst"  # unsent mail is never touched
    assert queue("adviseur@example.nl", "Nieuwe melding", "x", dedupe_key="report-new-1-1") is None
    assert blank_handled(sent_at + KEEP_HANDLED + timedelta(days=1)) == 0  # idempotent


def test_resident_mail_given_up_is_blanked_at_once(app):
    msg = queue("bewoner@example.nl", "Je sollicitatie", "https://werk.example.nl/s/geheim",
                about="application:7", resident=True)
    db.session.commit()
    app.config["MAIL_PORT"] = _closed_port()  # the server is down: every try fails
    app.config["MAIL_MAX_ATTEMPTS"] = 2
    for _ in range(2):
        clock.move_to(_row(msg.id).next_attempt_at + timedelta(seconds=1))
        send_pending()
    row = _row(msg.id)
    assert row.failed_at is not None
    assert (row.to_addr, row.subject, row.body) == ("", "", "")
    assert db.session.scalar(select(OutboxMessage.about)) == "application:7"
