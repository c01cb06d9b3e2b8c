"""Updates of different chats in parallel, one chat's in order, each update id once.

PTB hands every update to `do_process_update` as its own task. Here an update first waits
for its chat's lock (so a quiz's answers and a checklist's steps are handled in the order
they were sent), then for one of `limit` running slots, then claims its update id in the
ledger: a redelivered or duplicated update is dropped there, before any handler sees it.
Taking the chat lock before a slot means one busy chat cannot fill every slot and hold the
others up.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from core.idempotency import UpdateLedger

log = logging.getLogger(__name__)
# Updates that may wait in PTB's own semaphore; the real bound is `limit`, taken after the
# chat lock (PTB's semaphore is taken before it, where waiting updates would hold slots).
WAITING_BOUND = 1 << 16


@dataclass
class _ChatLock:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


def chat_key(update: object) -> int | None:
    """The chat whose updates must stay in order; a poll answer's is the voter's private chat."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.poll_answer is not None and update.poll_answer.user is not None:
        return update.poll_answer.user.id
    user = update.effective_user
    return user.id if user is not None else None


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Per-chat ordering, a bound on concurrent work, and one handling per update id."""

    def __init__(self, limit: int, bot_id: int, ledger: UpdateLedger | None = None) -> None:
        super().__init__(WAITING_BOUND)
        self.limit = limit
        self.bot_id = bot_id
        self.ledger = ledger
        self._slots = asyncio.Semaphore(limit)
        self._chats: dict[int, _ChatLock] = {}

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release: the ledger belongs to the services."""

    @property
    def busy_chats(self) -> int:
        """Chats with an update running or waiting (idle chats hold no lock)."""
        return len(self._chats)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat, then for a slot; claim the update id; run the handlers."""
        try:
            await self._in_order(update, coroutine)
        finally:  # dropped, or cancelled while waiting (shutdown): never left un-awaited
            if inspect.iscoroutine(coroutine) and inspect.getcoroutinestate(coroutine) == (
                inspect.CORO_CREATED
            ):
                coroutine.close()

    async def _in_order(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update)
        if key is None:
            await self._run(update, coroutine)
            return
        entry = self._chats.setdefault(key, _ChatLock())
        entry.users += 1
        try:
            async with entry.lock:
                await self._run(update, coroutine)
        finally:
            entry.users -= 1
            if entry.users == 0:
                del self._chats[key]

    async def _run(self, update: object, coroutine: Awaitable[Any]) -> None:
        async with self._slots:
            if await self._claimed(update):
                await coroutine
                return
        log.debug("update %s was already handled: dropped", _update_id(update))

    async def _claimed(self, update: object) -> bool:
        """Whether this worker may handle the update (always, without a ledger or an id)."""
        update_id = _update_id(update)
        if self.ledger is None or update_id is None:
            return True
        try:
            return await self.ledger.claim(self.bot_id, update_id)
        except Exception:  # the store is down: handling twice beats losing the update
            log.warning("could not record update %s as handled", update_id, exc_info=True)
            return True


def _update_id(update: object) -> int | None:
    return update.update_id if isinstance(update, Update) else None
