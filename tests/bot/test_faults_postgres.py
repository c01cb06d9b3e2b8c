"""PostgreSQL drops the bot's connections mid-run (pg_terminate_backend): the bot recovers by
itself, with no apology and nothing lost or counted twice.

Only this test's own connections are killed: they carry an application_name of their own
(other test runs may share the server).
"""

from __future__ import annotations

import secrets

import pytest

from bot.context import BotContext
from bot.handlers.trainer_jobs import sweep
from tests.bot.quiz_support import answer_polls, attempts, items, start_quiz
from tests.bot.support import OFFICIAL_ID, RunningBot
from tests.bot.workers_support import bot_settings, worker
from tests.postgres_support import kill_connections

pytestmark = pytest.mark.postgres
APOLOGY = "ขออภัยค่ะ เกิดข้อผิดพลาด"
TOPIC = "pp_vs_pg"


async def test_killed_connections_are_replaced_and_the_quiz_goes_on(
    sandbox, settings, postgres_url
):
    name = f"ruamkit_kill_{secrets.token_hex(4)}"
    local = bot_settings(sandbox, settings, database_url=f"{postgres_url}&application_name={name}")
    async with worker(local) as (app, services):
        official = sandbox.user(OFFICIAL_ID)
        first = await start_quiz(official, TOPIC, 5)
        _, second = await answer_polls(official, first, [True, False])
        assert kill_connections(name) >= 1  # the pool's idle connections, server side
        _, third = await answer_polls(official, second, [True])
        assert kill_connections(name) >= 1
        await sweep(BotContext(app))  # background work on a dead connection: retried
        _, card = await answer_polls(official, third, [True, True])
        assert "4/5" in card.text
        assert not any(m.text.startswith(APOLOGY) for m in official.messages)
        shared = RunningBot(sandbox, services, local)
        (attempt,) = attempts(shared, OFFICIAL_ID)
        assert [item.correct for item in items(shared, attempt.id)] == [
            True, False, True, True, True
        ]  # fmt: skip
