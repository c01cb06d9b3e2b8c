"""A question file (.gift, .csv, .txt) sent outside /import: offer the import, or ask an admin.

A trainer who sends a question file without /import is offered the import with a button
(not told that only admins add documents). An admin is also a trainer: when the file could
be either (a .gift or .aiken file, or a .csv/.txt that reads as questions), they are asked
which they mean. The file's Telegram id waits in the trainer's draft (`Step.FILE`) until a
button is pressed; a half-filled /assign form is never replaced by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from sqlmodel import Session
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.handlers.common import Profile
from bot.handlers.trainer_state import Step, TrainerDraft, awaits, get_draft, new_draft
from bot.texts import Html, plain, t
from core.timestamps import utc_now
from quizzes.importers import parse_upload

QUESTION_SUFFIXES = frozenset({".gift", ".aiken", ".csv", ".txt"})
ALWAYS_QUESTIONS = frozenset({".gift", ".aiken"})
FILE_CHOICE = re.compile(r"^file:(imp|kb):([0-9a-f]{6})$")
# Steps of a form in progress that a file offer must not replace.
FORM_STEPS = frozenset(set(Step) - {Step.IMPORT, Step.FILE})


@dataclass(frozen=True)
class FileChoice:
    """A pressed "import it" or "add it to the knowledge base" button."""

    target: str  # imp or kb
    token: str


def is_question_file(name: str) -> bool:
    """Whether the name is one a question file has (CSV, GIFT, Aiken)."""
    return PurePath(name).suffix.lower() in QUESTION_SUFFIXES


def could_be_questions(name: str, data: bytes) -> bool:
    """A .gift/.aiken file, or a .csv/.txt whose text parses into at least one question."""
    if PurePath(name).suffix.lower() in ALWAYS_QUESTIONS:
        return True
    return is_question_file(name) and bool(parse_upload(name, data).questions)


def remember_file(
    session: Session, profile: Profile, file_id: str, name: str
) -> TrainerDraft | None:
    """Keep the file for the buttons; None when an /assign form is in progress."""
    draft = get_draft(session=session, telegram_id=profile.telegram_id)
    if awaits(draft, FORM_STEPS, utc_now()):
        return None
    data = {"file_id": file_id, "file_name": name}
    return new_draft(session=session, telegram_id=profile.telegram_id, step=Step.FILE, data=data)


def pending_file(session: Session, telegram_id: int, token: str) -> tuple[str, str] | None:
    """The (file id, name) a button refers to, if it is still the current one."""
    draft = get_draft(session=session, telegram_id=telegram_id)
    if (
        draft is None
        or draft.token != token
        or not awaits(draft, frozenset({Step.FILE}), utc_now())
    ):
        return None
    file_id, name = draft.data.get("file_id"), draft.data.get("file_name")
    return (file_id, name) if isinstance(file_id, str) and isinstance(name, str) else None


def parse_choice(data: str) -> FileChoice | None:
    """The pressed choice, or None for anything malformed."""
    match = FILE_CHOICE.match(data)
    return FileChoice(match.group(1), match.group(2)) if match else None


def offer_import(
    name: str, draft: TrainerDraft | None, lang: str
) -> tuple[Html, InlineKeyboardMarkup | None]:
    """A trainer's question file: offer to import it (a button and the caption way)."""
    if draft is None:
        return t("kb.file.offer_later", lang, file=name), None
    button = _button("kb.button.file_import", lang, f"file:imp:{draft.token}")
    return t("kb.file.offer_import", lang, file=name), InlineKeyboardMarkup([[button]])


def ask_admin(
    name: str, draft: TrainerDraft | None, lang: str
) -> tuple[Html, InlineKeyboardMarkup | None]:
    """An admin's file that could be questions or a document: ask which."""
    if draft is None:
        return t("kb.file.offer_later", lang, file=name), None
    rows = [
        [_button("kb.button.file_import", lang, f"file:imp:{draft.token}")],
        [_button("kb.button.file_kb", lang, f"file:kb:{draft.token}")],
    ]
    return t("kb.file.ask", lang, file=name), InlineKeyboardMarkup(rows)


def _button(key: str, lang: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(plain(key, lang), callback_data=data)
