"""Trainings, workshops, information meetings, job fairs and employer sessions, their sessions,
and who signed up. Capacity is kept by the database: every sign-up that gets a place raises the
`taken` counter of its seat pool with a conditional UPDATE, and a CHECK refuses a counter above
the capacity whatever the code does."""
from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal.clock import AMS, utcnow
from portal.db import Base, enum_type
from portal.phrases.models import TextPerLanguage
from portal.regions.models import Location, Region

if TYPE_CHECKING:
    from portal.accounts.models import User


class ActivityKind(str, enum.Enum):
    training = "training"
    workshop = "workshop"
    info_meeting = "info_meeting"
    job_fair = "job_fair"
    employer_session = "employer_session"  # information session or webinar for employers


class Audience(str, enum.Enum):
    residents = "residents"
    employers = "employers"


class ActivityState(str, enum.Enum):
    published = "published"
    cancelled = "cancelled"


class PlaceKind(str, enum.Enum):
    room = "room"        # a room at the azc
    address = "address"  # somewhere else
    online = "online"    # a webinar: the link goes to those signed up only


class SignUpStatus(str, enum.Enum):
    confirmed = "confirmed"
    waiting = "waiting"
    cancelled = "cancelled"  # said "I can't come" before the start, or the activity was cancelled
    attended = "attended"
    no_show = "no_show"


OPEN_SIGNUP = (SignUpStatus.confirmed, SignUpStatus.waiting)
# One open sign-up per phone (residents) or address (employers) in a pool, also when two
# requests arrive at the same moment.
_OPEN_WHERE = text("status IN ('confirmed', 'waiting')")
_OPEN_EMPLOYER_WHERE = text("status IN ('confirmed', 'waiting') AND phone IS NULL")


class Mark(str, enum.Enum):
    attended = "attended"
    no_show = "no_show"


