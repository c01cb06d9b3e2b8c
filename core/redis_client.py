"""The one place that imports redis: a client for REDIS_URL, shared by every worker process."""

from __future__ import annotations

from redis.asyncio import Redis as AsyncRedis

__all__ = ["AsyncRedis", "connect"]


def connect(url: str) -> AsyncRedis:
    """An asyncio Redis client for `url` (connections open lazily, on first use)."""
    return AsyncRedis.from_url(url, decode_responses=True, health_check_interval=30)
