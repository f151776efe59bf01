"""A placement: an applicant who was hired, with the work permit (TWV) the employer needs for an
asylum seeker, and its cancellation when the work stops. The V-number from the W-document is
never stored: only a keyed hash (`person_hash`), so overlapping hours can be found."""
from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.accounts.models import User
from portal.applicants.models import Application
from portal.clock import AMS, utcnow
from portal.db import Base, enum_type
from portal.organisations.models import Organisation
from portal.vacancies.models import ContractType, Vacancy


class TwvState(str, enum.Enum):
    not_needed = "not_needed"  # status holder: work is free, no permit
    to_apply = "to_apply"
    applied = "applied"
    granted = "granted"
    refused = "refused"
    cancellation_requested = "cancellation_requested"  # work stopped: employer must tell UWV
    cancelled = "cancelled"


# Which TWV states the employer may move to by hand; ending the placement and confirming the
# cancellation have their own service functions.
MANUAL_TRANSITIONS: dict[TwvState, set[TwvState]] = {
    TwvState.to_apply: {TwvState.applied},
    TwvState.applied: {TwvState.granted, TwvState.refused},
}
# A permit exists at UWV (requested or issued), so it must be withdrawn when the work stops.
TWV_EXISTS = (TwvState.applied, TwvState.granted)


class EndReason(str, enum.Enum):
    end_of_contract = "end_of_contract"
    resigned = "resigned"
    dismissed = "dismissed"
    moved_after_status = "moved_after_status"
    other = "other"
    not_started = "not_started"  # the hire did not go ahead


class Placement(Base):
    __tablename__ = "placement"

    id: Mapped[int] = mapped_column(primary_key=True)
    # One placement per application: a second hire of the same application is refused by the
    # database too, not only by the stage check.
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True,
                                                unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id"), index=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    start_date: Mapped[date]
    hours_per_week: Mapped[int]
    contract_type: Mapped[ContractType] = mapped_column(enum_type(ContractType, "contract_type"))
    client_name: Mapped[str | None] = mapped_column(String(200))  # inlener, agencies only
    # HMAC-SHA256 of the normalised V-number; None when the employer did not give it.
    person_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    twv_needed: Mapped[bool]
    twv_state: Mapped[TwvState] = mapped_column(enum_type(TwvState, "twv_state", 24), index=True)
    twv_applied_on: Mapped[date | None]
    twv_decided_on: Mapped[date | None]
    end_date: Mapped[date | None]
    end_reason: Mapped[EndReason | None] = mapped_column(enum_type(EndReason, "end_reason", 24))
    end_note: Mapped[str | None] = mapped_column(Text)
    cancellation_requested_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    cancelled_via: Mapped[str | None] = mapped_column(String(16))  # employer | adviser_phone
    cancel_note: Mapped[str | None] = mapped_column(Text)
    flagged_at: Mapped[datetime | None]  # overdue cancellation flagged to the region's advisers
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    application: Mapped[Application] = relationship()
    organisation: Mapped[Organisation] = relationship()
    vacancy: Mapped[Vacancy] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    cancelled_by: Mapped[User | None] = relationship(foreign_keys=[cancelled_by_id])

    def is_open_on(self, day: date) -> bool:
        """Open placements count towards the person's hours: no end date, or one still ahead."""
        return self.end_date is None or self.end_date > day

    def works_on(self, day: date) -> bool:
        """Still working on that day: the end date is the last working day (the end form asks
        for "Laatste werkdag"), so a placement ending today no longer overlaps a job that
        starts tomorrow, but does overlap one that starts today."""
        return self.end_date is None or self.end_date >= day

    @property
    def ended(self) -> bool:
        return self.end_date is not None

    def cancellation_since(self) -> date | None:
        """The day the permit should have been withdrawn from: the end date, but never before
        the employer reported it (a late report does not start overdue)."""
        if self.cancellation_requested_at is None:
            return None
        reported = self.cancellation_requested_at.astimezone(AMS).date()
        return max(reported, self.end_date) if self.end_date else reported

    def cancellation_age(self, day: date) -> int | None:
        since = self.cancellation_since()
        if since is None or self.twv_state != TwvState.cancellation_requested:
            return None
        return max((day - since).days, 0)
