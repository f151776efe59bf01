from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.clock import utcnow
from portal.db import Base, enum_type


class MachineState(str, enum.Enum):
    pending = "pending"
    done = "done"
    failed = "failed"  # refused too often: the source text stays the only text


class MachineText(Base):
    """A machine translation of a short free text shown to a resident (a recruiter's message,
    tour instructions). `about` names what it belongs to, as the outbox does
    ("application:42"), so it is erased with that thing. The source text is kept only until
    it is translated (the tick needs it); the hash finds the translation afterwards."""

    __tablename__ = "machine_text"
    __table_args__ = (UniqueConstraint("about", "source_hash", "target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    about: Mapped[str] = mapped_column(String(40), index=True)
    source: Mapped[str] = mapped_column(String(5))
    target: Mapped[str] = mapped_column(String(5))
    source_hash: Mapped[str] = mapped_column(String(64))
    source_text: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str | None] = mapped_column(Text)
    state: Mapped[MachineState] = mapped_column(enum_type(MachineState, "state"),
                                                default=MachineState.pending, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    done_at: Mapped[datetime | None]
