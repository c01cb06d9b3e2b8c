"""Helpers for tests with several bot processes' worth of state: webhook apps, Redis, a sandbox.

Each test gets a sandbox whose bot id is unique, so update-id claims kept in the shared local
Redis by earlier runs can never collide with this one's.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
from pydantic import SecretStr
from sqlmodel import col, select

from bot.app import WebhookConfig, build_application, running, webhook_config
from bot.context import Answerer, RuamKitApp, Services, build_services
from bot.sandbox import BotApiSandbox
from core.settings import Settings
from core.users import set_trainer
from quizzes.trainer_models import Cohort
from tests.bot.quiz_support import RefusingAnswerer
from tests.bot.support import ADMIN_ID, TRAINER_ID

REDIS_URL = os.environ.get("RUAMKIT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
SECRET = "hook_Secret-42"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def unique_token() -> str:
    """A bot token with a bot id no other test run uses."""
    return f"{secrets.randbelow(10**9) + 10**9}:AAHsandboxTOKENforRuamKitLocalTests0"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def redis_url_or_skip() -> str:
    """REDIS_URL of the local Redis; skip without one, but fail when CI is set."""
    import pytest
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is required in CI and not reachable at {REDIS_URL}: {error}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}")
    return REDIS_URL


def bot_settings(sandbox: BotApiSandbox, settings: Settings, **overrides: Any) -> Settings:
    """Settings for a bot on this sandbox, with 9001 the admin and generous limits."""
    values: dict[str, Any] = {
        "telegram_bot_token": SecretStr(sandbox.token),
        "telegram_api_url": sandbox.base_url,
        "admin_ids": [ADMIN_ID],
        "rate_limit_messages": 1000,
    }
    return settings.model_copy(update={**values, **overrides})


def hook_settings(sandbox: BotApiSandbox, settings: Settings, **overrides: Any) -> Settings:
    """Settings for a webhook worker on a free port of its own."""
    port = free_port()
    return bot_settings(
        sandbox, settings, webhook_url=f"http://127.0.0.1:{port}/hook",
        webhook_secret=SecretStr(SECRET), webhook_port=port, **overrides,
    )  # fmt: skip


@contextlib.asynccontextmanager
async def worker(
    local: Settings, answerer: Answerer | None = None, clock: Any = None
) -> AsyncIterator[tuple[RuamKitApp, Services]]:
    """One bot "process": its own services and application (webhook when configured)."""
    services = build_services(local, answerer or RefusingAnswerer())
    if clock is not None:
        services.clock = clock
    with services.session() as session:
        set_trainer(session=session, telegram_id=TRAINER_ID, trainer=True)
    application = build_application(local, services)
    try:
        async with running(application, webhook_config(local)):
            yield application, services
    finally:
        services.close()


async def post_update(hook: WebhookConfig | None, update: dict[str, Any]) -> int:
    """POST an update to a webhook worker as Telegram would; the HTTP status."""
    assert hook is not None
    async with (
        aiohttp.ClientSession() as client,
        client.post(hook.webhook_url, json=update, headers={SECRET_HEADER: SECRET}) as reply,
    ):
        return reply.status


def cohorts(services: Services) -> list[str]:
    """Names of every cohort in the database."""
    with services.session() as session:
        return [c.name for c in session.exec(select(Cohort).order_by(col(Cohort.id)))]


def last_update_with_text(sandbox: BotApiSandbox, text: str) -> dict[str, Any]:
    """The latest update whose message has this text."""
    matching = [u for u in sandbox.updates if u.get("message", {}).get("text") == text]
    return matching[-1]
