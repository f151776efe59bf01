from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db import Base, enum_type
from portal.regions.models import Location
from portal.text import latin_letters_only
from portal.vacancies.models import Vacancy

if TYPE_CHECKING:
    from portal.accounts.models import User


class Stage(str, enum.Enum):
    new = "new"
    contacted = "contacted"
    tour = "tour"
    assessment = "assessment"
    offer = "offer"
    hired = "hired"
    rejected = "rejected"
    withdrawn = "withdrawn"
    no_show = "no_show"


OPEN_STAGES = (Stage.new, Stage.contacted, Stage.tour, Stage.assessment, Stage.offer)
ENDED_STAGES = (Stage.hired, Stage.rejected, Stage.withdrawn, Stage.no_show)
OPEN_PHONE_WHERE = text("stage IN ({})".format(", ".join(f"'{s.value}'" for s in OPEN_STAGES)))


class ResidenceStatus(str, enum.Enum):
    asylum_seeker = "asylum_seeker"
    status_holder = "status_holder"
    unknown = "unknown"


class ApplicationSource(str, enum.Enum):
    """The route an application came in by: which one leads to work is a steering question.
    Set once, when the application is made; never personal data, so it survives erasure."""

    poster = "poster"      # a QR poster or the notice-board page of an azc (poster_location set)
    link = "link"          # a direct link: the website, a shared link, the feed
    desk = "desk"          # entered at the Werkbalie by staff, with the resident's consent
    proposal = "proposal"  # an adviser proposed the resident and the resident accepted


class Application(Base):
    """A resident's application. Personal fields are nulled by the retention purge or when
    the resident erases their data; the row stays for anonymous counts."""

    __tablename__ = "application"
    # The recruiter list filters an organisation's vacancies and sorts by date, counting per stage.
    __table_args__ = (
        Index("ix_application_vacancy_created", "vacancy_id", "created_at"),
        Index("ix_application_vacancy_stage", "vacancy_id", "stage"),
        # One open application per vacancy and phone, also when two tabs post at the same
        # moment (the Python check cannot see the other transaction). Erased rows have no phone.
        Index("uq_application_open_phone", "vacancy_id", "phone", unique=True,
              sqlite_where=OPEN_PHONE_WHERE, postgresql_where=OPEN_PHONE_WHERE),
        # The region's figures count applications of a period by these columns: with all of
        # them in the index the database never reads the rows (50,000 applications < 1 s).
        Index("ix_application_figures", "vacancy_id", "created_at", "azc_location_id", "stage",
              "residence_status", "source", "poster_location_id", "ui_language"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(12), unique=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    poster_location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))
    azc_location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"), index=True)
    # personal data
    name: Mapped[str | None] = mapped_column(String(120))  # as typed, often in the own script
    # As on the W-document or ID, in Latin letters: UWV needs it for the work permit (TWV).
    name_latin: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20), index=True)  # E.164
    email: Mapped[str | None] = mapped_column(String(254))
    languages: Mapped[list[dict[str, str]] | None] = mapped_column(JSON)  # [{"lang": "ar", "level": "good"}]
    experience: Mapped[str | None] = mapped_column(Text)
    availability: Mapped[str | None] = mapped_column(Text)
    # not personal on their own; kept for anonymous counts
    residence_status: Mapped[ResidenceStatus] = mapped_column(
        enum_type(ResidenceStatus, "residence_status")
    )
    procedure_long_enough: Mapped[bool | None]
    source: Mapped[ApplicationSource] = mapped_column(
        enum_type(ApplicationSource, "source"), default=ApplicationSource.link
    )
    ui_language: Mapped[str] = mapped_column(String(5))
    keep_one_year: Mapped[bool] = mapped_column(default=False)
    consent_at: Mapped[datetime]
    status_token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    # The status token, encrypted, for one hour: a resent form shows the same link again.
    submission_seal: Mapped[str | None] = mapped_column(String(255))
    stage: Mapped[Stage] = mapped_column(
        enum_type(Stage, "stage"), default=Stage.new, index=True
    )
    stage_reason: Mapped[str | None] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    erased_at: Mapped[datetime | None]

    vacancy: Mapped[Vacancy] = relationship()
    poster_location: Mapped[Location | None] = relationship(foreign_keys=[poster_location_id])
    azc_location: Mapped[Location | None] = relationship(foreign_keys=[azc_location_id])
    events: Mapped[list[ApplicationEvent]] = relationship(
        back_populates="application", order_by="ApplicationEvent.id",
        cascade="all, delete-orphan",
    )

    @property
    def latin_name(self) -> str | None:
        """The name for UWV and other Dutch paperwork: as on the W-document, or the name as
        typed when that is already in Latin letters. None when neither is known (erased)."""
        if self.name_latin:
            return self.name_latin
        return self.name if self.name and latin_letters_only(self.name) else None

    @property
    def both_names(self) -> str:
        """Plain text for labels: "أحمد الخطيب (Ahmad Al-Khatib)", or the one name there is."""
        if self.name_latin and self.name and self.name_latin != self.name:
            return f"{self.name} ({self.name_latin})"
        return self.name or self.name_latin or ""

    @property
    def outbox_key(self) -> str:
        """Marks mail about this application in the outbox, which is erased with it."""
        return f"application:{self.id}"


class ApplicationEvent(Base):
    __tablename__ = "application_event"
    # An application's history in order (in time, then in order of recording: the figures'
    # "step before") with its stages, read by the figures without the rows and, on
    # PostgreSQL, without sorting them for LAG.
    __table_args__ = (Index("ix_application_event_history", "application_id", "created_at", "id",
                            "to_stage", "from_stage"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    from_stage: Mapped[Stage | None] = mapped_column(enum_type(Stage, "from_stage"))
    to_stage: Mapped[Stage] = mapped_column(enum_type(Stage, "to_stage"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))  # None: the resident
    reason: Mapped[str | None] = mapped_column(String(40))
    message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id], viewonly=True)


class ApplicantNote(Base):
    """Recruiter notes, visible to the organisation only."""

    __tablename__ = "applicant_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id], viewonly=True)
