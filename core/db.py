"""Database engine and sessions (SQLite by default, PostgreSQL through DATABASE_URL)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

if TYPE_CHECKING:
    from core.migrations import SchemaChange

log = logging.getLogger(__name__)


def _normalise_url(url: str) -> str:
    """Use psycopg 3 for plain `postgresql://` URLs."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


# Kept connections: one per database thread of the bot (bot.context.DB_THREADS, 15) and one
# more; the overflow covers the update claims and the jobs at a burst. With SQLAlchemy's
# default of 5, the threads beyond the fifth opened and closed a connection for every unit
# under load (PostgreSQL forks a backend for each).
POOL_SIZE = 16
MAX_OVERFLOW = 8


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL and foreign keys so bot and CLI can share it."""
    url = _normalise_url(url)
    if url.startswith("sqlite"):
        in_memory = url in ("sqlite://", "sqlite:///:memory:") or "mode=memory" in url
        pool = {} if in_memory else {"pool_size": POOL_SIZE, "max_overflow": MAX_OVERFLOW}
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **pool
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(url, pool_size=POOL_SIZE, max_overflow=MAX_OVERFLOW)
    _ping_idle_connections(engine)
    return engine


# A connection back in the pool for longer than this is pinged before it is handed out.
IDLE_PING_S = 10.0


def _ping_idle_connections(engine: Engine) -> None:
    """Ping a pooled connection on checkout only when it sat idle for IDLE_PING_S or more.

    `pool_pre_ping` pings on every checkout: under load that is one more round trip for
    each unit of work on a connection used milliseconds ago. A connection that dies while
    in use (or between two close uses) is caught by `once_more_if_connection_lost`, which
    runs the unit again, and SQLAlchemy then drops every older connection of the pool.
    """

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection: object, record: object) -> None:
        record.info["idle_since"] = time.monotonic()  # type: ignore[attr-defined]

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: object, record: object, _proxy: object) -> None:
        idle_since = record.info.get("idle_since")  # type: ignore[attr-defined]
        if idle_since is None or time.monotonic() - idle_since < IDLE_PING_S:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)  # type: ignore[arg-type]
        except Exception as error:
            # The pool discards this connection and checks out another (up to 3 tries).
            raise exc.DisconnectionError(f"idle connection is gone: {error}") from error


R = TypeVar("R")


def once_more_if_connection_lost(work: Callable[[], R]) -> R:
    """Run a unit of database work; once more if the server dropped the connection under it.

    A unit runs in its own session, rolled back on error, so running it again is safe after a
    restart or pg_terminate_backend; SQLAlchemy has replaced the pool's connections by then.
    """
    try:
        return work()
    except exc.OperationalError as error:
        if not error.connection_invalidated:
            raise
        log.warning("database connection lost (%s); running the work again", error.orig)
        return work()


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    """Turn on WAL and foreign keys for each new SQLite connection.

    With WAL, synchronous=NORMAL cannot corrupt the database; it only skips the fsync of
    each commit (a power cut may lose the last commits), which every answer and quiz vote
    would otherwise wait for.
    """
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(engine: Engine) -> SchemaChange:
    """Bring the database to the newest schema revision and log where it stands."""
    from core.migrations import upgrade_database  # Alembic loads only when it is needed

    change = upgrade_database(engine)
    log.info("%s", change.describe())
    return change


def create_tables(engine: Engine) -> None:
    """Make sure every table exists: the same migrations as `migrate` (idempotent)."""
    migrate(engine)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise
