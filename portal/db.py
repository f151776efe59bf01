"""SQLAlchemy 2.0 set-up without Flask-SQLAlchemy: one engine per app, one session per
request (closed at teardown). Views commit once; services only flush."""
from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any, TypeVar

from flask import Flask, current_app, g
from sqlalchemy import ColumnElement, DateTime, Enum, MetaData, create_engine, event
from sqlalchemy.engine import CursorResult, Dialect, Engine, Result
from sqlalchemy.orm import DeclarativeBase, QueryableAttribute, Session, sessionmaker
from sqlalchemy.types import TypeDecorator
from werkzeug.local import LocalProxy

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# The row type of a Select passed through a helper that adds joins or filters (Select[Rows]).
Rows = TypeVar("Rows", bound=tuple[Any, ...])
# A column given to a helper that builds SQL: a mapped attribute (Organisation.region_id) or any
# column expression.
ColumnArg = QueryableAttribute[Any] | ColumnElement[Any]


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware UTC datetimes; SQLite gives naive ones back, so re-attach UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTC column")
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def enum_type(enum_cls: type[enum.Enum], column: str, length: int = 16) -> Enum:
    """A status/stage/kind column: stored as its value in a VARCHAR (no native enum types, so
    SQLite and PostgreSQL agree) and limited to the enum's members by a CHECK constraint in the
    database too, named ck_<table>_<column> (hence the column name)."""
    return Enum(enum_cls, native_enum=False, length=length, create_constraint=True, name=column)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


def make_engine(url: str) -> Engine:
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:  # pragma: no cover - trivial
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    # pool_pre_ping: after a PostgreSQL restart the pooled connections are dead; each is tested
    # on checkout and replaced, so requests recover by themselves. connect_timeout: a database
    # host that does not answer fails a request in seconds (a 503 page), not after minutes.
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20,
                         connect_args={"connect_timeout": 5})


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["db_engine"] = engine
    app.extensions["db_sessionmaker"] = sessionmaker(engine, expire_on_commit=False)

    @app.teardown_appcontext
    def _close_session(exc: BaseException | None) -> None:
        sess: Session | None = g.pop("db_session", None)
        if sess is not None:
            if exc is not None:
                sess.rollback()
            sess.close()


def _get_session() -> Session:
    if "db_session" not in g:
        g.db_session = current_app.extensions["db_sessionmaker"]()
    sess: Session = g.db_session
    return sess


session: Session = LocalProxy(_get_session)  # type: ignore[assignment]


def rowcount(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE touched. Session.execute() is typed as returning a
    Result; for these statements it is a CursorResult, which carries the count."""
    if not isinstance(result, CursorResult):
        raise TypeError("rowcount() needs the result of an UPDATE or DELETE")
    return result.rowcount or 0


def engine() -> Engine:
    found: Engine = current_app.extensions["db_engine"]
    return found
