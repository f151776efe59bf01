from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import utcnow
from portal.db import Base, enum_type
from portal.regions.models import Location, Region

if TYPE_CHECKING:  # organisations sit above accounts; the relationship names it by string
    from portal.organisations.models import Organisation


class Role(str, enum.Enum):
    member = "member"
    adviser = "adviser"
    coordinator = "coordinator"
    admin = "admin"


STAFF_ROLES = {Role.adviser, Role.coordinator, Role.admin}

coordinator_location = Table(
    "coordinator_location",
    Base.metadata,
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
    Column("location_id", ForeignKey("location.id", ondelete="CASCADE"), primary_key=True),
)


class User(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower-case
    name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_type(Role, "role"))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id"), index=True
    )
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    email_verified_at: Mapped[datetime | None]
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None]  # a TOTP code is accepted once: remember its time step
    active: Mapped[bool] = mapped_column(default=True)
    # Bumped on sign-out-everywhere, password change and disabling: old sessions stop working.
    session_version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_sign_in_at: Mapped[datetime | None]

    organisation: Mapped[Organisation | None] = relationship(
        "Organisation", foreign_keys=[organisation_id])
    region: Mapped[Region | None] = relationship()
    locations: Mapped[list[Location]] = relationship(secondary=coordinator_location)

    # Flask-Login protocol
    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def needs_2fa_setup(self) -> bool:
        return self.is_staff and not self.totp_secret
