"""What the trainer tools' handlers share: the clock, refusals, times, the bot's username."""

from __future__ import annotations

import contextlib
from datetime import datetime

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import BadRequest

from bot.context import BotContext, Services
from bot.handlers.common import Profile, profile_of
from bot.texts import alert, t
from core.dates import DEFAULT_TIMEZONE, format_datetime

FALLBACK_USERNAME = "RuamKitBot"


async def private_request(
    update: Update, context: BotContext
) -> tuple[Message, int, Profile] | None:
    """The message, chat id and profile of a private-chat command; elsewhere, say so."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return None
    profile = await profile_of(update, context.services)
    if chat.type != ChatType.PRIVATE:
        await message.reply_html(t("tr.private_only", profile.lang))
        return None
    return message, chat.id, profile


def now(services: Services) -> datetime:
    """The current time from the services' clock (tests move it)."""
    return services.clock()


def format_time(moment: datetime, lang: str, tz: str = DEFAULT_TIMEZONE) -> str:
    """`5 ธ.ค. 2569 17:00 น.` (Buddhist era) or `5 Dec 2026 17:00`, in the local zone."""
    return format_datetime(moment, lang, tz)


def zone_of(services: Services) -> str:
    """The `TIMEZONE` setting every date is shown in."""
    return services.settings.timezone


def bot_username(context: BotContext) -> str:
    """The bot's @username for deep links (known after getMe)."""
    try:
        return context.bot.username or FALLBACK_USERNAME
    except RuntimeError:  # not initialised: only in unit tests without getMe
        return FALLBACK_USERNAME


async def answer_denied(query: CallbackQuery, lang: str) -> None:
    """A polite refusal for a button about someone else's cohort, assignment or file."""
    await query.answer(alert("tr.not_yours", lang), show_alert=True)


async def answer_invalid(query: CallbackQuery, lang: str) -> None:
    """A malformed or outdated button."""
    await query.answer(alert("button.invalid", lang))


async def edit_html(
    query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replace the pressed message; an unchanged or too old message is left as it is."""
    with contextlib.suppress(BadRequest):
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