class Activity(Base):
    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)  # printed on posters: never change
    kind: Mapped[ActivityKind] = mapped_column(enum_type(ActivityKind, "kind", 20))
    audience: Mapped[Audience] = mapped_column(enum_type(Audience, "audience"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)  # codes it is given in
    capacity: Mapped[int]
    # True: one sign-up covers every session (a two-part training); False: each session apart.
    together: Mapped[bool] = mapped_column(default=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    # The azc it is for; None for a regional employer session or job fair.
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"), index=True)
    state: Mapped[ActivityState] = mapped_column(
        enum_type(ActivityState, "state"), default=ActivityState.published, index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    cancelled_at: Mapped[datetime | None]

    region: Mapped[Region] = relationship()
    location: Mapped[Location | None] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id], viewonly=True)
    sessions: Mapped[list[ActivitySession]] = relationship(
        back_populates="activity", order_by="ActivitySession.starts_at",
        cascade="all, delete-orphan")
    pools: Mapped[list[SeatPool]] = relationship(
        back_populates="activity", order_by="SeatPool.id", cascade="all, delete-orphan")
    counts: Mapped[ActivityCounts] = relationship(cascade="all, delete-orphan")

    @property
    def cancelled(self) -> bool:
        return self.state == ActivityState.cancelled

    @property
    def for_employers(self) -> bool:
        return self.audience == Audience.employers

    @property
    def first_start(self) -> datetime | None:
        return self.sessions[0].starts_at if self.sessions else None

    @property
    def last_end(self) -> datetime | None:
        return max((s.ends_at for s in self.sessions), default=None)


class ActivityText(TextPerLanguage, Base):
    """The title and description in one resident language, typed by staff (or a machine
    translation they checked and saved: `reviewed`). Machine translations nobody saved live
    in portal/translate's store; see portal/activities/texts.py."""

    __tablename__ = "activity_text"
    __table_args__ = (UniqueConstraint("activity_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"),
                                             index=True)


class ActivitySession(Base):
    __tablename__ = "activity_session"
    __table_args__ = (CheckConstraint("ends_at > starts_at", name="times"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"),
                                             index=True)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime]
    place_kind: Mapped[PlaceKind] = mapped_column(enum_type(PlaceKind, "place_kind"))
    place: Mapped[str] = mapped_column(String(200), default="")  # room or address
    online_url: Mapped[str] = mapped_column(String(300), default="")

    activity: Mapped[Activity] = relationship(back_populates="sessions")

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(AMS)

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(AMS)


class SeatPool(Base):
    """The places one sign-up takes: the whole activity when its sessions belong together
    (session_id None), one session otherwise. `taken` counts confirmed sign-ups."""

    __tablename__ = "activity_pool"
    __table_args__ = (CheckConstraint("taken >= 0 AND taken <= capacity", name="seats"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"),
                                             index=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("activity_session.id", ondelete="CASCADE"), unique=True)
    capacity: Mapped[int]
    taken: Mapped[int] = mapped_column(default=0)

    activity: Mapped[Activity] = relationship(back_populates="pools")
    session: Mapped[ActivitySession | None] = relationship()

    @property
    def free(self) -> int:
        return max(self.capacity - self.taken, 0)

    def sessions(self) -> list[ActivitySession]:
        return [self.session] if self.session is not None else list(self.activity.sessions)


class SignUp(Base):
    """A resident (phone) or an employer (email) signed up for a pool. Deleted when its
    retention ends or the person erases it; its counts move to ActivityCounts first."""

    __tablename__ = "activity_signup"
    __table_args__ = (
        Index("uq_activity_signup_open_phone", "pool_id", "phone", unique=True,
              sqlite_where=_OPEN_WHERE, postgresql_where=_OPEN_WHERE),
        Index("uq_activity_signup_open_email", "pool_id", "email", unique=True,
              sqlite_where=_OPEN_EMPLOYER_WHERE, postgresql_where=_OPEN_EMPLOYER_WHERE),
        Index("ix_activity_signup_pool_status", "pool_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"),
                                             index=True)
    pool_id: Mapped[int] = mapped_column(ForeignKey("activity_pool.id", ondelete="CASCADE"))
    status: Mapped[SignUpStatus] = mapped_column(enum_type(SignUpStatus, "status"))
    # personal data
    name: Mapped[str] = mapped_column(String(120))
    name_latin: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164; None for employers
    email: Mapped[str | None] = mapped_column(String(254))
    organisation_name: Mapped[str | None] = mapped_column(String(200))  # employers
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))  # their azc
    language: Mapped[str | None] = mapped_column(String(5))  # the group they join
    ui_language: Mapped[str] = mapped_column(String(5), default="nl")
    keep_longer: Mapped[bool] = mapped_column(default=False)
    consent_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The private link: its hash finds the row; the nonce (with SECRET_KEY) rebuilds it for
    # a reminder, so a copy of the database alone opens nothing.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    link_nonce: Mapped[str] = mapped_column(String(32))
    by_staff_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    waited_at: Mapped[datetime | None]  # put on the waiting list
    confirmed_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]

    activity: Mapped[Activity] = relationship()
    pool: Mapped[SeatPool] = relationship()
    location: Mapped[Location | None] = relationship()
    marks: Mapped[list[Attendance]] = relationship(
        back_populates="signup", cascade="all, delete-orphan", order_by="Attendance.session_id")

    @property
    def outbox_key(self) -> str:
        """Marks mail and text messages about this sign-up, erased with it."""
        return f"activity-signup:{self.id}"

    @property
    def latin_name(self) -> str:
        return self.name_latin or self.name


class Attendance(Base):
    """Came or not, per session (a two-part training has two)."""

    __tablename__ = "activity_attendance"
    __table_args__ = (UniqueConstraint("signup_id", "session_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    signup_id: Mapped[int] = mapped_column(ForeignKey("activity_signup.id", ondelete="CASCADE"),
                                           index=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("activity_session.id", ondelete="CASCADE"), index=True)
    mark: Mapped[Mark] = mapped_column(enum_type(Mark, "mark"))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    signup: Mapped[SignUp] = relationship(back_populates="marks")


class ActivityCounts(Base):
    """What erased sign-ups leave behind: counts only. The figures add them to the live rows,
    so the no-show rate of last spring survives the retention purge."""

    __tablename__ = "activity_counts"

    activity_id: Mapped[int] = mapped_column(ForeignKey("activity.id", ondelete="CASCADE"),
                                             primary_key=True)
    signed_up: Mapped[int] = mapped_column(default=0)
    came: Mapped[int] = mapped_column(default=0)
    no_show: Mapped[int] = mapped_column(default=0)
    cancelled: Mapped[int] = mapped_column(default=0)
    waited: Mapped[int] = mapped_column(default=0)
