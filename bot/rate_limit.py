"""Rate limits in both directions: each user's pace, and Telegram's 429 replies to the bot."""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import math
import secrets
import time
from collections import deque
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Protocol

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from core.redis_client import AsyncRedis

log = logging.getLogger(__name__)
PRUNE_EVERY = 1024  # checks between sweeps of users who went quiet


@dataclass(frozen=True)
class Decision:
    """Whether a user's message may be handled now.

    Attributes:
        allowed: True when the message is within the limit.
        wait_s: Seconds until the next message would be allowed (0 when allowed).
        notify: True for the first refusal in a row, so the "please wait" is sent once.

    """

    allowed: bool
    wait_s: float = 0.0
    notify: bool = False

    @property
    def wait_seconds(self) -> int:
        """The wait rounded up to whole seconds, for people."""
        return max(1, math.ceil(self.wait_s))


class UserRateLimit(Protocol):
    """A per-user limit: in this process, or shared by every worker through Redis."""

    async def admit(self, key: int) -> Decision:
        """Count one event for `key` if it fits; otherwise say how long to wait."""


class SlidingWindowLimiter:
    """At most `limit` events per `window_s` seconds per key (a user id), in this process."""

    def __init__(
        self, limit: int, window_s: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.window_s = window_s
        self._clock = clock
        self._events: dict[int, deque[float]] = {}
        self._refused: set[int] = set()
        self._checks = 0

    def check(self, key: int) -> Decision:
        """Count one event for `key` if it fits in the window; otherwise say how long to wait."""
        self._checks += 1
        if self._checks % PRUNE_EVERY == 0:
            self.forget_idle()
        now = self._clock()
        events = self._events.setdefault(key, deque())
        while events and events[0] <= now - self.window_s:
            events.popleft()
        if len(events) < self.limit:
            events.append(now)
            self._refused.discard(key)
            return Decision(True)
        first_refusal = key not in self._refused
        self._refused.add(key)
        return Decision(False, events[0] + self.window_s - now, first_refusal)

    async def admit(self, key: int) -> Decision:
        """`check`, as the asynchronous `UserRateLimit` interface."""
        return self.check(key)

    def forget_idle(self) -> None:
        """Drop users with no events in the window (keeps memory bounded)."""
        now = self._clock()
        for key in [k for k, e in self._events.items() if not e or e[-1] <= now - self.window_s]:
            del self._events[key]
            self._refused.discard(key)


# KEYS[1] a user's sorted set of event times; ARGV now, window (s), limit, a unique member.
# Returns {allowed, seconds to wait, first refusal in a row}.
SLIDING_WINDOW_LUA = """
local key, refused = KEYS[1], KEYS[1] .. ':refused'
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local ttl = math.ceil(window * 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) < limit then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, ttl)
  redis.call('DEL', refused)
  return {1, '0', 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
local first = redis.call('SET', refused, '1', 'NX', 'PX', ttl)
return {0, tostring(tonumber(oldest[2]) + window - now), first and 1 or 0}
"""


class RedisWindowLimiter:
    """The same sliding window, kept in Redis so every worker process counts together."""

    def __init__(
        self,
        client: AsyncRedis,
        name: str,
        limit: int,
        window_s: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.client = client
        self.name = name
        self.limit = limit
        self.window_s = window_s
        self._clock = clock
        self._script = client.register_script(SLIDING_WINDOW_LUA)

    async def admit(self, key: int) -> Decision:
        """One atomic script call: prune, count, and record or refuse."""
        now = self._clock()
        args: list[str | float] = [now, self.window_s, self.limit, f"{now}-{secrets.token_hex(4)}"]
        allowed, wait, first = await self._script(keys=[self._key(key)], args=args)
        if int(allowed):
            return Decision(True)
        return Decision(False, max(float(wait), 0.0), bool(int(first)))

    def _key(self, key: int) -> str:
        return f"ruamkit:rate:{self.name}:{key}"


def retry_after_seconds(error: RetryAfter) -> float:
    """The server's retry_after in seconds (PTB gives an int or a timedelta)."""
    value: Any = error.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


class RetryAfterLimiter(BaseRateLimiter[None]):
    """Waits out Telegram's 429 `retry_after` and sends again, a bounded number of times.

    Every Bot API call of the application goes through `process_request`, so one place
    covers messages, edits, chat actions and callback answers alike.
    """

    def __init__(self, max_retries: int = 2, max_wait_s: float = 60.0) -> None:
        self.max_retries = max_retries
        self.max_wait_s = max_wait_s

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        """Call the API; on 429 wait `retry_after` (if short enough) and try again."""
        for attempt in range(self.max_retries + 1):
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                wait = retry_after_seconds(error)
                if attempt == self.max_retries or wait > self.max_wait_s:
                    raise
                log.warning("%s hit Telegram's flood limit; retrying in %.0f s", endpoint, wait)
                await asyncio.sleep(wait)
        raise AssertionError("unreachable")
