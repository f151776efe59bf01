from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.db import Base


class Region(Base):
    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)

    locations: Mapped[list[Location]] = relationship(
        back_populates="region", order_by="Location.name"
    )


class Location(Base):
    """An azc (asylum seekers' centre). `code` is printed in QR URLs: never reuse one."""

    __tablename__ = "location"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    city: Mapped[str] = mapped_column(String(120))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # The residents' main languages here, most used first ("ti,ar"), set by a coordinator:
    # the notice board and the posters print them next to Dutch and English (at most three).
    languages: Mapped[str] = mapped_column(String(20), default="")

    region: Mapped[Region] = relationship(back_populates="locations")

    @property
    def main_languages(self) -> tuple[str, ...]:
        return tuple(code for code in (self.languages or "").split(",") if code)


class PostcodeRange(Base):
    """Which region an address belongs to, by the four digits of its postcode (from `low` to
    `high`, both included). Admins keep this table; ranges never overlap. An organisation's
    region follows from its postcode, so a company in Zaandam cannot end up with the advisers
    of Eindhoven by picking the wrong line of a list."""

    __tablename__ = "postcode_range"
    __table_args__ = (
        CheckConstraint("low BETWEEN 1000 AND 9999 AND high BETWEEN 1000 AND 9999 "
                        "AND low <= high", name="digits"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    low: Mapped[int] = mapped_column(index=True)
    high: Mapped[int]
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    label: Mapped[str] = mapped_column(String(120), default="")  # e.g. the municipality

    region: Mapped[Region] = relationship()
