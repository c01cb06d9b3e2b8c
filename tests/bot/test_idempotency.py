"""The same update delivered twice is handled once: one worker, a restart, two workers.

A trainer's `/cohort new NAME` is the witness: handled twice it would create two cohorts
and send two cards.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.app import webhook_config
from bot.sandbox import BotApiSandbox
from core.db import make_engine
from core.idempotency import DatabaseLedger, ProcessedUpdate, RedisLedger
from core.redis_client import connect
from core.timestamps import utc_now
from tests.bot.support import TRAINER_ID
from tests.bot.workers_support import (
    bot_settings,
    cohorts,
    hook_settings,
    last_update_with_text,
    post_update,
    redis_url_or_skip,
    unique_token,
    worker,
)

COMMAND = "/cohort new รุ่นทดสอบ"


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    """A sandbox whose bot id no other run has used (claims in Redis outlive a test)."""
    async with BotApiSandbox(unique_token()) as server:
        yield server


async def create_and_sync(trainer, sandbox):
    """Create the cohort; return its update (the card has arrived)."""
    await trainer.send(COMMAND)
    card = await trainer.next_message()
    assert "รุ่นทดสอบ" in card.text
    return last_update_with_text(sandbox, COMMAND)


async def later_reply_arrives(trainer) -> None:
    """A later update of the same chat is answered (so the duplicate before it was seen)."""
    await trainer.send("/help")
    assert "/lang" in (await trainer.next_message()).text


def cards(trainer) -> int:
    return sum("รุ่นทดสอบ" in m.text for m in trainer.messages)


async def test_an_update_posted_twice_to_the_webhook_creates_one_cohort(sandbox, settings):
    local = hook_settings(sandbox, settings)
    async with worker(local) as (_, services):
        trainer = sandbox.user(TRAINER_ID, "ครูสมศรี")
        update = await create_and_sync(trainer, sandbox)
        assert await post_update(webhook_config(local), update) == 200
        await later_reply_arrives(trainer)
        assert cohorts(services) == ["รุ่นทดสอบ"]
        assert cards(trainer) == 1


async def test_an_update_redelivered_after_a_restart_is_dropped(sandbox, settings):
    local = bot_settings(sandbox, settings)
    trainer = sandbox.user(TRAINER_ID, "ครูสมศรี")
    async with worker(local):
        update = await create_and_sync(trainer, sandbox)
    sandbox.redeliver(update["update_id"])  # as if the poller died before confirming it
    async with worker(local) as (_, services):
        await later_reply_arrives(trainer)
        assert cohorts(services) == ["รุ่นทดสอบ"]
        assert cards(trainer) == 1


@pytest.mark.parametrize("store", ["sqlite", "postgres", "redis"])
async def test_two_workers_given_the_same_update_handle_it_once(sandbox, settings, store, request):
    shared: dict[str, str] = {}
    if store == "postgres":
        shared["database_url"] = request.getfixturevalue("postgres_url")
    if store == "redis":
        shared["redis_url"] = redis_url_or_skip()
    first, second = (hook_settings(sandbox, settings, **shared) for _ in range(2))
    async with worker(first) as (_, services), worker(second):
        trainer = sandbox.user(TRAINER_ID, "ครูสมศรี")
        update = await create_and_sync(trainer, sandbox)  # delivered to one of them
        for local in (first, second):  # a proxy hands it to both
            assert await post_update(webhook_config(local), update) == 200
        await later_reply_arrives(trainer)
        assert cohorts(services) == ["รุ่นทดสอบ"]
        assert cards(trainer) == 1


async def test_database_claims_are_forgotten_after_the_retention_window(settings):
    engine = make_engine(settings.resolved_database_url)
    ProcessedUpdate.metadata.create_all(engine)
    ledger = DatabaseLedger(engine, retention=timedelta(hours=1))
    assert await ledger.claim(7, 1) and not await ledger.claim(7, 1)
    assert await ledger.claim(8, 1)  # another bot's update 1 is another update
    with ledger_session(engine) as session:
        session.get(ProcessedUpdate, (7, 1)).handled_at = utc_now() - timedelta(hours=2)
    assert await ledger.prune() == 1
    assert await ledger.claim(7, 1)  # long gone: Telegram would never send it again
    engine.dispose()


async def test_redis_claims_expire_by_themselves():
    client = connect(redis_url_or_skip())
    ledger = RedisLedger(client, retention=timedelta(seconds=30))
    bot_id = int(unique_token().split(":")[0])
    assert await ledger.claim(bot_id, 5) and not await ledger.claim(bot_id, 5)
    assert 0 < await client.ttl(f"ruamkit:update:{bot_id}:5") <= 30
    await client.aclose()


def ledger_session(engine):
    from core.db import session_scope

    return session_scope(engine)
