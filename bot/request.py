"""How the bot talks HTTP to the Bot API: patient timeouts, and retries where they are safe.

Telegram's servers and the proxies in front of them sometimes answer 5xx or refuse a
connection for a moment. Those calls are tried again with a growing pause, a bounded number
of times. A reply that times out is never retried: Telegram may well have sent the message,
and sending it again would repeat it to the user. 429 is left to
`bot.rate_limit.RetryAfterLimiter`, which waits the `retry_after` Telegram asks for.
"""

from __future__ import annotations

import asyncio
import logging

import httpx
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

log = logging.getLogger(__name__)
BACKOFF_S = (0.5, 1.0, 2.0)  # pauses before the 2nd, 3rd and 4th try


class RetryingRequest(HTTPXRequest):
    """HTTPXRequest that retries 5xx answers and refused connections with backoff."""

    def __init__(self, timeout_s: float = 30.0, backoff_s: tuple[float, ...] = BACKOFF_S) -> None:
        super().__init__(
            connection_pool_size=256, read_timeout=timeout_s, write_timeout=timeout_s,
            connect_timeout=min(timeout_s, 10.0), pool_timeout=min(timeout_s, 10.0),
            media_write_timeout=max(timeout_s, 60.0),
        )  # fmt: skip
        self.backoff_s = backoff_s

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send; on a 5xx or a connection that never opened, wait and send again."""
        endpoint = url.rsplit("/", 1)[-1]
        for pause in (*self.backoff_s, None):
            try:
                status, payload = await super().do_request(
                    url, method, request_data, read_timeout, write_timeout,
                    connect_timeout, pool_timeout,
                )  # fmt: skip
            except NetworkError as error:
                if pause is None or not never_sent(error):
                    raise
                log.warning("%s: %s; trying again in %.1f s", endpoint, error, pause)
            else:
                if status < 500 or pause is None:
                    return status, payload
                log.warning(
                    "%s: Bot API answered %d; trying again in %.1f s", endpoint, status, pause
                )
            await asyncio.sleep(pause)
        raise AssertionError("unreachable")


def never_sent(error: NetworkError) -> bool:
    """Whether the request surely never reached the server (so sending again is safe)."""
    cause = error.__cause__
    if isinstance(error, TimedOut):
        return isinstance(cause, httpx.ConnectTimeout | httpx.PoolTimeout)
    return isinstance(cause, httpx.ConnectError)


def maybe_delivered(error: BaseException | None) -> bool:
    """Whether a request reached the server but no reply came back (timed out, dropped).

    Telegram may have acted on it: the message may be on the user's screen already, so
    neither an apology nor a second copy is right.
    """
    if not isinstance(error, NetworkError) or never_sent(error):
        return False
    if isinstance(error, TimedOut):
        return True
    return isinstance(error.__cause__, httpx.RemoteProtocolError | httpx.ReadError)
