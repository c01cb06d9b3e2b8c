"""Injected faults and Telegram's flood limits, as PTB experiences them."""

from __future__ import annotations

import datetime as dtm

import pytest
import telegram
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.sandbox import BotApiSandbox, RateLimits


def seconds(error: RetryAfter) -> float:
    value = error.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


@pytest.fixture
async def user(sandbox):
    person = sandbox.user(50)
    await person.send("/start")
    return person


async def test_429_fault_becomes_retry_after(sandbox, bot, user):
    sandbox.faults.add("sendMessage", status=429, retry_after=7)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(user.id, "hi")
    assert seconds(caught.value) == 7
    await bot.send_message(user.id, "hi")
    assert [m.text for m in user.messages] == ["hi"]


async def test_faults_are_consumed_in_order(sandbox, bot, user):
    sandbox.faults.add("sendMessage", status=400, description="Bad Request: planned")
    sandbox.faults.add("sendMessage", status=500, times=2)
    sandbox.faults.add("sendMessage", status=502)
    with pytest.raises(BadRequest, match="Planned"):
        await bot.send_message(user.id, "1")
    for _ in range(2):
        with pytest.raises(NetworkError, match="Internal Server Error"):
            await bot.send_message(user.id, "2")
    with pytest.raises(NetworkError, match="Bad Gateway"):
        await bot.send_message(user.id, "3")
    await bot.send_message(user.id, "4")
    assert [m.text for m in user.messages] == ["4"]
    assert sandbox.faults.pending == []


async def test_faults_only_hit_their_method(sandbox, bot, user):
    sandbox.faults.add("sendPoll", status=500)
    await bot.send_message(user.id, "unaffected")
    with pytest.raises(NetworkError):
        await bot.send_poll(user.id, "Q", ["a", "b"])


async def test_slow_reply_times_out_in_ptb(sandbox, bot, user):
    sandbox.faults.add("getMe", delay=3)
    with pytest.raises(TimedOut):
        await bot.get_me(read_timeout=0.2)


async def test_faults_need_a_status_or_delay(sandbox):
    with pytest.raises(ValueError, match="status, a delay"):
        sandbox.faults.add("sendMessage")


class FrozenClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def limited():
    """A sandbox with flood limits on and a clock that only moves when told to."""
    clock = FrozenClock()
    async with (
        BotApiSandbox(rate_limits=RateLimits(), clock=clock) as sandbox,
        telegram.Bot(sandbox.token, base_url=sandbox.bot_base_url) as bot,
    ):
        yield sandbox, bot, clock


async def test_private_chat_burst_then_429(limited):
    sandbox, bot, clock = limited
    user = sandbox.user(51)
    await user.send("/start")
    for number in range(RateLimits().private_burst):
        await bot.send_message(user.id, str(number))
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(user.id, "one too many")
    assert seconds(caught.value) >= 1
    clock.now += 1
    await bot.send_message(user.id, "after waiting")
    assert user.messages[-1].text == "after waiting"


async def test_global_limit_spans_chats(limited):
    sandbox, bot, _ = limited
    users = [sandbox.user(100 + i) for i in range(RateLimits().global_burst + 1)]
    for user in users:
        await user.send("/start")
    for user in users[:-1]:
        await bot.send_message(user.id, "ok")
    with pytest.raises(RetryAfter):
        await bot.send_message(users[-1].id, "over 30 per second")


async def test_group_limit_is_per_minute(limited):
    sandbox, bot, clock = limited
    group = sandbox.group(-1001, "ทีม")
    for _ in range(RateLimits().group_burst):
        await bot.send_message(group.chat_id, "x")
        clock.now += 0.1  # stay under the global limit
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(group.chat_id, "too many this minute")
    assert seconds(caught.value) >= 1


async def test_limits_are_off_unless_asked_for(sandbox, bot, user):
    for number in range(40):
        await bot.send_message(user.id, str(number))
    assert len(user.messages) == 40
    sandbox.set_rate_limits(RateLimits(private_burst=1))
    await bot.send_message(user.id, "first")
    with pytest.raises(RetryAfter):
        await bot.send_message(user.id, "second")
