"""Profiles of residents who want to be found for work, the proposals advisers make with them,
employers' requests for candidates, and the counts that outlive both.

A profile holds personal data of vulnerable people: it exists only while its consent runs
(expires_at), and withdrawal or expiry deletes the row, its languages, work wishes and
proposals (ON DELETE CASCADE). What the figures need afterwards is in TalentTally, written when
things happen, never derived from the rows later."""
from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.applicants.models import Application
from portal.clock import utcnow
from portal.db import Base, enum_type
from portal.regions.models import Location, Region
from portal.vacancies.models import Vacancy

if TYPE_CHECKING:
    from portal.accounts.models import User

# How long a profile lives from its consent or last renewal, and how long before its end the
# resident is reminded: settings TALENT_CONSENT_MONTHS and TALENT_REMIND_WEEKS (the privacy
# page shows the same numbers).
EXPERIENCE_MAX = 500
HOURS_MAX = 60
TRAVEL_MAX = 240  # minutes by public transport from the azc


class Availability(str, enum.Enum):
    full_time = "full_time"
    part_time = "part_time"
    evenings_weekends = "evenings_weekends"
    flexible = "flexible"  # any of these: "whatever the job needs"


class Residence(str, enum.Enum):
    """What decides whether an employer may hire at all. Asylum seekers may work with a TWV
    (applied for by the employer) once their procedure has run 6 months; status holders
    need none (domain.md)."""

    status_holder = "status_holder"
    asylum_over_6_months = "asylum_over_6_months"  # TWV possible
    asylum_under_6_months = "asylum_under_6_months"  # not yet
    unknown = "unknown"


TWV_POSSIBLE = (Residence.status_holder, Residence.asylum_over_6_months)


class LanguageLevel(str, enum.Enum):
    basic = "basic"
    good = "good"
    fluent = "fluent"
    native = "native"


LEVEL_ORDER = {level: n for n, level in enumerate(LanguageLevel)}  # basic 0 .. native 3


class ProposalState(str, enum.Enum):
    open = "open"  # waiting for the resident
    accepted = "accepted"  # an application was made
    declined = "declined"
    expired = "expired"  # 7 days without an answer
    cancelled = "cancelled"  # the vacancy closed or the adviser withdrew it


class TallyKind(str, enum.Enum):
    profile_created = "profile_created"  # by the resident
    profile_assisted = "profile_assisted"  # at the desk, by staff with the resident present
    profile_renewed = "profile_renewed"
    profile_expired = "profile_expired"
    profile_withdrawn = "profile_withdrawn"
    proposal_made = "proposal_made"
    proposal_accepted = "proposal_accepted"
    proposal_declined = "proposal_declined"
    proposal_expired = "proposal_expired"
    proposal_cancelled = "proposal_cancelled"


class Profile(Base):
    """One resident who agreed that advisers of their region may see this and propose them
    for jobs. The whole row is personal data; it is deleted, never blanked."""

    __tablename__ = "talent_profile"
    __table_args__ = (
        CheckConstraint("hours_per_week BETWEEN 1 AND 60", name="hours_per_week"),
        CheckConstraint("travel_minutes BETWEEN 0 AND 240", name="travel_minutes"),
        CheckConstraint("expires_at > consent_at", name="period"),
        # The adviser's search: profiles of the azc's of a region that still run.
        Index("ix_talent_profile_location_expires", "location_id", "expires_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # The private link, as for sign-ups (activities/links.py): the hash finds the row, the
    # nonce with SECRET_KEY rebuilds the link for the reminder.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    link_nonce: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(120))  # as typed, often in the own script
    name_latin: Mapped[str | None] = mapped_column(String(120))  # as on the W-document
    # E.164; one profile per phone, also when two forms arrive at the same moment.
    phone: Mapped[str] = mapped_column(String(20), unique=True)
    email: Mapped[str | None] = mapped_column(String(254))
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), index=True)
    ui_language: Mapped[str] = mapped_column(String(5), default="nl")
    availability: Mapped[Availability] = mapped_column(
        enum_type(Availability, "availability", 20))
    hours_per_week: Mapped[int | None]
    residence: Mapped[Residence] = mapped_column(enum_type(Residence, "residence", 24))
    travel_minutes: Mapped[int] = mapped_column(default=30)
    attended_training: Mapped[bool] = mapped_column(default=False)
    experience: Mapped[str | None] = mapped_column(String(EXPERIENCE_MAX))
    # Staff who made it at the desk with the resident present; None: the resident alone.
    assisted_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    assisted: Mapped[bool] = mapped_column(default=False)  # stays True when that account goes
    consent_at: Mapped[datetime] = mapped_column(default=utcnow)  # first consent or last renewal
    expires_at: Mapped[datetime] = mapped_column(index=True)
    reminded_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    location: Mapped[Location] = relationship()
    assisted_by: Mapped[User | None] = relationship(foreign_keys=[assisted_by_id], viewonly=True)
    # Deleted with the profile by the ORM as well as by ON DELETE CASCADE: erasure does not
    # depend on the connection having SQLite's foreign keys switched on.
    languages: Mapped[list[ProfileLanguage]] = relationship(
        back_populates="profile", cascade="all, delete-orphan",
        order_by="ProfileLanguage.language")
    work: Mapped[list[ProfileWork]] = relationship(
        back_populates="profile", cascade="all, delete-orphan", order_by="ProfileWork.kind")
    proposals: Mapped[list[Proposal]] = relationship(
        back_populates="profile", cascade="all, delete-orphan",
        order_by="Proposal.created_at.desc()")

    @property
    def outbox_key(self) -> str:
        """Marks mail and text messages about this profile, erased with it."""
        return f"talent-profile:{self.id}"

    @property
    def latin_name(self) -> str:
        return self.name_latin or self.name

    @property
    def both_names(self) -> str:
        """Plain text for labels: "ሰላም ተስፋይ (Selam Tesfay)", or the one name there is."""
        if self.name_latin and self.name_latin != self.name:
            return f"{self.name} ({self.name_latin})"
        return self.name

    @property
    def twv_possible(self) -> bool:
        return self.residence in TWV_POSSIBLE

    @property
    def kinds(self) -> list[str]:
        return [w.kind for w in self.work]


