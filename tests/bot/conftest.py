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
from bot.services import build_qa, limit_threads
from core.settings import Settings
from core.users import set_trainer
from tests.bot.support import ADMIN_ID, TRAINER_ID, RunningBot


@pytest.fixture(scope="session")
def kb_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose index, built once from the lecture, all bot tests share."""
    return tmp_path_factory.mktemp("bot-kb")


@pytest.fixture(scope="session")
def qa_answerer(kb_data_dir: Path, models_dir: Path) -> Answerer:
    """The real question answerer over the lecture, warmed up once per session."""
    limit_threads()
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, ruamkit_data_dir=kb_data_dir, ruamkit_models_dir=models_dir
    )
    answerer = build_qa(settings).answerer
    answerer.warm_up()
    return answerer


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
