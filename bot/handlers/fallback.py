"""Last in line: unknown commands, non-text messages, and buttons nothing else claimed.

A button reaching this module is stale or forged (or a menu entry whose feature is not
installed yet): it gets a polite answer and nothing changes.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot import callbacks, keyboards
from bot.context import BotContext, RuamKitApp
from bot.handlers.common import profile_of, refuse
from bot.texts import alert, t

PRIVATE_MESSAGE = filters.UpdateType.MESSAGE & filters.ChatType.PRIVATE


def register(application: RuamKitApp) -> None:
    """Add the catch-alls; they must come after every feature."""
    application.add_handler(MessageHandler(filters.COMMAND, reply_unknown_command))
    application.add_handler(MessageHandler(PRIVATE_MESSAGE & ~filters.TEXT, reply_text_only))
    application.add_handler(CallbackQueryHandler(answer_unclaimed_button))


async def reply_unknown_command(update: Update, context: BotContext) -> None:
    """Point to /help."""
    if update.effective_message is not None:
        lang = (await profile_of(update, context.services)).lang
        await update.effective_message.reply_html(t("unknown_command", lang))


async def reply_text_only(update: Update, context: BotContext) -> None:
    """Say that questions are typed as text."""
    if update.effective_message is not None:
        lang = (await profile_of(update, context.services)).lang
        await update.effective_message.reply_html(t("text_only", lang))


async def answer_unclaimed_button(update: Update, context: BotContext) -> None:
    """A menu entry of a feature not installed yet, or a stale or forged button."""
    query = update.callback_query
    if query is None:
        return
    profile = await profile_of(update, context.services)
    entry = keyboards.menu_entry(callbacks.parse_menu(query.data or "") or "")
    if entry is None:
        await query.answer(alert("button.invalid", profile.lang))
    elif not profile.role.allows(entry.role):
        await refuse(update, profile.lang, entry.role)
    else:
        await query.answer(alert("feature.soon", profile.lang), show_alert=True)
