"""Users this process recorded lately, so their next updates skip a database round trip.

Every update records its sender (`core.users.touch_user`), which reads the user's row and
writes only when the name changed. Under load that read is one of the four transactions of
a question; a user seen a moment ago with the same name needs none. Rows are never deleted,
and a name another worker changed meanwhile is written again once the entry expires.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

CAPACITY = 10_000
TTL_S = 300.0


class RecentUsers:
    """A bounded, expiring record of (Telegram id, first name) pairs already stored."""

    def __init__(
        self,
        capacity: int = CAPACITY,
        ttl_s: float = TTL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity = capacity
        self.ttl_s = ttl_s
        self._clock = clock
        self._seen: OrderedDict[int, tuple[str, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    def is_stored(self, telegram_id: int, first_name: str) -> bool:
        """Whether this user was stored with this name within the last `ttl_s` seconds."""
        entry = self._seen.get(telegram_id)
        if entry is None:
            return False
        name, at = entry
        if name != first_name or self._clock() - at > self.ttl_s:
            del self._seen[telegram_id]
            return False
        return True

    def stored(self, telegram_id: int, first_name: str) -> None:
        """Note that the user's row now holds this name; the oldest entry goes when full."""
        self._seen[telegram_id] = (first_name, self._clock())
        self._seen.move_to_end(telegram_id)
        while len(self._seen) > self.capacity:
            self._seen.popitem(last=False)
