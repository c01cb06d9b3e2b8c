"""Each Telegram update handled once, across restarts and worker processes.

Telegram redelivers an update when a webhook reply is late or a poller dies before it
confirms the offset, and a proxy may hand the same update to two workers. Whoever claims an
update id first handles it; everyone else drops it. Claims live in the database
(`processed_update`, unique on bot and update id) or, when REDIS_URL is set, in Redis
(`SET NX` with a TTL). Either way they are kept for a retention window, then forgotten.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import BigInteger, delete
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlmodel import Field, Session, SQLModel

from core.db import once_more_if_connection_lost
from core.redis_client import AsyncRedis
from core.timestamps import UTCDateTime, as_utc, utc_now

# Telegram keeps an unconfirmed update for 24 hours: a claim must outlive any redelivery.
RETENTION = timedelta(days=2)


class ProcessedUpdate(SQLModel, table=True):
    """An update id some worker has claimed (and so handled, or is handling)."""

    __tablename__ = "processed_update"

    bot_id: int = Field(
        sa_type=BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    update_id: int = Field(
        sa_type=BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    handled_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime, index=True)


class UpdateLedger(Protocol):
    """Where claims on update ids are recorded."""

    async def claim(self, bot_id: int, update_id: int) -> bool:
        """True for the first claim on this update id; False for every later one."""

    async def prune(self) -> int:
        """Forget claims older than the retention window; returns how many went."""


def claim_update(*, session: Session, bot_id: int, update_id: int, at: datetime) -> bool:
    """Insert the claim row; False when the row exists (someone else claimed it)."""
    # One INSERT .. ON CONFLICT DO NOTHING: a claim is on every update's path, and a
    # savepoint around a plain INSERT cost four round trips to the server instead of one.
    row = {"bot_id": bot_id, "update_id": update_id, "handled_at": as_utc(at)}
    postgres = session.get_bind().dialect.name == "postgresql"
    insert = postgresql_insert if postgres else sqlite_insert
    statement = insert(ProcessedUpdate).values(row).on_conflict_do_nothing()
    claimed = statement.returning(ProcessedUpdate.__table__.c.update_id)  # type: ignore[attr-defined]
    return session.execute(claimed).first() is not None


def prune_updates(*, session: Session, before: datetime) -> int:
    """Delete claims made before `before`; returns how many."""
    statement = delete(ProcessedUpdate).where(
        ProcessedUpdate.handled_at < as_utc(before)  # type: ignore[arg-type]
    )
    return int(session.execute(statement).rowcount or 0)  # type: ignore[attr-defined]


class DatabaseLedger:
    """Claims as rows of `processed_update`, written from a worker thread."""

    def __init__(self, engine: Engine, retention: timedelta = RETENTION) -> None:
        self.engine = engine
        self.retention = retention

    async def claim(self, bot_id: int, update_id: int) -> bool:
        """Insert the claim off the event loop."""
        return await asyncio.to_thread(self._claim, bot_id, update_id)

    async def prune(self) -> int:
        """Delete expired claims off the event loop."""
        return await asyncio.to_thread(self._prune)

    def _claim(self, bot_id: int, update_id: int) -> bool:
        return once_more_if_connection_lost(lambda: self._claim_once(bot_id, update_id))

    def _claim_once(self, bot_id: int, update_id: int) -> bool:
        with Session(self.engine) as session:
            claimed = claim_update(
                session=session, bot_id=bot_id, update_id=update_id, at=utc_now()
            )
            session.commit()
            return claimed

    def _prune(self) -> int:
        with Session(self.engine) as session:
            count = prune_updates(session=session, before=utc_now() - self.retention)
            session.commit()
            return count


class RedisLedger:
    """Claims as Redis keys set only if absent, expiring after the retention window."""

    def __init__(self, client: AsyncRedis, retention: timedelta = RETENTION) -> None:
        self.client = client
        self.retention = retention

    async def claim(self, bot_id: int, update_id: int) -> bool:
        """`SET ruamkit:update:<bot>:<id> 1 NX EX <retention>`."""
        key = f"ruamkit:update:{bot_id}:{update_id}"
        ttl = int(self.retention.total_seconds())
        return bool(await self.client.set(key, "1", nx=True, ex=ttl))

    async def prune(self) -> int:
        """Nothing to do: Redis expires the keys by itself."""
        return 0
