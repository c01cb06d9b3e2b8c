"""One poller per bot token: a lock keyed by the bot id, and Telegram's 409 Conflict.

Telegram lets one getUpdates call per bot wait at a time; a second poller makes both fail
with 409 Conflict forever. So `ruamkit run` in polling mode first takes a lock the other
instances can see: a Redis key (SET NX with a TTL it keeps renewing) when REDIS_URL is
set, else a PostgreSQL advisory lock, else a file lock in the data dir (SQLite lives on one
machine). A poller the lock cannot see (another database, another machine) is caught by
the 409 instead: the poller Telegram cut off stops with one clear message.

A held lock is watched: a PostgreSQL advisory lock dies with its connection (a server
restart, pg_terminate_backend) and a Redis key may expire while Redis is away. The holder
then takes the lock again; if another poller took it meanwhile, `lost` is set and this
poller stops with a clear message, so two never poll at once.
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
CHECK_EVERY_S = 10.0  # how often a PostgreSQL advisory lock's connection is checked
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


class LockLost(ConfigurationError):
    """Another poller took the lock while this one's hold on it had lapsed."""

    def __init__(self, bot_id: int, where: str) -> None:
        super().__init__(
            f"this poller lost its lock for bot {bot_id} ({where}) and another RuamKit "
            "poller holds it now; this one stops so that only one polls Telegram"
        )


class PollerLock(Protocol):
    """A lock only one poller of a bot holds."""

    lost: asyncio.Event  # set when another poller took the lock from under this one
    lost_error: LockLost | None

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
        self.lost = asyncio.Event()
        self.lost_error: LockLost | None = None

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
            if renewed:
                continue
            if await self.client.set(self.key, self.value, nx=True, ex=self.ttl_s):
                log.warning("the poller lock %s had expired; taken again", self.key)
                continue
            holder = await self.client.get(self.key)
            self.lost_error = LockLost(self.bot_id, f"Redis key {self.key}, now {holder}")
            self.lost.set()
            return

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

    def __init__(self, engine: Engine, bot_id: int, check_every_s: float | None = None):
        self.engine, self.bot_id = engine, bot_id
        self.key = ADVISORY_NAMESPACE | (bot_id & ((1 << 56) - 1))
        self.check_every_s = check_every_s or CHECK_EVERY_S
        self._connection: Connection | None = None
        self._watch: asyncio.Task[None] | None = None
        self.lost = asyncio.Event()
        self.lost_error: LockLost | None = None

    async def acquire(self) -> None:
        """Take the advisory lock, or raise AnotherPoller."""
        try:
            self._connection = await asyncio.to_thread(self._take)
        except AnotherPoller:
            self.engine.dispose()
            raise
        self._watch = asyncio.create_task(self._watch_forever())

    def _take(self) -> Connection:
        """A connection holding the lock (blocking), or AnotherPoller."""
        connection = self.engine.connect()
        query = text("SELECT pg_try_advisory_lock(:key)")
        try:
            got = connection.execute(query, {"key": self.key}).scalar()
        except Exception:
            connection.close()
            raise
        if not got:
            connection.close()
            raise AnotherPoller(self.bot_id, f"PostgreSQL advisory lock {self.key}")
        connection.commit()  # end the implicit transaction; the session lock stays
        return connection

    def _alive(self) -> bool:
        """Whether the holding connection still answers (blocking)."""
        assert self._connection is not None
        try:
            self._connection.execute(text("SELECT 1")).scalar()
            self._connection.commit()
        except Exception as error:  # restart, pg_terminate_backend, network: the lock is gone
            log.warning("the poller lock's database connection was lost: %s", error)
            with contextlib.suppress(Exception):
                self._connection.close()
            return False
        return True

    async def _watch_forever(self) -> None:
        """Check the connection; when it died, take the lock again or report it lost."""
        while True:
            await asyncio.sleep(self.check_every_s)
            if await asyncio.to_thread(self._alive):
                continue
            try:
                self._connection = await asyncio.to_thread(self._take)
            except AnotherPoller:
                self.lost_error = LockLost(self.bot_id, f"PostgreSQL advisory lock {self.key}")
                self.lost.set()
                return
            except Exception as error:  # the server is still away: try again next check
                log.warning("cannot take the poller lock again yet: %s", error)
                continue
            log.warning("the poller lock %s was taken again on a new connection", self.key)

    async def release(self) -> None:
        """Stop watching; closing the session releases the lock."""
        if self._watch is not None:
            self._watch.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watch
        if self._connection is not None:
            with contextlib.suppress(Exception):
                await asyncio.to_thread(self._connection.close)
        self.engine.dispose()


class FilePollerLock:
    """An exclusive `flock` on `poller-<bot id>.lock` in the data dir (released on exit)."""

    def __init__(self, path: Path, bot_id: int) -> None:
        self.path, self.bot_id = path, bot_id
        self._file: IO[str] | None = None
        self.lost = asyncio.Event()  # never set: a file lock lives as long as the process
        self.lost_error: LockLost | None = None

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
async def single_poller(settings: Settings, bot_id: int) -> AsyncIterator[PollerLock]:
    """Hold the poller lock for the block; raise AnotherPoller if someone else has it."""
    lock = poller_lock(settings, bot_id)
    await lock.acquire()
    try:
        yield lock
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
