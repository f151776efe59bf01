from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db import Base, enum_type


class Section(str, enum.Enum):
    """Where a phrase goes on the page. `role` names the job: one per vacancy."""

    role = "role"
    task = "task"  # what you will do
    time = "time"  # when you work
    work = "work"  # what the work is like
    offer = "offer"  # what you get
    need = "need"  # what you need


class TextOrigin(str, enum.Enum):
    typed = "typed"  # written in this language by the employer or the adviser
    machine = "machine"  # made by the provider; shown as machine translation
    reviewed = "reviewed"  # a machine text a person saved: it is theirs now
    waiting = "waiting"  # asked of the provider, not (yet) made: never shown


class Phrase(Base):
    """One phrase of the phrasebook. `text` is Dutch and the catalogue msgid: change it only
    together with the catalogues (the translations are looked up by it)."""

    __tablename__ = "phrase"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    section: Mapped[Section] = mapped_column(enum_type(Section, "section", 8), index=True)
    text: Mapped[str] = mapped_column(String(200))
    icon: Mapped[str | None] = mapped_column(String(20))
    # A phrase with a number ("Je tilt dozen tot %(n)s kilo.") allows number_min..number_max.
    number_min: Mapped[int | None]
    number_max: Mapped[int | None]
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
    curated: Mapped[bool] = mapped_column(default=False)  # from portal/phrases/curated.py
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    @property
    def has_number(self) -> bool:
        return self.number_max is not None


class VacancyPhrase(Base):
    """A phrase the employer ticked for a vacancy (with its number, if the phrase has one)."""

    __tablename__ = "vacancy_phrase"
    __table_args__ = (UniqueConstraint("vacancy_id", "phrase_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"),
                                            index=True)
    phrase_id: Mapped[int] = mapped_column(ForeignKey("phrase.id"), index=True)
    number: Mapped[int | None]

    phrase: Mapped[Phrase] = relationship(lazy="joined")


class TextPerLanguage:
    """The columns of a staff text given in one resident language (a vacancy's, an
    activity's): the title and description there, who made it (`origin`), and the hash of the
    source text it was made from (machine) or checked against (typed, reviewed): a different
    hash means the source text changed since. The owner's key and unique (owner, language)
    are the table's own."""

    language: Mapped[str] = mapped_column(String(5))
    title: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[TextOrigin] = mapped_column(enum_type(TextOrigin, "origin", 10))
    source_hash: Mapped[str] = mapped_column(String(64), default="")
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def shown(self) -> bool:
        return self.origin != TextOrigin.waiting


class VacancyText(TextPerLanguage, Base):
    """A vacancy's title, summary and description in one resident language, typed or made by
    the provider in the background (portal/phrases/machine.py)."""

    __tablename__ = "vacancy_text"
    __table_args__ = (UniqueConstraint("vacancy_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"),
                                            index=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    attempts: Mapped[int] = mapped_column(default=0)  # provider failures while waiting
    next_attempt_at: Mapped[datetime | None]
