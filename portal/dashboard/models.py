"""Anonymous page-view counters and the agencies' weekly digest setting."""
from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from portal.db import Base

NO_LOCATION = 0  # the vacancy page was opened without an azc code in the URL


class VacancyView(Base):
    """How often a vacancy page was opened, per interface language, azc poster and day. No
    cookies, addresses or anything else about the visitor: a counter only.

    `location_id` is 0 (not NULL) without a poster: NULLs never collide in a unique constraint,
    so the upsert would add a row per view instead of counting. Hence no foreign key on it."""

    __tablename__ = "vacancy_view"
    __table_args__ = (
        UniqueConstraint("vacancy_id", "language", "location_id", "day"),
        Index("ix_vacancy_view_day", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(5))
    location_id: Mapped[int] = mapped_column(default=NO_LOCATION)
    day: Mapped[date]
    count: Mapped[int] = mapped_column(default=1)


class OrgDigestSetting(Base):
    """An agency's choice about the weekly inflow/outflow mail, and the last ISO week sent.
    No row means: the digest is on and nothing was sent yet."""

    __tablename__ = "org_digest_setting"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    )
    weekly_digest: Mapped[bool] = mapped_column(default=True)
    last_sent_week: Mapped[str | None] = mapped_column(String(8))  # e.g. "2026-W05"
