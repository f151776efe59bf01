from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from portal.db import Base


class DigestMark(Base):
    """Until when an organisation's new applications have been reported by mail."""

    __tablename__ = "application_digest"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    )
    covered_until: Mapped[datetime]
    sent_at: Mapped[datetime]
