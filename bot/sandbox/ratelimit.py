"""Telegram's flood limits as token buckets; off unless a RateLimits config is given."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.sandbox import limits
from bot.sandbox.errors import too_many_requests

# Methods that send a message count against the limits.
COUNTED_METHODS = frozenset({"sendmessage", "sendpoll", "senddocument", "sendphoto"})


@dataclass(frozen=True)
class RateLimits:
    """How much traffic Telegram tolerates before answering 429.

    Private chats allow about one message a second with short bursts; groups about 20 a
    minute; the whole bot about 30 a second.
    """

    global_per_second: float = limits.MESSAGES_PER_SECOND_GLOBAL
    global_burst: int = limits.MESSAGES_PER_SECOND_GLOBAL
    private_per_second: float = limits.MESSAGES_PER_SECOND_PER_CHAT
    private_burst: int = 10
    group_per_minute: float = limits.MESSAGES_PER_MINUTE_PER_GROUP
    group_burst: int = limits.MESSAGES_PER_MINUTE_PER_GROUP


@dataclass
class _Bucket:
    rate: float  # tokens per second
    capacity: float
    tokens: float
    updated: float

    def refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def wait_needed(self) -> float:
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


@dataclass
class RateLimiter:
    """Checks one message against the global bucket and its chat's bucket."""

    config: RateLimits
    clock: Callable[[], float]
    _buckets: dict[object, _Bucket] = field(default_factory=dict)

    def check(self, chat_id: int, is_group: bool) -> None:
        """Take a token from each bucket or raise 429 with the seconds until one is free."""
        now = self.clock()
        buckets = [self._bucket("global", now), self._bucket((chat_id, is_group), now)]
        for bucket in buckets:
            bucket.refill(now)
        wait = max(bucket.wait_needed() for bucket in buckets)
        if wait > 0:
            raise too_many_requests(max(1, math.ceil(wait)))
        for bucket in buckets:
            bucket.tokens -= 1

    def _bucket(self, key: object, now: float) -> _Bucket:
        if key not in self._buckets:
            rate, burst = self._shape(key)
            self._buckets[key] = _Bucket(rate, burst, burst, now)
        return self._buckets[key]

    def _shape(self, key: object) -> tuple[float, float]:
        cfg = self.config
        if key == "global":
            return cfg.global_per_second, cfg.global_burst
        if isinstance(key, tuple) and key[1]:
            return cfg.group_per_minute / 60, cfg.group_burst
        return cfg.private_per_second, cfg.private_burst
