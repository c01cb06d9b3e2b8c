"""What every feature's handlers share: who is talking, role checks, sending HTML replies."""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import AsyncIterator, Callable, Coroutine
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session
from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError

from bot.context import BotContext, Services
from bot.rendering import split_html
from bot.texts import alert, t
from core.users import Role, effective_role, get_user, resolve_language

Handler = Callable[[Update, BotContext], Coroutine[Any, Any, None]]
TYPING_REFRESH_S = 4.5
TYPING_DELAY_S = 0.4
MAX_TELEGRAM_ID = 2**63 - 1  # ids (users, chats, rows) are signed 64-bit integers


@dataclass(frozen=True)
class CommandSpec:
    """A slash command for the menus: its name and the least role that may use it."""

    name: str
    role: Role = Role.OFFICIAL


@dataclass(frozen=True)
class Profile:
    """The person behind an update: id, name, reply language and role right now."""

    telegram_id: int
    first_name: str
    lang: str
    role: Role


# Context variables are per asyncio task, and PTB handles each update in its own task.
_READ_FOR_UPDATE: ContextVar[tuple[tuple[int, int | None], Profile] | None] = ContextVar(
    "profile_read_for_update", default=None
)


def load_profile(update: Update, services: Services) -> Profile:
    """Read the user's stored language and role; admins come from ADMIN_IDS."""
    with services.session() as session:
        return read_profile(session, update, services)


def read_profile(session: Session, update: Update, services: Services) -> Profile:
    """`load_profile` inside a session the caller already has open."""
    person = update.effective_user
    if person is None:
        raise ValueError("this update has no user")
    stored = get_user(session=session, telegram_id=person.id)
    chosen, role = (stored.language, stored.role) if stored else (None, None)
    return Profile(
        telegram_id=person.id,
        first_name=person.first_name,
        lang=resolve_language(chosen, person.language_code, services.settings.default_language),
        role=effective_role(person.id, role, services.admin_ids),
    )


async def profile_of(update: Update, services: Services) -> Profile:
    """`load_profile` in a worker thread, so the event loop never waits on the database.

    A profile the router already read for this very update (`remember_profile`) is reused:
    one database round trip fewer on every question.
    """
    known = _READ_FOR_UPDATE.get()
    if known is not None and known[0] == _update_key(update):
        return known[1]
    return await services.run_db(load_profile, update, services)


def remember_profile(update: Update, profile: Profile) -> None:
    """Let `profile_of` reuse `profile` for the rest of this update's handling."""
    _READ_FOR_UPDATE.set((_update_key(update), profile))


def _update_key(update: Update) -> tuple[int, int | None]:
    person = update.effective_user
    return update.update_id, person.id if person else None


def require_role(needed: Role) -> Callable[[Handler], Handler]:
    """Let only `needed` (or a higher role) through; others get a polite refusal, no change."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(update: Update, context: BotContext) -> None:
            profile = await profile_of(update, context.services)
            if profile.role.allows(needed):
                await handler(update, context)
                return
            await refuse(update, profile.lang, needed)

        return guarded

    return decorate


async def refuse(update: Update, lang: str, needed: Role) -> None:
    """Tell someone politely that this needs another role."""
    role_name = alert(f"role.{needed.value}", lang)
    if update.callback_query is not None:
        await update.callback_query.answer(alert("denied", lang, role=role_name), show_alert=True)
    elif update.effective_message is not None:
        await update.effective_message.reply_html(t("denied", lang, role=role_name))


def parse_id(text: str) -> int | None:
    """A positive id typed by a person (ASCII digits, fits in 64 bits), or None."""
    digits = text.strip().removeprefix("#")
    if not digits.isascii() or not digits.isdigit():
        return None
    value = int(digits)
    return value if 0 < value <= MAX_TELEGRAM_ID else None


def is_not_modified(error: object) -> bool:
    """Whether Telegram refused an edit because it would change nothing (a double tap)."""
    return isinstance(error, BadRequest) and "not modified" in str(error).lower()


async def send_html(
    context: BotContext,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> Message:
    """Send HTML split under Telegram's limit; the keyboard goes on the last message."""
    chunks = split_html(text)
    for chunk in chunks[:-1]:
        await context.bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML)
    return await context.bot.send_message(
        chat_id, chunks[-1], parse_mode=ParseMode.HTML, reply_markup=markup
    )


@contextlib.asynccontextmanager
async def typing(context: BotContext, chat_id: int) -> AsyncIterator[None]:
    """Show "typing…" if the block takes a moment, and keep it up until the block ends.

    An answer that comes within TYPING_DELAY_S needs no indicator (it would only flash), and
    skipping it spares a Bot API call per question when many officials ask at once.
    """
    task = asyncio.create_task(_keep_typing(context, chat_id))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _keep_typing(context: BotContext, chat_id: int) -> None:
    await asyncio.sleep(TYPING_DELAY_S)
    while True:  # Telegram drops the indicator after 5 s
        await _typing_once(context, chat_id)
        await asyncio.sleep(TYPING_REFRESH_S)


async def _typing_once(context: BotContext, chat_id: int) -> None:
    # The indicator is cosmetic: failing to show it must not stop the answer.
    with contextlib.suppress(TelegramError):
        await context.bot.send_chat_action(chat_id, ChatAction.TYPING)
