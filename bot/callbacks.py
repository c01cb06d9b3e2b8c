"""Callback data: short ids only (Telegram allows 64 bytes; a Thai character takes 3).

Each kind has a builder, a regex the handlers register with, and a parser. Parsers return
None for anything malformed, so a forged button never reaches the handler's logic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.feedback import Feedback

MAX_BYTES = 64

SOURCES = re.compile(r"^src:(\d{1,18})$")
FEEDBACK = re.compile(r"^fb:(\d{1,18}):([ud])$")
ASK_TOPIC = re.compile(r"^ask:(th|en):(\d{1,2})$")
LANGUAGE = re.compile(r"^lang:(th|en)$")
MENU = re.compile(r"^menu:([a-z_]{1,20})$")

_FEEDBACK_CODES = {Feedback.UP: "u", Feedback.DOWN: "d"}


@dataclass(frozen=True)
class FeedbackChoice:
    """A 👍/👎 press on one answer."""

    answer_id: int
    feedback: Feedback


@dataclass(frozen=True)
class TopicChoice:
    """A suggested topic pressed under a refusal (index into that language's topics)."""

    lang: str
    index: int


def _checked(data: str) -> str:
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def sources(answer_id: int) -> str:
    """Data of the "show cited passages" button."""
    return _checked(f"src:{answer_id}")


def feedback(answer_id: int, choice: Feedback) -> str:
    """Data of a 👍/👎 button."""
    return _checked(f"fb:{answer_id}:{_FEEDBACK_CODES[choice]}")


def ask_topic(lang: str, index: int) -> str:
    """Data of a suggested-topic button."""
    return _checked(f"ask:{lang}:{index}")


def language(code: str) -> str:
    """Data of a language button."""
    return _checked(f"lang:{code}")


def menu(key: str) -> str:
    """Data of a main-menu button."""
    return _checked(f"menu:{key}")


def parse_sources(data: str) -> int | None:
    """The answer id of a sources button."""
    match = SOURCES.match(data)
    return int(match.group(1)) if match else None


def parse_feedback(data: str) -> FeedbackChoice | None:
    """The answer id and verdict of a feedback button."""
    match = FEEDBACK.match(data)
    if not match:
        return None
    choice = Feedback.UP if match.group(2) == "u" else Feedback.DOWN
    return FeedbackChoice(int(match.group(1)), choice)


def parse_topic(data: str) -> TopicChoice | None:
    """The language and index of a suggested-topic button."""
    match = ASK_TOPIC.match(data)
    return TopicChoice(match.group(1), int(match.group(2))) if match else None


def parse_language(data: str) -> str | None:
    """The language code of a language button."""
    match = LANGUAGE.match(data)
    return match.group(1) if match else None


def parse_menu(data: str) -> str | None:
    """The key of a main-menu button."""
    match = MENU.match(data)
    return match.group(1) if match else None
