"""Outbox: queue mail inside the business transaction; deliver later with retries.

Three promises hold here, whatever callers put in a message:
- one bad message never stops the others (it is marked failed with its reason);
- two senders running at once (cron on two hosts) never send a message twice: each message is
  claimed with a conditional UPDATE before it is sent;
- mail to residents does not stay: once sent or given up, its address, subject and body are
  blanked (they hold a status link and personal data), and `forget` removes every message
  about something that is erased."""
from __future__ import annotations

import logging
import os
import re
import smtplib
import socket
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

from flask import Config, current_app, render_template
from sqlalchemy import delete, or_, select, update

from portal import db
from portal.clock import utcnow
from portal.notifications.models import Channel, OutboxMessage
from portal.text import clean_line, has_control_characters

log = logging.getLogger(__name__)

_ADDRESS = re.compile(r"[^@\s\"<>(),;:\\\[\]]+@[^@\s\"<>(),;:\\\[\]]+\.[^@\s\"<>(),;:\\\[\]]+")
# A claim older than this belongs to a sender that died mid-message; another may take it over.
CLAIM_TIMEOUT = timedelta(minutes=15)
_WHO = f"{socket.gethostname()[:60]}:{os.getpid()}"
# Handled staff mail stays readable this long ("did the invitation go out, to which address?").
KEEP_HANDLED = timedelta(days=30)


class Unsendable(ValueError):
    """A message no retry can mend; the text is its reason (never holds the address)."""


def queue(to: str, subject: str, body: str, *, dedupe_key: str | None = None,
          about: str | None = None, resident: bool = False,
          kind: str | None = None) -> OutboxMessage | None:
    """Add a message to the outbox (flushes, never commits). With a dedupe_key a second
    message with the same key is silently dropped (e.g. one digest per hour). `about` names
    what the mail is about ("application:42") so `forget` can erase it with that thing;
    `resident` marks mail to a resident, whose address and text are blanked once handled."""
    if dedupe_key is not None:
        exists = db.session.scalar(
            select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key)
        )
        if exists:
            return None
    # A line break in a header ends it early (header injection) and makes the email library
    # refuse the whole message, so subjects are one clean line whatever a name or title held.
    # An address is never repaired into another one: its control characters become spaces,
    # which makes it unsendable (failed with its reason at send time). PostgreSQL refuses NUL.
    to_addr = "".join(" " if has_control_characters(c) else c for c in (to or "").strip())
    msg = OutboxMessage(to_addr=to_addr[:254], subject=clean_line(subject, 300),
                        body=body.replace("\x00", ""), dedupe_key=dedupe_key, about=about,
                        resident=resident, kind=kind)
    db.session.add(msg)
    db.session.flush()
    return msg


def queue_template(to: str, subject: str, template: str, *, about: str | None = None,
                   resident: bool = False, **context: Any) -> OutboxMessage | None:
    dedupe_key = context.pop("dedupe_key", None)
    body = render_template(template, **context)
    return queue(to, subject, body, dedupe_key=dedupe_key, about=about, resident=resident,
                 kind=template[:80])


def forget(about: str) -> int:
    """Erase every message about `about`, sent or not: after an erasure nothing of the person
    is mailed any more and nothing of them stays in the outbox. Flushes; returns the count."""
    result = db.session.execute(
        delete(OutboxMessage).where(OutboxMessage.about == about)
        .execution_options(synchronize_session="fetch")
    )
    return db.rowcount(result)


def blank_handled(now: datetime) -> int:
    """Job for `portal tick`: a month after mail was sent or given up, staff mail keeps only
    what statistics and dedupe need, as resident mail does at once. Returns how many."""
    cutoff = now - KEEP_HANDLED
    result = db.session.execute(
        update(OutboxMessage)
        .where(or_(OutboxMessage.sent_at < cutoff, OutboxMessage.failed_at < cutoff),
               or_(OutboxMessage.to_addr != "", OutboxMessage.subject != "",
                   OutboxMessage.body != ""))
        .values(to_addr="", subject="", body="")
        .execution_options(synchronize_session=False)
    )
    return db.rowcount(result)


def _backoff(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** attempts, 240))


