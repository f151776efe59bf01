from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from portal.clock import utcnow
from portal.db import Base, enum_type


class Channel(str, enum.Enum):
    mail = "mail"
    sms = "sms"  # to_addr holds an E.164 phone number; sent only when a provider is configured


class OutboxMessage(Base):
    """An email (or text message) written in the same transaction as the change that causes it, sent later by
    `portal tick` / `portal send-mail` with retries, so no mail is lost when SMTP is down."""

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[Channel] = mapped_column(enum_type(Channel, "channel", 8), default=Channel.mail)
    to_addr: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    # Optional key that makes a message unique (e.g. one digest per organisation per hour).
    dedupe_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    # What the mail is about ("application:42"): erasing that erases its mail (a status link,
    # a name) too. A plain key, not a foreign key: the outbox sits below every feature.
    about: Mapped[str | None] = mapped_column(String(60), index=True)
    # Mail to a resident: address, subject and body are blanked once sent or given up.
    resident: Mapped[bool] = mapped_column(default=False)
    kind: Mapped[str | None] = mapped_column(String(80))  # template or label; kept for statistics
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # Set by the sender that is sending it, so a second sender at the same time leaves it.
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    claimed_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None] = mapped_column(index=True)
    failed_at: Mapped[datetime | None]  # gave up after MAIL_MAX_ATTEMPTS, or not sendable at all
    last_error: Mapped[str | None] = mapped_column(String(300))  # never contains addresses
