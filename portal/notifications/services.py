"""Outbox: queue mail inside the business transaction; deliver later with retries."""
from __future__ import annotations

import logging
import smtplib
from datetime import timedelta
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app, render_template
from sqlalchemy import select

from portal import db
from portal.clock import utcnow
from portal.notifications.models import OutboxMessage

log = logging.getLogger(__name__)


def queue(to: str, subject: str, body: str, *, dedupe_key: str | None = None) -> OutboxMessage | None:
    """Add a message to the outbox (flushes, never commits). With a dedupe_key a second
    message with the same key is silently dropped (e.g. one digest per hour)."""
    if dedupe_key is not None:
        exists = db.session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key)
        )
        if exists:
            return None
    msg = OutboxMessage(to_addr=to, subject=subject, body=body, dedupe_key=dedupe_key)
    db.session.add(msg)
    db.session.flush()
    return msg


def queue_template(to: str, subject: str, template: str, **context) -> OutboxMessage | None:
    dedupe_key = context.pop("dedupe_key", None)
    body = render_template(template, **context)
    return queue(to, subject, body, dedupe_key=dedupe_key)


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** attempts, 240))


def send_pending(limit: int = 200) -> tuple[int, int]:
    """Send due messages; returns (sent, failed). Commits after each message so a crash
    never sends a message twice in bulk and a failure never loses one."""
    cfg = current_app.config
    now = utcnow()
    due = db.session.scalars(
        select(OutboxMessage)
        .where(
            OutboxMessage.sent_at.is_(None),
            OutboxMessage.failed_at.is_(None),
            OutboxMessage.next_attempt_at <= now,
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    if not due:
        return 0, 0
    if not cfg["MAIL_SERVER"]:
        for msg in due:  # development: print instead of sending
            print(f"--- mail to {msg.to_addr}: {msg.subject}\n{msg.body}\n---", flush=True)
            msg.sent_at = now
        db.session.commit()
        return len(due), 0

    sent = failed = 0
    smtp = None
    try:
        smtp = _connect(cfg)
    except (OSError, smtplib.SMTPException) as exc:
        for msg in due:
            _failed(msg, exc, now)
        db.session.commit()
        return 0, len(due)
    try:
        for msg in due:
            try:
                smtp.send_message(_email(msg, cfg["MAIL_FROM"]))
                msg.sent_at = utcnow()
                sent += 1
            except (OSError, smtplib.SMTPException) as exc:
                _failed(msg, exc, now)
                failed += 1
            db.session.commit()
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            pass
    return sent, failed


def _connect(cfg) -> smtplib.SMTP:
    smtp = smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=20)
    if cfg["MAIL_STARTTLS"]:
        smtp.starttls()
    if cfg["MAIL_USERNAME"]:
        smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"] or "")
    return smtp


def _failed(msg: OutboxMessage, exc: Exception, now) -> None:
    msg.attempts += 1
    msg.last_error = type(exc).__name__  # no addresses or content in the error column/log
    if msg.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
        msg.failed_at = now
        log.error("outbox message %s gave up after %s attempts", msg.id, msg.attempts)
    else:
        msg.next_attempt_at = now + _backoff(msg.attempts)
        log.warning("outbox message %s failed (%s), retry later", msg.id, msg.last_error)


def _email(msg: OutboxMessage, sender: str) -> EmailMessage:
    email = EmailMessage()
    email["From"] = sender
    email["To"] = msg.to_addr
    email["Subject"] = msg.subject
    email["Message-ID"] = make_msgid(idstring=f"outbox{msg.id}")
    email.set_content(msg.body)
    return email

