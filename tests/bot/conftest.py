"""Fixtures for the bot: one real question answerer per session, the sandbox, a running bot."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from bot.app import build_application, running
from bot.context import Answerer, build_services
from bot.sandbox import BotApiSandbox
from core.settings import Settings
from core.users import set_trainer
from tests.bot.support import ADMIN_ID, TRAINER_ID, RunningBot


@pytest.fixture(scope="session")
def kb_data_dir(lecture_data_dir: Path) -> Path:
    """The data dir of the shared lecture index."""
    return lecture_data_dir


@pytest.fixture(scope="session")
def qa_answerer(lecture_answerer: Answerer) -> Answerer:
    """The real question answerer over the lecture (shared with the retrieval tests)."""
    return lecture_answerer


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    """A Bot API sandbox on a free port."""
    async with BotApiSandbox() as server:
        yield server


@pytest.fixture
def launch(
    sandbox: BotApiSandbox, settings: Settings, qa_answerer: Answerer
) -> Callable[..., contextlib.AbstractAsyncContextManager[RunningBot]]:
    """Start the real bot against the sandbox: `async with launch(**settings) as bot:`."""

    @contextlib.asynccontextmanager
    async def start(
        answerer: Answerer | None = None, **overrides: Any
    ) -> AsyncIterator[RunningBot]:
        values: dict[str, Any] = {
            "telegram_bot_token": SecretStr(sandbox.token),
            "telegram_api_url": sandbox.base_url,
            "admin_ids": [ADMIN_ID],
            "rate_limit_messages": 100,
        }
        values.update(overrides)
        local = settings.model_copy(update=values)
        services = build_services(local, answerer or qa_answerer)
        with services.session() as session:
            set_trainer(session=session, telegram_id=TRAINER_ID, trainer=True)
        try:
            async with running(build_application(local, services)):
                yield RunningBot(sandbox, services, local)
        finally:
            services.close()

    return start


@pytest.fixture
async def bot(launch: Callable[..., Any]) -> AsyncIterator[RunningBot]:
    """The bot with default test settings (admin 9001, trainer 9002 in the database)."""
    async with launch() as running_bot:
        yield running_bot
