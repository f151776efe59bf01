"""The Werkbalie agenda: times at which an adviser or coordinator sits at the desk of an azc
(weekly or once), cut into short slots, and the appointments residents book in them. Slots
are not stored: an appointment names its series and start, and the database keeps one
appointment per slot and one future appointment per phone number."""
from __future__ import annotations

import enum
from datetime import date, datetime, time
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.applicants.models import Application
from portal.clock import AMS, utcnow
from portal.db import Base, enum_type
from portal.regions.models import Location

if TYPE_CHECKING:
    from portal.accounts.models import User


class AppointmentStatus(str, enum.Enum):
    booked = "booked"
    cancelled = "cancelled"
    attended = "attended"
    no_show = "no_show"
    past = "past"  # its time went by without a mark: it no longer holds the phone number


_TAKEN_WHERE = text("status <> 'cancelled'")
_BOOKED_WHERE = text("status = 'booked'")


class SlotSeries(Base):
    """Desk hours: every week on `weekday` from first_day to last_day, or once (weekday None,
    first_day == last_day), from start_time to end_time (Dutch time) in slots of slot_minutes."""

    __tablename__ = "werkbalie_series"
    __table_args__ = (
        CheckConstraint("end_time > start_time", name="times"),
        CheckConstraint("last_day >= first_day", name="days"),
        CheckConstraint("slot_minutes BETWEEN 5 AND 120", name="slot_minutes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), index=True)
    host: Mapped[str] = mapped_column(String(120))  # "UWV werkgeversadviseur", shown to residents
    weekday: Mapped[int | None]  # 0 = Monday; None = one day only
    first_day: Mapped[date]
    last_day: Mapped[date]
    start_time: Mapped[time]
    end_time: Mapped[time]
    slot_minutes: Mapped[int] = mapped_column(default=15)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)  # spoken at the desk
    place: Mapped[str] = mapped_column(String(200), default="")  # room at the azc
    active: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    location: Mapped[Location] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id], viewonly=True)


class Appointment(Base):
    """One talk at the desk. Personal data and the outcome note go when their retention ends
    (as for applications); the row goes with them."""

    __tablename__ = "werkbalie_appointment"
    __table_args__ = (
        Index("uq_werkbalie_appointment_slot", "series_id", "starts_at", unique=True,
              sqlite_where=_TAKEN_WHERE, postgresql_where=_TAKEN_WHERE),
        Index("uq_werkbalie_appointment_phone", "phone", unique=True,
              sqlite_where=_BOOKED_WHERE, postgresql_where=_BOOKED_WHERE),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("werkbalie_series.id"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    status: Mapped[AppointmentStatus] = mapped_column(
        enum_type(AppointmentStatus, "status"), default=AppointmentStatus.booked)
    # personal data
    name: Mapped[str] = mapped_column(String(120))
    name_latin: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str] = mapped_column(String(20))  # E.164
    email: Mapped[str | None] = mapped_column(String(254))
    language: Mapped[str | None] = mapped_column(String(5))  # they would like to talk in
    ui_language: Mapped[str] = mapped_column(String(5), default="nl")
    keep_longer: Mapped[bool] = mapped_column(default=False)
    consent_at: Mapped[datetime] = mapped_column(default=utcnow)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    link_nonce: Mapped[str] = mapped_column(String(32))
    # Staff who booked it at the desk (None: the resident, from a poster or the board page).
    booked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancelled_at: Mapped[datetime | None]
    marked_at: Mapped[datetime | None]
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    outcome_note: Mapped[str | None] = mapped_column(Text)  # short; no sensitive categories
    outcome_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    outcome_at: Mapped[datetime | None]
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("application.id", ondelete="SET NULL"))

    series: Mapped[SlotSeries] = relationship()
    location: Mapped[Location] = relationship()
    application: Mapped[Application | None] = relationship()
    booked_by: Mapped[User | None] = relationship(foreign_keys=[booked_by_id], viewonly=True)
    outcome_by: Mapped[User | None] = relationship(foreign_keys=[outcome_by_id], viewonly=True)

    @property
    def outbox_key(self) -> str:
        return f"appointment:{self.id}"

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(AMS)

    @property
    def latin_name(self) -> str:
        return self.name_latin or self.name