def send_pending(limit: int = 200) -> tuple[int, int]:
    """Send due messages; returns (sent, failed). Each message is claimed, sent and marked in
    its own short transactions, so a crash never sends a batch twice, a failure never loses a
    message, and a message another sender claimed is left to it."""
    cfg = current_app.config
    ids = due_ids(Channel.mail, limit)
    sent = failed = 0
    smtp: smtplib.SMTP | None = None
    down: Exception | None = None  # the server could not be reached: the rest waits too
    try:
        for msg_id in ids:
            msg = _claim(msg_id)
            if msg is None:
                continue  # another sender has it, or has already sent it
            now = utcnow()
            try:
                email = _email(msg, cfg["MAIL_FROM"])
            except (ValueError, TypeError, UnicodeError) as exc:
                reason = str(exc) if isinstance(exc, Unsendable) else type(exc).__name__
                _give_up(msg, reason, now)
                failed += 1
                db.session.commit()
                continue
            if not cfg["MAIL_SERVER"]:  # development (production refuses to start without one)
                print(f"--- mail to {msg.to_addr}: {msg.subject}\n{msg.body}\n---", flush=True)
                _sent(msg, now)
                sent += 1
                db.session.commit()
                continue
            if smtp is None and down is None:
                try:
                    smtp = _connect(cfg)
                except (OSError, smtplib.SMTPException) as exc:
                    down = exc
            if down is not None:
                _failed(msg, down, now)
                failed += 1
            elif smtp is not None:  # always so here: connected above, or `down` is set
                try:
                    smtp.send_message(email)
                    _sent(msg, now)
                    sent += 1
                except Exception as exc:  # noqa: BLE001 - one message never stops the others
                    _failed(msg, exc, now)
                    failed += 1
                    if isinstance(exc, (OSError, smtplib.SMTPServerDisconnected)):
                        smtp = None  # connect again for the next message
            db.session.commit()
    finally:
        if smtp is not None:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                pass
    return sent, failed


def due_ids(channel: Channel, limit: int) -> list[int]:
    """Ids of the messages of one channel that are due (text messages have their own sender:
    portal/notifications/sms.py)."""
    ids = db.session.scalars(
        select(OutboxMessage.id)
        .where(OutboxMessage.channel == channel, OutboxMessage.sent_at.is_(None),
               OutboxMessage.failed_at.is_(None), OutboxMessage.next_attempt_at <= utcnow())
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    db.session.commit()  # no read transaction stays open while claiming (SQLite would refuse)
    return list(ids)


def _claim(msg_id: int) -> OutboxMessage | None:
    """Take one due message for this sender, or None when another sender has it. The
    conditional UPDATE is atomic on both databases: of two senders exactly one sees rowcount 1."""
    now = utcnow()
    result = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == msg_id, OutboxMessage.sent_at.is_(None),
               OutboxMessage.failed_at.is_(None), OutboxMessage.next_attempt_at <= now,
               or_(OutboxMessage.claimed_at.is_(None),
                   OutboxMessage.claimed_at < now - CLAIM_TIMEOUT))
        .values(claimed_by=_WHO, claimed_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if db.rowcount(result) != 1:
        return None
    return db.session.get(OutboxMessage, msg_id, populate_existing=True)


def _connect(cfg: Config) -> smtplib.SMTP:
    smtp = smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=20)
    if cfg["MAIL_STARTTLS"]:
        smtp.starttls()
    if cfg["MAIL_USERNAME"]:
        smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"] or "")
    return smtp


def _sent(msg: OutboxMessage, now: datetime) -> None:
    msg.sent_at = now
    _blank_if_resident(msg)


def _failed(msg: OutboxMessage, exc: Exception, now: datetime) -> None:
    msg.attempts += 1
    msg.last_error = type(exc).__name__  # no addresses or content in the error column/log
    msg.claimed_by = msg.claimed_at = None  # free for the next try
    if msg.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
        msg.failed_at = now
        _blank_if_resident(msg)
        log.error("outbox message %s gave up after %s attempts", msg.id, msg.attempts)
    else:
        msg.next_attempt_at = now + _backoff(msg.attempts)
        log.warning("outbox message %s failed (%s), retry later", msg.id, msg.last_error)


def _give_up(msg: OutboxMessage, reason: str, now: datetime) -> None:
    """A message no retry can mend (a line break in the address, a header the email library
    refuses): failed at once with its reason, so it never blocks the queue."""
    msg.attempts += 1
    msg.failed_at = now
    msg.last_error = reason[:300]
    _blank_if_resident(msg)
    log.error("outbox message %s not sendable (%s)", msg.id, reason)


def _blank_if_resident(msg: OutboxMessage) -> None:
    # The template name (kind), times, attempts and dedupe key stay for statistics and dedupe.
    if msg.resident:
        msg.to_addr = msg.subject = msg.body = ""


def _email(msg: OutboxMessage, sender: str) -> EmailMessage:
    """Raises Unsendable for an address no server should get (also for rows queued before
    subjects were cleaned here), ValueError for what the email library refuses."""
    if has_control_characters(msg.to_addr) or not _ADDRESS.fullmatch(msg.to_addr or ""):
        raise Unsendable("invalid address")
    email = EmailMessage()
    email["From"] = sender
    email["To"] = msg.to_addr
    email["Subject"] = clean_line(msg.subject, 300)
    email["Message-ID"] = make_msgid(idstring=f"outbox{msg.id}")
    email.set_content(msg.body)
    return email
