"""One poller per bot: a second one refuses to start; one Telegram cuts off stops cleanly."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from bot.cli.run import serve_telegram
from bot.poller_lock import AnotherPoller, PostgresPollerLock
from bot.sandbox import BotApiSandbox
from core.db import make_engine
from core.errors import ConfigurationError
from core.settings import Settings
from tests.bot.quiz_support import RefusingAnswerer
from tests.bot.support import OFFICIAL_ID
from tests.bot.test_workers import postgres_or_fail
from tests.bot.workers_support import bot_settings, redis_url_or_skip, unique_token

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    """A sandbox whose bot id no other run uses (a Redis lock may outlive a test by its TTL)."""
    async with BotApiSandbox(unique_token()) as server:
        yield server


async def start_poller(sandbox: BotApiSandbox, local: Settings) -> asyncio.Task[int]:
    """`ruamkit run`'s serve_telegram in polling mode, once its getUpdates waits."""
    task = asyncio.create_task(serve_telegram(local, RefusingAnswerer()))
    for _ in range(200):  # bounded: 20 s
        if sandbox.polling or task.done():
            break
        await asyncio.sleep(0.1)
    assert sandbox.polling, "the poller never called getUpdates"
    return task


async def stop(task: asyncio.Task[int]) -> None:
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def answers(sandbox: BotApiSandbox) -> bool:
    """Whether a running poller answers /start."""
    official = sandbox.user(OFFICIAL_ID)
    await official.send("/start")
    return "ร่วมคิด" in (await official.next_message(timeout=20)).text


@pytest.mark.parametrize("store", ["sqlite", "postgres", "redis"])
async def test_a_second_poller_on_the_same_state_refuses_to_start(
    sandbox, settings, store, request
):
    shared: dict[str, Any] = {}
    if store == "postgres":
        shared["database_url"] = postgres_or_fail(request)
    if store == "redis":
        shared["redis_url"] = redis_url_or_skip()
    local = bot_settings(sandbox, settings, **shared)
    first = await start_poller(sandbox, local)
    with pytest.raises(ConfigurationError, match="another RuamKit poller is already running"):
        await serve_telegram(local, RefusingAnswerer())
    assert await answers(sandbox)  # the first one goes on
    await stop(first)
    second = await start_poller(sandbox, local)  # the lock went with the first
    await stop(second)


async def test_a_poller_telegram_cuts_off_stops_with_one_message(
    sandbox, settings, tmp_path, caplog
):
    caplog.set_level(logging.DEBUG)
    # Two databases, so the lock cannot see the other poller: only the 409 can.
    old = bot_settings(sandbox, settings, ruamkit_data_dir=tmp_path / "old")
    new = bot_settings(sandbox, settings, ruamkit_data_dir=tmp_path / "new")
    older = await start_poller(sandbox, old)
    newer = asyncio.create_task(serve_telegram(new, RefusingAnswerer()))
    with pytest.raises(ConfigurationError, match="Another instance polls with the same"):
        await asyncio.wait_for(older, 30)
    assert await answers(sandbox)  # the newer poller was not cut off in turn
    assert not newer.done()
    await stop(newer)
    conflicts = [r for r in caplog.records if "terminated by other getUpdates" in r.getMessage()]
    assert conflicts == []  # no log line per 409: the one message is the error above
    assert not [r for r in caplog.records if r.exc_info and r.levelno >= logging.ERROR]


async def test_ruamkit_run_exits_with_the_message_while_another_poller_runs(
    sandbox, settings, tmp_path
):
    local = bot_settings(sandbox, settings)
    first = await start_poller(sandbox, local)
    env = {
        **os.environ,
        "RUAMKIT_DATA_DIR": str(local.data_dir),
        "TELEGRAM_BOT_TOKEN": sandbox.token,
        "TELEGRAM_API_URL": sandbox.base_url,
        "WEBHOOK_URL": "",
    }
    entry = "import sys; from bot.cli import main; raise SystemExit(main(sys.argv[1:]))"
    second = await asyncio.create_subprocess_exec(
        sys.executable, "-c", entry, "run", cwd=tmp_path, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    _, stderr = await asyncio.wait_for(second.communicate(), 120)
    assert second.returncode == 2
    message = stderr.decode()
    assert "another RuamKit poller is already running" in message and "Traceback" not in message
    assert await answers(sandbox)
    await stop(first)


def _terminate_lock_holder(url: str, key: int) -> int:
    """pg_terminate_backend on whoever holds the advisory lock `key`; how many were cut."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            holders = connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'"
                    " AND granted AND ((classid::bigint << 32) | objid::bigint) = :key"
                ),
                {"key": key},
            ).all()
        return len(holders)
    finally:
        engine.dispose()


@pytest.mark.postgres
async def test_a_postgres_lock_cut_off_is_taken_again_when_nobody_else_has_it(request):
    url = postgres_or_fail(request)
    bot_id = int(unique_token().split(":")[0])
    held = PostgresPollerLock(make_engine(url), bot_id, check_every_s=0.2)
    await held.acquire()
    try:
        assert await asyncio.to_thread(_terminate_lock_holder, url, held.key) == 1
        rival = PostgresPollerLock(make_engine(url), bot_id)
        # the holder notices within a check or two and takes it again on a new connection
        await asyncio.sleep(1.0)
        with pytest.raises(AnotherPoller):
            await rival.acquire()
        assert not held.lost.is_set()
    finally:
        await held.release()


@pytest.mark.postgres
async def test_a_poller_whose_postgres_lock_was_taken_meanwhile_stops_with_a_message(
    sandbox, settings, request, monkeypatch
):
    url = postgres_or_fail(request)
    monkeypatch.setattr("bot.poller_lock.CHECK_EVERY_S", 2.0)
    local = bot_settings(sandbox, settings, database_url=url)
    poller = await start_poller(sandbox, local)
    bot_id = int(sandbox.token.split(":")[0])
    rival = PostgresPollerLock(make_engine(url), bot_id, check_every_s=3600)
    # The server drops the lock's connection (a restart would too), and before the poller's
    # next check another instance takes the lock: the first must stop, not poll alongside.
    for _ in range(5):  # should the poller's check come first, it holds the lock again
        assert await asyncio.to_thread(_terminate_lock_holder, url, rival.key) == 1
        try:
            await rival.acquire()
            break
        except AnotherPoller:
            rival = PostgresPollerLock(make_engine(url), bot_id, check_every_s=3600)
    try:
        with pytest.raises(ConfigurationError, match="lost its lock"):
            await asyncio.wait_for(poller, 30)
    finally:
        await rival.release()
