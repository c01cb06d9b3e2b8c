"""The one error handler: log with the update's context, apologise politely, never a traceback.

Three failures get no apology: an edit that changed nothing (a double tap on the same
button), a Bot API reply that never came (timed out or the connection dropped: the message
may well have been delivered, so an apology would sit under a good answer), and a user who
blocked the bot. Updates without a
chat (poll answers) get their apology in the voter's private chat.
"""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import Forbidden, TelegramError

from bot.context import BotContext, RuamKitApp
from bot.handlers.common import is_not_modified, profile_of, send_html
from bot.request import maybe_delivered
from bot.texts import alert, t
from core.users import resolve_language

log = logging.getLogger("bot.errors")


def register(application: RuamKitApp) -> None:
    """Install the error handler."""
    application.add_error_handler(report_error)


async def report_error(update: object, context: BotContext) -> None:
    """Log the failure with what the update was; tell the user something went wrong."""
    error = context.error
    if is_not_modified(error):
        log.debug("nothing changed while handling %s", describe(update))
        await _stop_spinner(update)
        return
    if maybe_delivered(error):
        log.warning("Bot API reply lost (%s; maybe delivered) for %s", error, describe(update))
        return
    log.error("error while handling %s", describe(update), exc_info=error)
    chat_id = _chat_of(update)
    if not isinstance(update, Update) or chat_id is None:
        return
    if isinstance(error, Forbidden):
        return  # the user blocked the bot: there is no one to apologise to
    lang = await _language(update, context)
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(alert("apology", lang), show_alert=True)
            return
        except TelegramError:
            pass  # already answered before the failure: apologise in the chat instead
    with contextlib.suppress(TelegramError):
        await send_html(context, chat_id, t("apology", lang))


def _chat_of(update: object) -> int | None:
    """Where to apologise: the update's chat, else the user's private chat (same id)."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    user = update.effective_user
    return user.id if user is not None and not user.is_bot else None


async def _stop_spinner(update: object) -> None:
    """Answer a pressed button silently (it may have been answered already)."""
    if isinstance(update, Update) and update.callback_query is not None:
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()


def describe(update: object) -> str:
    """Ids and kind of an update, without message text (that can be personal)."""
    if not isinstance(update, Update):
        return repr(update)[:200]
    user = update.effective_user
    chat = update.effective_chat
    kind = next(
        (name for name in ("message", "callback_query", "edited_message", "poll_answer")
         if getattr(update, name) is not None),
        "other",
    )  # fmt: skip
    data = update.callback_query.data if update.callback_query else None
    return (
        f"update {update.update_id} ({kind}) from user {user.id if user else None} "
        f"in chat {chat.id if chat else None}" + (f" data={data!r}" if data else "")
    )


async def _language(update: Update, context: BotContext) -> str:
    """The user's language; the Telegram app's if the database is what failed."""
    try:
        return (await profile_of(update, context.services)).lang
    except Exception:
        user = update.effective_user
        code = user.language_code if user else None
        return resolve_language(None, code, context.services.settings.default_language)
