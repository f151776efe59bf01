"""Aftercare: short check-ins with the employer after a placement starts (first week, six
weeks, three months), so problems surface before the person drops out."""
from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db import Base, enum_type
from portal.placements.models import Placement

if TYPE_CHECKING:
    from portal.accounts.models import User


class CheckKind(str, enum.Enum):
    week1 = "week1"
    week6 = "week6"
    month3 = "month3"


class CheckState(str, enum.Enum):
    scheduled = "scheduled"  # not yet due
    sent = "sent"            # the employer got the link
    answered = "answered"
    overdue = "overdue"      # no answer AFTERCARE_OVERDUE_DAYS after the mail


CONCERNS: tuple[str, ...] = ("language", "schedule", "transport", "conduct", "rights", "other")


class AftercareCheck(Base):
    __tablename__ = "aftercare_check"
    # One check of each kind per placement: scheduling twice changes nothing.
    __table_args__ = (UniqueConstraint("placement_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    placement_id: Mapped[int] = mapped_column(
        ForeignKey("placement.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[CheckKind] = mapped_column(enum_type(CheckKind, "kind"))
    due_on: Mapped[date] = mapped_column(index=True)
    state: Mapped[CheckState] = mapped_column(
        enum_type(CheckState, "state"), default=CheckState.scheduled, index=True
    )
    # The form is for signed-in members; a hash column is kept free for a mailed one-off link.
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    sent_at: Mapped[datetime | None]
    still_working: Mapped[bool | None]
    hours_as_agreed: Mapped[bool | None]
    concerns: Mapped[list[str]] = mapped_column(JSON, default=list)
    comment: Mapped[str | None] = mapped_column(Text)
    wants_contact: Mapped[bool | None]
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    answered_at: Mapped[datetime | None]
    # Set when an answer needs the adviser (a concern, a contact wish, or the work stopped).
    needs_follow_up: Mapped[bool] = mapped_column(default=False, index=True)
    adviser_followed_up_at: Mapped[datetime | None]
    followed_up_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    follow_up_note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    placement: Mapped[Placement] = relationship()
    answered_by: Mapped[User | None] = relationship(foreign_keys=[answered_by_id])
    followed_up_by: Mapped[User | None] = relationship(foreign_keys=[followed_up_by_id])

    @property
    def waiting_for_adviser(self) -> bool:
        return self.needs_follow_up and self.adviser_followed_up_at is None
