"""Reports of dubious job offers. Never shown to any organisation: only advisers of the
region (and admins) read them; the reporter may stay anonymous."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db import Base, enum_type
from portal.organisations.models import Organisation
from portal.regions.models import Location, Region
from portal.vacancies.models import Vacancy

if TYPE_CHECKING:
    from portal.accounts.models import User

# Exploitation signals of the Nederlandse Arbeidsinspectie (see shared/domain.md); stored as
# these keys so labels can be reworded or translated without touching the data.
SIGNALS: tuple[str, ...] = (
    "no_contract",
    "pay_below_minimum_or_late",
    "unpaid_trial",
    "cash_pay",
    "documents_taken",
    "long_days",
    "housing_tied",
    "pressure",
    "debt",
    "other",
)


class ReportState(str, enum.Enum):
    new = "new"
    investigating = "investigating"
    forwarded = "forwarded"
    closed = "closed"


TRANSITIONS: dict[ReportState, frozenset[ReportState]] = {
    ReportState.new: frozenset({ReportState.investigating, ReportState.closed}),
    ReportState.investigating: frozenset({ReportState.forwarded, ReportState.closed}),
    ReportState.forwarded: frozenset({ReportState.closed}),
    ReportState.closed: frozenset(),
}


class ReporterType(str, enum.Enum):
    resident = "resident"
    coa_staff = "coa_staff"
    employer = "employer"
    other = "other"


class ForwardedTo(str, enum.Enum):
    arbeidsinspectie = "arbeidsinspectie"
    municipality = "municipality"
    police = "police"
    other = "other"


class Report(Base):
    __tablename__ = "report"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)  # the reporter's reference
    vacancy_id: Mapped[int | None] = mapped_column(ForeignKey("vacancy.id"), index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id"), index=True)
    employer_name: Mapped[str] = mapped_column(String(200), default="")
    signals: Mapped[list[str]] = mapped_column(JSON, default=list)
    description: Mapped[str] = mapped_column(Text, default="")
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"), index=True)
    reporter_type: Mapped[ReporterType] = mapped_column(enum_type(ReporterType, "reporter_type", 20))
    # Personal data, optional: visible to advisers and admins only.
    contact: Mapped[str | None] = mapped_column(String(200))
    contact_language: Mapped[str | None] = mapped_column(String(5))
    # The reporter ticked "you may pass on my contact details": only then does the printed
    # summary (for the Labour Inspectorate, municipality or police) carry them.
    contact_consent: Mapped[bool] = mapped_column(default=False, server_default=false())
    ui_language: Mapped[str] = mapped_column(String(5), default="nl")
    # None when neither a vacancy nor an azc is known: then only admins see it.
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    state: Mapped[ReportState] = mapped_column(
        enum_type(ReportState, "state", 20), default=ReportState.new, index=True
    )
    forwarded_to: Mapped[ForwardedTo | None] = mapped_column(enum_type(ForwardedTo, "forwarded_to", 20))
    outcome: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    vacancy: Mapped[Vacancy | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()
    location: Mapped[Location | None] = relationship()
    region: Mapped[Region | None] = relationship()
    events: Mapped[list[ReportEvent]] = relationship(
        back_populates="report", order_by="ReportEvent.id", cascade="all, delete-orphan"
    )

    @property
    def outbox_key(self) -> str:
        """Marks mail about this report in the outbox, forgotten with its text."""
        return f"report:{self.id}"

    @property
    def allowed_next(self) -> list[ReportState]:
        return sorted(TRANSITIONS[self.state], key=list(ReportState).index)


class ReportEvent(Base):
    """The history of a report: state changes and actions taken (suspensions), with a note."""

    __tablename__ = "report_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    action: Mapped[str] = mapped_column(String(40), default="state")
    from_state: Mapped[ReportState | None] = mapped_column(enum_type(ReportState, "from_state", 20))
    to_state: Mapped[ReportState | None] = mapped_column(enum_type(ReportState, "to_state", 20))
    note: Mapped[str] = mapped_column(Text, default="")

    report: Mapped[Report] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()
