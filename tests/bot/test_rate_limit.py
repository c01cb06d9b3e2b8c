"""The per-user sliding window and the 429 retry policy."""

from __future__ import annotations

import datetime as dtm

import pytest
from telegram.error import RetryAfter

from bot.rate_limit import RetryAfterLimiter, SlidingWindowLimiter
from tests.fakes import ManualClock


def test_window_allows_the_limit_then_asks_to_wait_and_notifies_once():
    clock = ManualClock(100.0)
    limiter = SlidingWindowLimiter(2, 30, clock)
    assert limiter.check(1).allowed and limiter.check(1).allowed
    clock.now += 10
    refused = limiter.check(1)
    assert (refused.allowed, refused.notify, refused.wait_seconds) == (False, True, 20)
    assert limiter.check(1).notify is False  # "please wait" is not repeated
    assert limiter.check(2).allowed  # other users are unaffected
    clock.now += 20  # the first two events leave the window
    assert limiter.check(1).allowed
    clock.now += 0.5
    assert limiter.check(1).allowed
    assert limiter.check(1).wait_seconds == 30  # 29.5 s, rounded up for people


def test_idle_users_are_forgotten():
    clock = ManualClock(100.0)
    limiter = SlidingWindowLimiter(1, 5, clock)
    limiter.check(1)
    clock.now += 6
    limiter.forget_idle()
    assert limiter._events == {}


class Flaky:
    def __init__(self, failures, retry_after):
        self.failures, self.retry_after, self.calls = failures, retry_after, 0

    async def __call__(self):
        self.calls += 1
        if self.calls <= self.failures:
            raise RetryAfter(self.retry_after)
        return True


async def call(limiter, callback):
    return await limiter.process_request(callback, (), {}, "sendMessage", {}, None)


async def test_retry_after_is_waited_out_and_retried():
    flaky = Flaky(failures=2, retry_after=dtm.timedelta(0))
    assert await call(RetryAfterLimiter(max_retries=2), flaky) is True
    assert flaky.calls == 3


async def test_gives_up_after_the_retries_or_when_the_wait_is_too_long():
    with pytest.raises(RetryAfter):
        await call(RetryAfterLimiter(max_retries=1), Flaky(5, dtm.timedelta(0)))
    too_long = Flaky(1, dtm.timedelta(seconds=3600))
    with pytest.raises(RetryAfter):
        await call(RetryAfterLimiter(max_wait_s=60), too_long)
    assert too_long.calls == 1
