from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db import Base, enum_type
from portal.organisations.models import Organisation
from portal.regions.models import Location


class VacancyStatus(str, enum.Enum):
    draft = "draft"
    published = "published"
    closed = "closed"
    filled = "filled"
    expired = "expired"
    suspended = "suspended"


class ContractType(str, enum.Enum):
    temporary = "temporary"
    fixed_term = "fixed_term"
    permanent = "permanent"
    on_call = "on_call"  # oproep / nul-urencontract


class Level(str, enum.Enum):
    none = "none"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"


class MinimumWage(Base):
    """Statutory minimum wage per hour (21+), valid from a date. Admins add rows."""

    __tablename__ = "minimum_wage"

    id: Mapped[int] = mapped_column(primary_key=True)
    valid_from: Mapped[date] = mapped_column(unique=True)
    cents_per_hour: Mapped[int]


class Vacancy(Base):
    __tablename__ = "vacancy"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)  # printed on posters: never change
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    title: Mapped[str] = mapped_column(String(120))
    summary: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    text_language: Mapped[str] = mapped_column(String(5), default="nl")  # of the employer's text
    city: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(String(200), default="")
    hours_min: Mapped[int]
    hours_max: Mapped[int]
    contract_type: Mapped[ContractType] = mapped_column(enum_type(ContractType, "contract_type"))
    wage_min_cents: Mapped[int]
    wage_max_cents: Mapped[int | None]
    dutch_level: Mapped[Level] = mapped_column(enum_type(Level, "dutch_level", 8), default=Level.none)
    english_level: Mapped[Level] = mapped_column(enum_type(Level, "english_level", 8), default=Level.none)
    safety_critical: Mapped[bool] = mapped_column(default=False)
    open_to_asylum: Mapped[bool] = mapped_column(default=True)
    open_to_status: Mapped[bool] = mapped_column(default=True)
    tour_offered: Mapped[bool] = mapped_column(default=False)
    positions: Mapped[int] = mapped_column(default=1)
    start_date: Mapped[date]
    closing_date: Mapped[date] = mapped_column(index=True)
    client_name: Mapped[str | None] = mapped_column(String(200))  # inlener, agencies only
    status: Mapped[VacancyStatus] = mapped_column(
        enum_type(VacancyStatus, "status"), default=VacancyStatus.draft, index=True
    )
    status_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    # filled | not_filled | withdrawn: why the employer closed it (status says filled/closed)
    close_outcome: Mapped[str | None] = mapped_column(String(16))
    extension_reason: Mapped[str | None] = mapped_column(Text)  # last closing-date extension
    # When the printed poster last changed (publish, edit, restore): older prints must be replaced.
    poster_changed_at: Mapped[datetime | None]

    organisation: Mapped[Organisation] = relationship()
    postings: Mapped[list[VacancyLocation]] = relationship(
        back_populates="vacancy", cascade="all, delete-orphan"
    )

    @property
    def current_postings(self) -> list[VacancyLocation]:
        return [p for p in self.postings if p.removed_at is None]

    @property
    def locations(self) -> list[Location]:
        return [p.location for p in self.current_postings]


class VacancyLocation(Base):
    """A vacancy posted at an azc: the poster on that notice board."""

    __tablename__ = "vacancy_location"
    __table_args__ = (UniqueConstraint("vacancy_id", "location_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"))
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), index=True)
    printed_at: Mapped[datetime | None]  # by the coordinator
    taken_down_at: Mapped[datetime | None]
    # The employer dropped this azc while a printed poster may still hang: kept until taken down.
    removed_at: Mapped[datetime | None]

    vacancy: Mapped[Vacancy] = relationship(back_populates="postings")
    location: Mapped[Location] = relationship()
