"""One poller per bot token: a lock keyed by the bot id, and Telegram's 409 Conflict.

Telegram lets one getUpdates call per bot wait at a time; a second poller makes both fail
with 409 Conflict forever. So `ruamkit run` in polling mode first takes a lock the other
instances can see: a Redis key (SET NX with a TTL it keeps renewing) when REDIS_URL is
set, else a PostgreSQL advisory lock, else a file lock in the data dir (SQLite lives on one
machine). A poller the lock cannot see (another database, another machine) is caught by
the 409 instead: the poller Telegram cut off stops with one clear message.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import socket
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import IO, Protocol

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from telegram.error import Conflict, TelegramError
from telegram.ext import Updater

from core.db import make_engine
from core.errors import ConfigurationError
from core.redis_client import AsyncRedis, connect
from core.settings import Settings

log = logging.getLogger(__name__)
REDIS_TTL_S = 30
# Advisory lock keys are one bigint per database: RuamKit's take the high byte 0x52 ("R").
ADVISORY_NAMESPACE = 0x52 << 56
_IF_OURS = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call({}) else return 0 end"
_RENEW = _IF_OURS.format("'expire', KEYS[1], ARGV[2]")
_RELEASE = _IF_OURS.format("'del', KEYS[1]")


class AnotherPoller(ConfigurationError):
    """Another RuamKit instance already polls Telegram for this bot."""

    def __init__(self, bot_id: int, where: str) -> None:
        super().__init__(
            f"another RuamKit poller is already running for bot {bot_id} ({where}). "
            "Telegram allows one poller per bot token: stop the other one, or run "
            "several workers in webhook mode (WEBHOOK_URL and `ruamkit run --workers N`)"
        )


def conflict_message(error: TelegramError) -> str:
    """What the poller Telegram cut off says before it stops."""
    return (
        f"Telegram ended this poller's getUpdates: {error}. Another instance polls with the "
        "same TELEGRAM_BOT_TOKEN (on another database or machine, where the poller lock "
        "cannot see it); this one stops. Run one poller per bot, or use webhook mode"
    )


class PollerLock(Protocol):
    """A lock only one poller of a bot holds."""

    async def acquire(self) -> None:
        """Take the lock, or raise AnotherPoller."""

    async def release(self) -> None:
        """Give the lock back."""


def _holder() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class RedisPollerLock:
    """`SET NX EX` on `ruamkit:poller:<bot id>`, renewed every TTL/3 while the poller lives."""

    def __init__(self, client: AsyncRedis, bot_id: int, ttl_s: int = REDIS_TTL_S) -> None:
        self.client, self.bot_id, self.ttl_s = client, bot_id, ttl_s
        self.key = f"ruamkit:poller:{bot_id}"
        self.value = _holder()
        self._heartbeat: asyncio.Task[None] | None = None

    async def acquire(self) -> None:
        """Take the key, or name the process holding it."""
        if not await self.client.set(self.key, self.value, nx=True, ex=self.ttl_s):
            holder = await self.client.get(self.key)
            raise AnotherPoller(self.bot_id, f"Redis key {self.key} held by {holder}")
        self._heartbeat = asyncio.create_task(self._renew_forever())

    async def _renew_forever(self) -> None:
        while True:
            await asyncio.sleep(self.ttl_s / 3)
            try:
                renewed = await self.client.eval(_RENEW, 1, self.key, self.value, self.ttl_s)  # type: ignore[misc]
            except Exception as error:  # Redis away for a moment: try again next beat
                log.warning("could not renew the poller lock %s: %s", self.key, error)
                continue
            if not renewed and await self.client.set(self.key, self.value, nx=True, ex=self.ttl_s):
                log.warning("the poller lock %s had expired; taken again", self.key)

    async def release(self) -> None:
        """Stop renewing and delete the key if it is still ours."""
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
        await self.client.eval(_RELEASE, 1, self.key, self.value)  # type: ignore[misc]
        await self.client.aclose()


class PostgresPollerLock:
    """A session-level advisory lock, held on one connection while the poller lives."""

    def __init__(self, engine: Engine, bot_id: int) -> None:
        self.engine, self.bot_id = engine, bot_id
        self.key = ADVISORY_NAMESPACE | (bot_id & ((1 << 56) - 1))
        self._connection: Connection | None = None

    async def acquire(self) -> None:
        """Take the advisory lock, or raise AnotherPoller."""
        connection = await asyncio.to_thread(self.engine.connect)
        query = text("SELECT pg_try_advisory_lock(:key)")
        got = await asyncio.to_thread(
            lambda: connection.execute(query, {"key": self.key}).scalar()
        )
        if not got:
            await asyncio.to_thread(connection.close)
            self.engine.dispose()
            raise AnotherPoller(self.bot_id, f"PostgreSQL advisory lock {self.key}")
        self._connection = connection

    async def release(self) -> None:
        """Closing the session releases the lock."""
        if self._connection is not None:
            await asyncio.to_thread(self._connection.close)
        self.engine.dispose()


class FilePollerLock:
    """An exclusive `flock` on `poller-<bot id>.lock` in the data dir (released on exit)."""

    def __init__(self, path: Path, bot_id: int) -> None:
        self.path, self.bot_id = path, bot_id
        self._file: IO[str] | None = None

    async def acquire(self) -> None:
        """Lock the file, or raise AnotherPoller."""
        handle = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise AnotherPoller(self.bot_id, f"lock file {self.path} held by {holder}") from None
        handle.truncate(0)
        handle.write(_holder())
        handle.flush()
        self._file = handle

    async def release(self) -> None:
        """Unlock and close the file."""
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
            self._file.close()
            self._file = None


def poller_lock(settings: Settings, bot_id: int) -> PollerLock:
    """The lock every instance sharing these settings' state can see."""
    if settings.redis_url:
        return RedisPollerLock(connect(settings.redis_url), bot_id)
    url = settings.resolved_database_url
    if url.startswith(("postgresql", "postgres")):
        return PostgresPollerLock(make_engine(url), bot_id)
    return FilePollerLock(settings.data_dir / f"poller-{bot_id}.lock", bot_id)


@contextlib.asynccontextmanager
async def single_poller(settings: Settings, bot_id: int) -> AsyncIterator[None]:
    """Hold the poller lock for the block; raise AnotherPoller if someone else has it."""
    lock = poller_lock(settings, bot_id)
    await lock.acquire()
    try:
        yield
    finally:
        await lock.release()


class ConflictWatch:
    """PTB's polling error callback: the first 409 Conflict ends polling, others are logged."""

    def __init__(self) -> None:
        self.conflict: Conflict | None = None
        self.seen = asyncio.Event()

    def __call__(self, error: TelegramError) -> None:
        """Called by PTB for each failed getUpdates (never a coroutine)."""
        if isinstance(error, Conflict):
            if self.conflict is None:
                self.conflict = error
                self.seen.set()
            return
        log.warning("getUpdates failed, retrying: %s", error)


async def _no_final_get_updates() -> None:
    """Stands in for PTB's closing getUpdates."""


def skip_final_get_updates(updater: Updater) -> None:
    """Stop without PTB's last getUpdates, which would cut off the poller that won.

    PTB confirms the offset with one more getUpdates when polling stops; after a 409 that
    call would end the other poller's request, and it would stop too. The updates this
    poller fetched but did not confirm go to the winner, which drops any it already saw.
    """
    attribute = "_Updater__polling_cleanup_cb"
    if hasattr(updater, attribute):
        setattr(updater, attribute, _no_final_get_updates)
