"""The bot's update queue: ids, allowed_updates, confirmation by offset and long polling."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.sandbox import limits
from bot.sandbox.errors import TERMINATED_BY_OTHER, conflict

# Telegram's default when allowed_updates was never given or given as an empty list.
NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


class UpdateQueue:
    """Unconfirmed updates, oldest first."""

    def __init__(self, first_update_id: int = 1) -> None:
        self.pending: list[dict[str, Any]] = []
        self.next_id = first_update_id
        self.allowed: frozenset[str] | None = None
        self.delivered: list[dict[str, Any]] = []  # every update ever queued, for tests
        self._arrived = asyncio.Event()
        self._poller = 0
        self.closed = False
        self.waiting = 0  # getUpdates calls now blocked in long polling

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update of this kind unless allowed_updates filters it out."""
        if not self.accepts(kind):
            return None
        update = {"update_id": self.next_id, kind: payload}
        self.next_id += 1
        self.pending.append(update)
        self.delivered.append(update)
        self._wake()
        return update

    def redeliver(self, update_id: int) -> dict[str, Any]:
        """Queue a delivered update again with its own id (the bot never confirmed it)."""
        (update,) = [u for u in self.delivered if u["update_id"] == update_id]
        self.pending = sorted([*self.pending, update], key=lambda u: int(u["update_id"]))
        self._wake()
        return update

    def accepts(self, kind: str) -> bool:
        """Whether the current allowed_updates setting lets this kind of update in."""
        if self.allowed:
            return kind in self.allowed
        return kind not in NOT_BY_DEFAULT

    def set_allowed(self, allowed: list[str] | None) -> None:
        """Remember allowed_updates; None keeps the previous setting, [] restores the default."""
        if allowed is not None:
            self.allowed = frozenset(allowed) if allowed else None

    def confirm(self, offset: int) -> None:
        """Forget updates below ``offset``; a negative offset keeps only the last -offset."""
        if offset < 0:
            self.pending = self.pending[offset:]
        else:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]

    def drop_all(self) -> None:
        """Forget every pending update (drop_pending_updates)."""
        self.pending = []

    async def fetch(self, offset: int | None, limit: int | None, timeout: float) -> list[Any]:
        """Confirm by offset, then return up to ``limit`` updates, waiting up to ``timeout``.

        A newer getUpdates call ends a waiting one with Telegram's 409 conflict.
        """
        if offset is not None:
            self.confirm(offset)
        count = max(limits.GET_UPDATES_LIMIT_MIN, min(limit or 100, limits.GET_UPDATES_LIMIT_MAX))
        self._poller += 1
        me = self._poller
        self._wake()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(timeout, 0)
        self.waiting += 1
        try:
            await self._long_poll(me, deadline)
        finally:
            self.waiting -= 1
        return self.pending[:count]

    async def _long_poll(self, me: int, deadline: float) -> None:
        loop = asyncio.get_running_loop()
        while not self.pending and not self.closed:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return
            try:
                await asyncio.wait_for(self._arrived.wait(), remaining)
            except TimeoutError:
                return
            if self._poller != me:
                raise conflict(TERMINATED_BY_OTHER)

    async def wait_pending(self) -> dict[str, Any]:
        """The oldest unconfirmed update, waiting for one to arrive."""
        while not self.pending:
            await self._arrived.wait()
        return self.pending[0]

    def terminate_pollers(self) -> None:
        """End every waiting getUpdates call with Telegram's 409 conflict."""
        self._poller += 1
        self._wake()

    def close(self) -> None:
        """Let every waiting getUpdates call return now (the server is stopping)."""
        self.closed = True
        self._wake()

    def _wake(self) -> None:
        self._arrived.set()
        self._arrived = asyncio.Event()
