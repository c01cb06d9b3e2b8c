"""Planned failures: make chosen Bot API calls fail or answer slowly, in order."""

from __future__ import annotations

from dataclasses import dataclass

from bot.sandbox.errors import ApiError, too_many_requests

_DEFAULT_TEXTS = {
    400: "Bad Request: sandbox fault",
    403: "Forbidden: sandbox fault",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}
# Telegram's front end answers these with an nginx HTML page, not JSON.
HTML_STATUSES = frozenset({502, 503, 504})


class DroppedConnection(Exception):
    """The sandbox closes the connection without a reply (``after``: once the call ran)."""

    def __init__(self, after: bool) -> None:
        super().__init__("connection dropped")
        self.after = after


@dataclass
class Fault:
    """One planned failure; ``status=None`` with a delay means a slow but correct reply."""

    method: str | None
    status: int | None
    description: str | None
    retry_after: int | None
    delay: float
    times: int
    drop: str | None = None  # "before" or "after" the call runs: no reply at all

    def matches(self, method: str) -> bool:
        """Whether this fault applies to a call of ``method`` (None matches every method)."""
        return self.method is None or self.method.lower() == method.lower()

    def error(self) -> ApiError | None:
        """The error to answer with, or None for a delay-only fault."""
        if self.status is None:
            return None
        if self.status == 429:
            return too_many_requests(self.retry_after or 1)
        text = self.description or _DEFAULT_TEXTS.get(self.status, f"Error {self.status}")
        return ApiError(self.status, text)


class FaultPlan:
    """Faults consumed in the order they were added, each ``times`` times."""

    def __init__(self) -> None:
        self.pending: list[Fault] = []
        self.fired: list[tuple[str, Fault]] = []

    def add(
        self,
        method: str | None = None,
        *,
        status: int | None = None,
        description: str | None = None,
        retry_after: int | None = None,
        delay: float = 0.0,
        times: int = 1,
        drop: str | None = None,
    ) -> Fault:
        """Plan a failure of the next ``times`` calls of ``method`` (any method when None).

        Args:
            method: Bot API method name such as ``"sendMessage"``, or None for any method.
            status: HTTP status to answer with (400, 403, 429, 500, 502, ...); None for none.
            description: Error text; Telegram's usual text for the status when omitted.
            retry_after: Seconds for a 429 reply's ``parameters.retry_after``.
            delay: Seconds to wait before answering (or before handling the call normally).
            times: How many matching calls this fault affects.
            drop: ``"before"`` closes the connection without running the call, ``"after"``
                runs it and then closes the connection without a reply (the bot cannot know
                whether it happened).

        """
        if drop not in (None, "before", "after"):
            raise ValueError("drop is 'before' or 'after'")
        if status is None and delay <= 0 and drop is None:
            raise ValueError("a fault needs a status, a delay, a drop, or a combination")
        if times < 1:
            raise ValueError("times must be at least 1")
        fault = Fault(method, status, description, retry_after, delay, times, drop)
        self.pending.append(fault)
        return fault

    def take(self, method: str) -> Fault | None:
        """The first pending fault for this method, counting one use of it."""
        for fault in self.pending:
            if fault.matches(method):
                fault.times -= 1
                if fault.times == 0:
                    self.pending.remove(fault)
                self.fired.append((method, fault))
                return fault
        return None

    def clear(self) -> None:
        """Drop every planned fault."""
        self.pending.clear()
