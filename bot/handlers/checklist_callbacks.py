"""Callback data of the checklist buttons: ``cl:<action>[:<id>[:<item>[:<value>]]]``.

Only ids travel (Telegram allows 64 bytes). The parser accepts exactly the shape each
action needs and returns None for anything else, so a forged button never reaches the
handlers' logic; the handlers still check ownership and the current item in the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.callbacks import MAX_BYTES

PATTERN = re.compile(r"^cl:")
END = "end"  # the item slot of buttons on the "last question reached" screen

# action -> how many fields follow it: the id, then an item id, then a value
SHAPES: dict[str, int] = {
    "list": 0,  # show my projects
    "new": 0,  # ask for a new project's name
    "cancel": 0,  # stop waiting for typed text
    "p": 1,  # open a project
    "go": 1,  # start (or resume) an assessment of a project
    "rep": 1,  # send a project's latest report again
    "fin": 1,  # finish an assessment and show the results
    "pause": 1,  # leave an assessment for later
    "back": 2,  # step back from the item shown
    "skip": 2,  # skip the item shown
    "why": 2,  # explain an item from the lecture
    "ev": 2,  # add evidence to an answered item
    "a": 3,  # answer an item with a value
}
_ID = re.compile(r"^\d{1,18}$")
_WORD = re.compile(r"^[a-z0-9_]{1,32}$")


@dataclass(frozen=True)
class Press:
    """A parsed checklist button: its action and the ids it carries."""

    action: str
    target: int | None = None
    item: str | None = None
    value: str | None = None


def build(action: str, target: int | None = None, item: str | None = None, value: str = "") -> str:
    """Callback data for a checklist button; ValueError if it would not fit in 64 bytes."""
    parts = [str(p) for p in ("cl", action, target, item, value or None) if p is not None]
    data = ":".join(parts)
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def parse(data: str) -> Press | None:
    """The press described by `data`, or None when it is malformed."""
    parts = data.split(":")
    if len(parts) < 2 or parts[0] != "cl" or parts[1] not in SHAPES:
        return None
    fields = parts[2:]
    if len(fields) != SHAPES[parts[1]]:
        return None
    if fields and not _ID.match(fields[0]):
        return None
    if any(not _WORD.match(word) for word in fields[1:]):
        return None
    target = int(fields[0]) if fields else None
    item = fields[1] if len(fields) > 1 else None
    value = fields[2] if len(fields) > 2 else None
    return Press(parts[1], target, item, value)
