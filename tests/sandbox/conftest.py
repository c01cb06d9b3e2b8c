"""Fixtures for the Bot API sandbox tests: a running sandbox and a PTB bot pointed at it."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
import telegram

from bot.sandbox import BotApiSandbox

SPEC_PATH = Path(__file__).parent / "data" / "bot-api-spec.json"


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    """The Bot API 10.1 description (methods, types, required flags), stored with the tests."""
    return json.loads(SPEC_PATH.read_text(encoding="utf-8"))


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    """A started sandbox on a free port; stopped after the test."""
    server = BotApiSandbox()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def make_bot(sandbox: BotApiSandbox) -> Callable[..., telegram.Bot]:
    """Build PTB Bots talking to the sandbox over HTTP (optionally with another token)."""

    def build(token: str | None = None) -> telegram.Bot:
        return telegram.Bot(
            token or sandbox.token,
            base_url=sandbox.bot_base_url,
            base_file_url=sandbox.file_base_url,
        )

    return build


@pytest.fixture
async def bot(make_bot: Callable[..., telegram.Bot]) -> AsyncIterator[telegram.Bot]:
    """An initialized PTB Bot (getMe done) for the sandbox."""
    async with make_bot() as ptb_bot:
        yield ptb_bot
