from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db import Base, enum_type
from portal.regions.models import Region

if TYPE_CHECKING:
    from portal.accounts.models import User


class OrgKind(str, enum.Enum):
    employer = "employer"
    agency = "agency"


class OrgStatus(str, enum.Enum):
    pending = "pending"
    approved = "approved"
    rejected = "rejected"
    suspended = "suspended"


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[OrgKind] = mapped_column(enum_type(OrgKind, "kind"))
    name: Mapped[str] = mapped_column(String(200))
    kvk: Mapped[str] = mapped_column(String(8), unique=True)
    sector: Mapped[str] = mapped_column(String(60))
    street: Mapped[str] = mapped_column(String(200))
    postcode: Mapped[str] = mapped_column(String(7))
    city: Mapped[str] = mapped_column(String(120))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    # False when the postcode was not in the region table and the registrant picked the region
    # from a list: admins see it until an adviser or admin sets the region (regions/postcodes).
    region_confirmed: Mapped[bool] = mapped_column(default=True, server_default=true())
    status: Mapped[OrgStatus] = mapped_column(
        enum_type(OrgStatus, "status"), default=OrgStatus.pending, index=True
    )
    status_reason: Mapped[str | None] = mapped_column(Text)
    contact_adviser_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", use_alter=True, name="fk_organisation_contact_adviser_id_user"),
        index=True,
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]

    region: Mapped[Region] = relationship()
    contact_adviser: Mapped[User | None] = relationship(foreign_keys=[contact_adviser_id])

    @property
    def can_publish(self) -> bool:
        return self.status == OrgStatus.approved

    @property
    def is_suspended(self) -> bool:
        return self.status == OrgStatus.suspended
