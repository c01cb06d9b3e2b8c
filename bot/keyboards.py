"""Inline keyboards: the main menu, answer buttons, suggested topics and languages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import callbacks
from bot.texts import plain
from core.feedback import Feedback
from core.users import Role

MAX_TOPIC_BUTTONS = 6
BUTTON_TEXT_LIMIT = 60


@dataclass(frozen=True)
class MenuEntry:
    """One main-menu button and the least role that sees it."""

    key: str
    role: Role = Role.OFFICIAL


MAIN_MENU = (
    MenuEntry("ask"),
    MenuEntry("quiz"),
    MenuEntry("checklist"),
    MenuEntry("trainer", Role.TRAINER),
    MenuEntry("admin", Role.ADMIN),
)


def menu_entry(key: str) -> MenuEntry | None:
    """The main-menu entry with this key."""
    return next((entry for entry in MAIN_MENU if entry.key == key), None)


def main_menu(role: Role, lang: str) -> InlineKeyboardMarkup:
    """The entries this role may use, one per row."""
    rows = [
        [InlineKeyboardButton(plain(f"menu.{e.key}", lang), callback_data=callbacks.menu(e.key))]
        for e in MAIN_MENU
        if role.allows(e.role)
    ]
    return InlineKeyboardMarkup(rows)


def answer_buttons(
    answer_id: int, lang: str, *, has_sources: bool, chosen: Feedback | None = None
) -> InlineKeyboardMarkup:
    """The sources button and 👍/👎 under an answer; a chosen verdict gets a tick."""
    rows = []
    if has_sources:
        sources = plain("button.sources", lang)
        rows.append([InlineKeyboardButton(sources, callback_data=callbacks.sources(answer_id))])
    verdicts = []
    for choice, key in ((Feedback.UP, "button.up"), (Feedback.DOWN, "button.down")):
        label = plain(key, lang)
        if choice == chosen:
            label = plain("button.chosen", lang, label=label)
        verdicts.append(
            InlineKeyboardButton(label, callback_data=callbacks.feedback(answer_id, choice))
        )
    rows.append(verdicts)
    return InlineKeyboardMarkup(rows)


def topic_buttons(lang: str, topics: Sequence[str]) -> InlineKeyboardMarkup:
    """Suggested questions, one per row; pressing one asks it."""
    rows = [
        [InlineKeyboardButton(_short(topic), callback_data=callbacks.ask_topic(lang, index))]
        for index, topic in enumerate(topics[:MAX_TOPIC_BUTTONS])
    ]
    return InlineKeyboardMarkup(rows)


def language_buttons() -> InlineKeyboardMarkup:
    """Thai and English, each named in its own language."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("🇹🇭 ภาษาไทย", callback_data=callbacks.language("th")),
                InlineKeyboardButton("🇬🇧 English", callback_data=callbacks.language("en")),
            ]
        ]
    )


def _short(text: str) -> str:
    """Keep a button label readable on a phone."""
    return text if len(text) <= BUTTON_TEXT_LIMIT else text[: BUTTON_TEXT_LIMIT - 1] + "…"
