"""Per-user limits shared by every worker through Redis (REDIS_URL); in memory without it."""

from __future__ import annotations

import secrets

import pytest

from bot.app import webhook_config
from bot.rate_limit import RedisWindowLimiter
from bot.sandbox import BotApiSandbox
from core.redis_client import connect
from tests.bot.support import OFFICIAL_ID
from tests.bot.workers_support import (
    hook_settings,
    post_update,
    redis_url_or_skip,
    unique_token,
    worker,
)
from tests.fakes import ManualClock


@pytest.fixture
async def sandbox():
    """A sandbox whose bot id no other run has used (claims in Redis outlive a test)."""
    async with BotApiSandbox(unique_token()) as server:
        yield server


@pytest.fixture
async def two_workers_limits():
    """Two limiters over one Redis, as two worker processes would have."""
    url = redis_url_or_skip()
    clients = [connect(url), connect(url)]
    clock, name = ManualClock(1_000_000.0), f"test-{secrets.token_hex(4)}"
    yield clock, [RedisWindowLimiter(c, name, 3, 30, clock) for c in clients]
    for client in clients:
        await client.aclose()


async def test_workers_count_one_users_messages_together(two_workers_limits):
    clock, (one, two) = two_workers_limits
    assert [(await limiter.admit(1)).allowed for limiter in (one, two, one)] == [True] * 3
    refused = await two.admit(1)
    assert not refused.allowed and refused.notify and refused.wait_seconds == 30
    clock.now += 10
    again = await one.admit(1)
    assert not again.allowed and not again.notify  # "please wait" is said once
    assert again.wait_seconds == 20
    assert (await two.admit(2)).allowed  # other users are unaffected
    clock.now += 20.5
    assert (await one.admit(1)).allowed  # the oldest message left the window


def help_command(update_id: int) -> dict:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": 0, "chat": {"id": OFFICIAL_ID, "type": "private"},
        "from": {"id": OFFICIAL_ID, "is_bot": False, "first_name": "x"}, "text": "/help",
        "entities": [{"type": "bot_command", "offset": 0, "length": 5}]}}  # fmt: skip


async def test_two_workers_with_redis_count_a_users_messages_together(sandbox, settings):
    shared = {"redis_url": redis_url_or_skip(), "rate_limit_messages": 3}
    first, second = (hook_settings(sandbox, settings, **shared) for _ in range(2))
    official = sandbox.user(OFFICIAL_ID)
    async with worker(first), worker(second):
        await official.send("/start")  # the 1st message in the window
        await official.next_message()
        base = 10**8 + secrets.randbelow(10**8)
        for offset, local in enumerate((first, second, first)):  # a proxy spreads them
            assert await post_update(webhook_config(local), help_command(base + offset)) == 200
        await official.wait_for(lambda m: sum(kind(x) is not None for x in official.messages) == 3)
        kinds = sorted(kind(m) or "" for m in official.messages[1:])
        assert kinds == ["help", "help", "slow_down"]  # the 4th in the window, on any worker


def kind(message) -> str | None:
    if "วิธีใช้" in message.text:
        return "help"
    return "slow_down" if "ส่งข้อความถี่เกินไป" in message.text else None
