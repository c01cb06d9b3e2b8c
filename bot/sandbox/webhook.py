"""Webhook mode: POST each update as JSON to the bot's URL, retrying failed deliveries."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from typing import Any

import aiohttp

from bot.sandbox.updates import UpdateQueue

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_log = logging.getLogger(__name__)


@dataclass
class WebhookSettings:
    """What setWebhook configured."""

    url: str
    secret_token: str | None = None
    max_connections: int = 40
    ip_address: str | None = None
    allowed_updates: list[str] | None = None


class WebhookDelivery:
    """Delivers pending updates one at a time while a webhook is set."""

    def __init__(self, queue: UpdateQueue, retry_delays: tuple[float, ...]) -> None:
        self.queue = queue
        self.retry_delays = retry_delays
        self.settings: WebhookSettings | None = None
        self.last_error_date: int | None = None
        self.last_error_message: str | None = None
        self._task: asyncio.Task[None] | None = None
        self._session: aiohttp.ClientSession | None = None

    def set(self, settings: WebhookSettings) -> None:
        """Start delivering to a new URL."""
        self.settings = settings
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._deliver_forever())

    async def delete(self) -> None:
        """Stop delivering; updates stay queued for getUpdates."""
        self.settings = None
        await self._cancel()

    async def close(self) -> None:
        """Stop delivering and close the HTTP client."""
        await self.delete()
        if self._session is not None:
            await self._session.close()
            self._session = None

    def info(self) -> dict[str, Any]:
        """The WebhookInfo object."""
        settings = self.settings
        info: dict[str, Any] = {
            "url": settings.url if settings else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self.queue.pending),
        }
        if settings:
            info["max_connections"] = settings.max_connections
            if settings.ip_address:
                info["ip_address"] = settings.ip_address
            if settings.allowed_updates is not None:
                info["allowed_updates"] = settings.allowed_updates
        if self.last_error_date is not None:
            info["last_error_date"] = self.last_error_date
            info["last_error_message"] = self.last_error_message
        return info

    async def _cancel(self) -> None:
        task, self._task = self._task, None
        if task is not None and task is not asyncio.current_task():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _deliver_forever(self) -> None:
        while self.settings is not None:
            update = await self.queue.wait_pending()
            if self.settings is None:
                return
            await self._deliver(update, self.settings)
            # Delivered or given up on: either way it leaves the queue.
            self.queue.confirm(update["update_id"] + 1)

    async def _deliver(self, update: dict[str, Any], settings: WebhookSettings) -> None:
        for attempt, delay in enumerate((0.0, *self.retry_delays)):
            if delay:
                await asyncio.sleep(delay)
            error = await self._post(update, settings)
            if error is None:
                return
            self.last_error_date, self.last_error_message = int(time.time()), error
            _log.info("webhook delivery attempt %d failed: %s", attempt + 1, error)

    async def _post(self, update: dict[str, Any], settings: WebhookSettings) -> str | None:
        headers = {SECRET_HEADER: settings.secret_token} if settings.secret_token else {}
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        try:
            async with self._session.post(settings.url, json=update, headers=headers) as reply:
                if 200 <= reply.status < 300:
                    return None
                return f"Wrong response from the webhook: {reply.status} {reply.reason}"
        except (aiohttp.ClientError, TimeoutError) as exc:
            return f"Connection failed: {exc.__class__.__name__}"