class ProfileLanguage(Base):
    __tablename__ = "talent_profile_language"
    # "Who speaks Tigrinya at least well": the search starts from the language.
    __table_args__ = (Index("ix_talent_profile_language_language_level", "language", "level"),)

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("talent_profile.id", ondelete="CASCADE"), primary_key=True)
    language: Mapped[str] = mapped_column(String(5), primary_key=True)  # ISO code, or "other"
    level: Mapped[LanguageLevel] = mapped_column(enum_type(LanguageLevel, "level", 8))

    profile: Mapped[Profile] = relationship(back_populates="languages")


class ProfileWork(Base):
    """A kind of work wanted: the key of a role phrase of the phrasebook ("role.cleaner"), so
    it meets the role an employer ticked on a vacancy, or "sector.<code>" for a sector of
    organisations/forms.py SECTORS."""

    __tablename__ = "talent_profile_work"
    __table_args__ = (Index("ix_talent_profile_work_kind", "kind"),)

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("talent_profile.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)

    profile: Mapped[Profile] = relationship(back_populates="work")


class Proposal(Base):
    """An adviser proposes a profile for a vacancy; the resident accepts (an application is
    made, source "proposal") or declines, or lets 7 days pass. One per resident and vacancy,
    also when two advisers press at the same moment (the unique constraint, whose index also
    serves the look-up by profile)."""

    __tablename__ = "talent_proposal"
    __table_args__ = (
        UniqueConstraint("profile_id", "vacancy_id"),
        Index("ix_talent_proposal_state_created", "state", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("talent_profile.id", ondelete="CASCADE"))
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    adviser_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"),
                                                   index=True)
    state: Mapped[ProposalState] = mapped_column(
        enum_type(ProposalState, "state"), default=ProposalState.open)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]  # accepted, declined, expired or cancelled
    adviser_told_at: Mapped[datetime | None]  # the adviser heard of a decline or the silence
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("application.id", ondelete="SET NULL"))

    profile: Mapped[Profile] = relationship(back_populates="proposals")
    vacancy: Mapped[Vacancy] = relationship()
    adviser: Mapped[User | None] = relationship(foreign_keys=[adviser_id], viewonly=True)
    application: Mapped[Application | None] = relationship()

    @property
    def outbox_key(self) -> str:
        return f"talent-proposal:{self.id}"


class MatchRequest(Base):
    """An employer or agency asked its adviser for candidates for a vacancy ("help me find
    candidates"): the vacancy is on the adviser's matching list until handled."""

    __tablename__ = "talent_match_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"),
                                            unique=True)
    requested_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    handled_at: Mapped[datetime | None]

    vacancy: Mapped[Vacancy] = relationship()
    requested_by: Mapped[User | None] = relationship(foreign_keys=[requested_by_id],
                                                     viewonly=True)


class TalentTally(Base):
    """Counts per month (its first day), azc and kind of event: what the figures show after
    the profiles and proposals are gone. The region is kept as it was then, so a location
    that moves to another region later does not rewrite history."""

    __tablename__ = "talent_tally"
    __table_args__ = (Index("ix_talent_tally_region_month", "region_id", "month"),)

    month: Mapped[date] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), primary_key=True)
    kind: Mapped[TallyKind] = mapped_column(enum_type(TallyKind, "kind", 24), primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"))
    count: Mapped[int] = mapped_column(default=0)

    location: Mapped[Location] = relationship()
    region: Mapped[Region] = relationship()
