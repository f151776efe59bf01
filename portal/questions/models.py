"""Questions from an organisation to its adviser, and FAQ drafts made from the answers."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db import Base, enum_type
from portal.organisations.models import Organisation
from portal.vacancies.models import Vacancy

if TYPE_CHECKING:
    from portal.accounts.models import User


class QuestionState(str, enum.Enum):
    open = "open"          # waiting for the adviser
    answered = "answered"  # the adviser replied last
    closed = "closed"


class Question(Base):
    __tablename__ = "question"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    asked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    subject: Mapped[str] = mapped_column(String(200))
    vacancy_id: Mapped[int | None] = mapped_column(ForeignKey("vacancy.id"))
    placement_id: Mapped[int | None] = mapped_column(ForeignKey("placement.id"))
    state: Mapped[QuestionState] = mapped_column(
        enum_type(QuestionState, "state"), default=QuestionState.open, index=True
    )
    adviser_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    first_answered_at: Mapped[datetime | None]
    # Since when the organisation has been waiting for an answer (None: not waiting). The
    # inbox sorts on it, so a follow-up question after an answer queues like a new one.
    waiting_since: Mapped[datetime | None] = mapped_column(index=True)
    last_activity_at: Mapped[datetime] = mapped_column(default=utcnow)

    organisation: Mapped[Organisation] = relationship()
    asked_by: Mapped[User | None] = relationship(foreign_keys=[asked_by_id])
    adviser: Mapped[User | None] = relationship(foreign_keys=[adviser_id])
    vacancy: Mapped[Vacancy | None] = relationship()
    messages: Mapped[list[Message]] = relationship(
        back_populates="question", order_by="Message.id", cascade="all, delete-orphan"
    )


class Message(Base):
    __tablename__ = "question_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # Kept on the message: a later role change must not move a reply to the other side.
    from_adviser: Mapped[bool] = mapped_column(default=False)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    question: Mapped[Question] = relationship(back_populates="messages")
    author: Mapped[User | None] = relationship()


class FaqDraft(Base):
    """A suggested FAQ text for the content editors. The row is the source of truth (the app
    runs on several stateless workers); the Markdown file in FAQ_DRAFTS_DIR is a convenience."""

    __tablename__ = "faq_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int | None] = mapped_column(
        ForeignKey("question.id", ondelete="SET NULL"), index=True
    )
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    question_text: Mapped[str] = mapped_column(Text)
    answer_text: Mapped[str] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    created_by: Mapped[User | None] = relationship()
