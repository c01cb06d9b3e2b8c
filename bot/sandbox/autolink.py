"""Entities Telegram detects by itself: bot commands, URLs, @mentions, hashtags, e-mails."""

from __future__ import annotations

import re
from typing import Any

from bot.sandbox.entities import utf16_len

_PATTERNS = (
    ("bot_command", re.compile(r"(?<![\w/])/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?(?!\w)")),
    ("url", re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]]")),
    ("email", re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]*\w\b")),
    ("mention", re.compile(r"(?<![\w@])@[a-zA-Z0-9_]{5,32}\b")),
    ("hashtag", re.compile(r"(?<![\w#])#\w*[^\W\d]\w*")),
)
# Telegram detects nothing inside these.
_OPAQUE = {"code", "pre", "text_link", "url", "email", "bot_command", "mention"}


def detect(text: str, existing: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``existing`` plus auto-detected entities that overlap no opaque entity, in order."""
    taken = [(e["offset"], e["offset"] + e["length"]) for e in existing if e["type"] in _OPAQUE]
    found: list[dict[str, Any]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start = utf16_len(text[: match.start()])
            end = start + utf16_len(match.group(0))
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            found.append({"type": kind, "offset": start, "length": end - start})
    merged = existing + found
    merged.sort(key=lambda e: (e["offset"], -e["length"]))
    return merged
