"""Everything a Bot API method handler may touch, bundled for one sandbox."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.ratelimit import RateLimiter
from bot.sandbox.state import World
from bot.sandbox.updates import UpdateQueue
from bot.sandbox.webhook import WebhookDelivery


@dataclass
class Env:
    """The sandbox's state and services, shared by method handlers and simulated users."""

    world: World
    queue: UpdateQueue
    webhook: WebhookDelivery
    clock: Callable[[], float]
    callback_answer_timeout: float
    limiter: RateLimiter | None = None
    _tasks: set[asyncio.Task[Any]] = field(default_factory=set)

    def push_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update for the bot (getUpdates or the webhook picks it up)."""
        update = self.queue.push(kind, payload)
        self.world.touch()
        return update

    def later(self, delay: float, action: Callable[[], Coroutine[Any, Any, None]]) -> None:
        """Run ``action`` after ``delay`` seconds unless the sandbox stops first."""

        async def run() -> None:
            await asyncio.sleep(delay)
            await action()

        task = asyncio.create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def cancel_tasks(self) -> None:
        """Cancel everything scheduled with :meth:`later`."""
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
