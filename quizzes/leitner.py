"""Leitner boxes: a question answered wrongly comes back soon, then less and less often."""

from __future__ import annotations

from datetime import datetime, timedelta

FIRST_BOX = 1
LAST_BOX = 5
# Box 1 is due at once; each right answer moves a card one box up and further away.
BOX_INTERVALS: dict[int, timedelta] = {
    1: timedelta(days=0),
    2: timedelta(days=1),
    3: timedelta(days=3),
    4: timedelta(days=7),
    5: timedelta(days=14),
}


def leitner_next_box(box: int, correct: bool) -> int:
    """The box after an answer: one up when right (at most the last), box 1 when wrong."""
    if not correct:
        return FIRST_BOX
    return min(_clamp(box) + 1, LAST_BOX)


def due_at(box: int, answered_at: datetime) -> datetime:
    """When a card in `box`, answered at `answered_at`, is due again."""
    return answered_at + BOX_INTERVALS[_clamp(box)]


def is_due(card_due_at: datetime, now: datetime) -> bool:
    """Whether a card due at `card_due_at` should be practised at `now`."""
    return card_due_at <= now


def _clamp(box: int) -> int:
    """Keep a box number inside 1..5 (a stored value from an older scheme stays usable)."""
    return max(FIRST_BOX, min(box, LAST_BOX))
