from __future__ import annotations

import enum
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.applicants.models import Application
from portal.clock import AMS, utcnow
from portal.db import Base, enum_type
from portal.organisations.models import Organisation
from portal.vacancies.models import Vacancy

if TYPE_CHECKING:
    from portal.accounts.models import User


class TourState(str, enum.Enum):
    requested = "requested"
    confirmed = "confirmed"
    held = "held"
    cancelled = "cancelled"


class Attendance(str, enum.Enum):
    unknown = "unknown"
    attended = "attended"
    no_show = "no_show"


class Tour(Base):
    """A workplace visit (rondleiding) for one or more applicants. The azc coordinator
    confirms it; attendance is recorded afterwards."""

    __tablename__ = "tour"

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    vacancy_id: Mapped[int | None] = mapped_column(ForeignKey("vacancy.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    duration_minutes: Mapped[int] = mapped_column(default=60)
    address: Mapped[str] = mapped_column(String(200))
    meeting_point: Mapped[str] = mapped_column(String(200), default="")
    capacity: Mapped[int]
    what_to_bring: Mapped[str] = mapped_column(Text, default="")
    transport_note: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[TourState] = mapped_column(enum_type(TourState, "state"), default=TourState.requested,
                                             index=True)
    coordinator_note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    confirmed_at: Mapped[datetime | None]
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    held_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]

    organisation: Mapped[Organisation] = relationship()
    vacancy: Mapped[Vacancy | None] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    invites: Mapped[list[TourInvite]] = relationship(
        back_populates="tour", order_by="TourInvite.id", cascade="all, delete-orphan"
    )

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def end_time_local(self) -> str:
        return self.ends_at.astimezone(AMS).strftime("%H:%M")


class TourInvite(Base):
    __tablename__ = "tour_invite"
    __table_args__ = (UniqueConstraint("tour_id", "application_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tour_id: Mapped[int] = mapped_column(ForeignKey("tour.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    attendance: Mapped[Attendance] = mapped_column(enum_type(Attendance, "attendance"), default=Attendance.unknown)
    recorded_at: Mapped[datetime | None]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    # The reminder mail the day before goes out once.
    reminded_at: Mapped[datetime | None]

    tour: Mapped[Tour] = relationship(back_populates="invites")
    application: Mapped[Application] = relationship()
