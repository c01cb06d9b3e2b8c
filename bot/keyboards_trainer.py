"""Callback data and inline keyboards of the trainer tools (ids only: 64 bytes at most).

Every button starts with ``tr:``. Parsers return None for anything malformed, so a forged
button never reaches a handler's logic; the handlers still check the role and ownership.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.texts import plain

MAX_BYTES = 64
BUTTON_TEXT_LIMIT = 60

# Trainer: cohorts
COHORT = re.compile(r"^tr:c:(\d{1,12})$")
MEMBERS = re.compile(r"^tr:cm:(\d{1,12})$")
REMOVE = re.compile(r"^tr:rm:(\d{1,12}):(\d{1,18})$")
BOARD = re.compile(r"^tr:lb:(\d{1,12}):([01])$")
LINK = re.compile(r"^tr:lk:(\d{1,12})$")
# Trainer: the /assign form (token, step code, value)
FORM = re.compile(r"^tr:a:([0-9a-f]{6}):([a-z]{1,2}):([a-z0-9]{1,8})$")
# Trainer: results and imports
RESULTS = re.compile(r"^tr:r:(\d{1,12})$")
CHART = re.compile(r"^tr:rc:(\d{1,12})$")
EXPORT = re.compile(r"^tr:rx:(\d{1,12}):(csv|xlsx)$")
TEMPLATE = "tr:it"
RETIRE = re.compile(r"^tr:ir:([0-9a-f]{32})$")
# Trainees: start an assignment, review it, the leaderboard
GO = re.compile(r"^tr:go:(\d{1,12})$")
REVIEW = re.compile(r"^tr:rv:(\d{1,12})$")
OPT_IN = re.compile(r"^tr:lo:(\d{1,12}):([01])$")

TRAINER_PATTERN = r"^tr:(c|cm|rm|lb|lk|a|r|rc|rx|it|ir):"
TRAINEE_PATTERN = r"^tr:(go|rv|lo):"


@dataclass(frozen=True)
class FormPress:
    """A press on the /assign form: which form (token), which step, which value."""

    token: str
    code: str
    value: str


def checked(data: str) -> str:
    """The data, after making sure it fits Telegram's 64 bytes."""
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def ids(pattern: re.Pattern[str], data: str) -> tuple[int, ...] | None:
    """The numbers a button of this kind carries, or None when the data does not match."""
    match = pattern.match(data)
    return tuple(int(group) for group in match.groups()) if match else None


def words(pattern: re.Pattern[str], data: str) -> tuple[str, ...] | None:
    """The text groups of a button of this kind, or None."""
    match = pattern.match(data)
    return tuple(match.groups()) if match else None


def parse_form(data: str) -> FormPress | None:
    """The form token, step code and value of an /assign button."""
    match = FORM.match(data)
    return FormPress(*match.groups()) if match else None


def form_data(token: str, code: str, value: str | int) -> str:
    """Data of an /assign button."""
    return checked(f"tr:a:{token}:{code}:{value}")


def button(text: str, data: str) -> InlineKeyboardButton:
    """A button with a label short enough to read on a phone."""
    label = text if len(text) <= BUTTON_TEXT_LIMIT else text[: BUTTON_TEXT_LIMIT - 1] + "…"
    return InlineKeyboardButton(label, callback_data=checked(data))


def column(buttons: Sequence[InlineKeyboardButton]) -> InlineKeyboardMarkup:
    """One button per row."""
    return InlineKeyboardMarkup([[b] for b in buttons])


def rows_of(
    buttons: Sequence[InlineKeyboardButton], width: int
) -> list[list[InlineKeyboardButton]]:
    """Buttons in rows of `width`."""
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


def start_button(assignment_id: int, lang: str) -> InlineKeyboardMarkup:
    """The "start the quiz" button under an announcement or a reminder."""
    return column([button(plain("tr.button.start", lang), f"tr:go:{assignment_id}")])


def results_buttons(assignment_id: int, lang: str) -> InlineKeyboardMarkup:
    """Chart, CSV and XLSX under a results summary."""
    return InlineKeyboardMarkup(
        [
            [button(plain("tr.button.chart", lang), f"tr:rc:{assignment_id}")],
            [
                button(plain("tr.button.csv", lang), f"tr:rx:{assignment_id}:csv"),
                button(plain("tr.button.xlsx", lang), f"tr:rx:{assignment_id}:xlsx"),
            ],
        ]
    )


def cohort_buttons(cohort_id: int, leaderboard_on: bool, lang: str) -> InlineKeyboardMarkup:
    """Members, and turning the leaderboard on or off, under a cohort's card."""
    board_key = "tr.button.board_off" if leaderboard_on else "tr.button.board_on"
    return column(
        [
            button(plain("tr.button.members", lang), f"tr:cm:{cohort_id}"),
            button(plain(board_key, lang), f"tr:lb:{cohort_id}:{0 if leaderboard_on else 1}"),
        ]
    )


def remove_buttons(
    cohort_id: int, members: Sequence[tuple[int, str]], lang: str
) -> InlineKeyboardMarkup:
    """One "remove" button per member (user id, name)."""
    return column(
        [
            button(plain("tr.button.remove", lang, name=name), f"tr:rm:{cohort_id}:{user_id}")
            for user_id, name in members
        ]
    )
