"""The quiz's buttons: callback data (ids only, at most 64 bytes) and the inline keyboards.

Every parser returns None for malformed data, so a forged button never reaches the handler's
logic; ownership of the attempt or item is then checked against the database.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import MAX_BYTES
from bot.texts import plain
from quizzes.questions import QuestionBank

ALL_TOPICS = "all"
LENGTHS = (5, 10, 15)
TIMER_S = 30
TIMER_CHOICES = (0, TIMER_S)
BUTTON_TEXT_LIMIT = 60

TOPIC = re.compile(r"^qz:t:([a-z0-9_]{1,32})$")
LENGTH = re.compile(r"^qz:n:([a-z0-9_]{1,32}):(\d{1,3}):(\d{1,3})$")
ORDER = re.compile(r"^qz:o:(\d{1,18}):(\d{0,10})$")
ATTEMPT = re.compile(r"^qz:(go|rev|retake|miss):(\d{1,18})$")
NEW = "qz:new"


class Action(StrEnum):
    """What a button does with a stored attempt."""

    CONTINUE = "go"
    REVIEW = "rev"
    RETAKE = "retake"
    PRACTISE_MISSED = "miss"


@dataclass(frozen=True)
class LengthChoice:
    """A topic (or ALL_TOPICS), a number of questions and seconds per question (0: none)."""

    topic: str
    length: int
    seconds: int


@dataclass(frozen=True)
class OrderStep:
    """An ordering item and the shown options tapped so far, in order."""

    item_id: int
    chosen: tuple[int, ...]


@dataclass(frozen=True)
class AttemptChoice:
    """A button acting on one attempt."""

    action: Action
    attempt_id: int


def _checked(data: str) -> str:
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def topic_data(topic: str) -> str:
    """Data of a topic button."""
    return _checked(f"qz:t:{topic}")


def length_data(choice: LengthChoice) -> str:
    """Data of a length button."""
    return _checked(f"qz:n:{choice.topic}:{choice.length}:{choice.seconds}")


def order_data(item_id: int, chosen: Sequence[int]) -> str:
    """Data of an ordering button: the item and the whole sequence after this tap."""
    return _checked(f"qz:o:{item_id}:{''.join(str(index) for index in chosen)}")


def attempt_data(action: Action, attempt_id: int) -> str:
    """Data of a button acting on an attempt."""
    return _checked(f"qz:{action.value}:{attempt_id}")


def parse_topic(data: str) -> str | None:
    """The topic of a topic button."""
    match = TOPIC.match(data)
    return match.group(1) if match else None


def parse_length(data: str) -> LengthChoice | None:
    """The topic, length and timer of a length button."""
    match = LENGTH.match(data)
    if not match:
        return None
    return LengthChoice(match.group(1), int(match.group(2)), int(match.group(3)))


def parse_order(data: str) -> OrderStep | None:
    """The item and sequence of an ordering button; None when an option repeats."""
    match = ORDER.match(data)
    if not match:
        return None
    chosen = tuple(int(digit) for digit in match.group(2))
    return OrderStep(int(match.group(1)), chosen) if len(set(chosen)) == len(chosen) else None


def parse_attempt(data: str) -> AttemptChoice | None:
    """The action and attempt of an attempt button."""
    match = ATTEMPT.match(data)
    return AttemptChoice(Action(match.group(1)), int(match.group(2))) if match else None


def length_choices(pool_size: int) -> list[int]:
    """The lengths to offer for a pool of questions: the standard ones below it, then all."""
    counts = [n for n in LENGTHS if n < pool_size]
    if pool_size <= LENGTHS[-1]:
        counts.append(pool_size)
    return counts


def topic_picker(bank: QuestionBank, lang: str) -> InlineKeyboardMarkup:
    """All topics first, then each topic of the bank, one per row."""
    rows = [[_button(plain("quiz.topic_all", lang), topic_data(ALL_TOPICS))]]
    rows += [[_button(bank.topic_title(t, lang), topic_data(t))] for t in bank.topic_ids()]
    return InlineKeyboardMarkup(rows)


def length_picker(topic: str, counts: Sequence[int], lang: str) -> InlineKeyboardMarkup:
    """One row of lengths without a time limit, one with ⏱."""
    rows = []
    for seconds, key in zip(TIMER_CHOICES, ("quiz.length", "quiz.length_timed"), strict=True):
        rows.append(
            [
                _button(plain(key, lang, count=n), length_data(LengthChoice(topic, n, seconds)))
                for n in counts
            ]
        )
    return InlineKeyboardMarkup(rows)


def ordering_keyboard(
    item_id: int, options: Sequence[str], chosen: Sequence[int], lang: str
) -> InlineKeyboardMarkup:
    """A button per option not tapped yet, and undo once something is tapped."""
    rows = [
        [_button(f"{index + 1}. {text}", order_data(item_id, [*chosen, index]))]
        for index, text in enumerate(options)
        if index not in chosen
    ]
    if chosen:
        rows.append([_button(plain("quiz.undo", lang), order_data(item_id, chosen[:-1]))])
    return InlineKeyboardMarkup(rows)


def score_buttons(attempt_id: int, missed: int, lang: str) -> InlineKeyboardMarkup:
    """Review and practise the missed questions (when any), and retake."""
    rows = []
    if missed:
        review = plain("quiz.button.review", lang, count=missed)
        rows.append([_button(review, attempt_data(Action.REVIEW, attempt_id))])
    rows.append(
        [_button(plain("quiz.button.retake", lang), attempt_data(Action.RETAKE, attempt_id))]
    )
    if missed:
        practise = plain("quiz.button.practice", lang)
        rows.append([_button(practise, attempt_data(Action.PRACTISE_MISSED, attempt_id))])
    return InlineKeyboardMarkup(rows)


def resume_buttons(attempt_id: int, lang: str) -> InlineKeyboardMarkup:
    """Continue the open attempt, or choose a new quiz."""
    return InlineKeyboardMarkup(
        [
            [
                _button(
                    plain("quiz.button.continue", lang), attempt_data(Action.CONTINUE, attempt_id)
                )
            ],
            [_button(plain("quiz.button.new", lang), NEW)],
        ]
    )


def _button(text: str, data: str) -> InlineKeyboardButton:
    """A button with a label short enough to read on a phone."""
    label = text if len(text) <= BUTTON_TEXT_LIMIT else text[: BUTTON_TEXT_LIMIT - 1] + "…"
    return InlineKeyboardButton(label, callback_data=data)
