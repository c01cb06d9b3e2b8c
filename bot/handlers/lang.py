"""/lang: pick Thai or English; the choice is stored and wins over the Telegram app's language."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, keyboards
from bot.context import BotContext, RuamKitApp, Services
from bot.handlers.common import profile_of
from bot.texts import alert, t
from core.users import set_language


def register(application: RuamKitApp) -> None:
    """Add /lang and its buttons."""
    application.add_handler(CommandHandler("lang", choose_language))
    application.add_handler(CallbackQueryHandler(save_language, pattern=callbacks.LANGUAGE))


async def choose_language(update: Update, context: BotContext) -> None:
    """Offer the two languages as buttons."""
    profile = await profile_of(update, context.services)
    if update.effective_message is not None:
        await update.effective_message.reply_html(
            t("lang.choose", profile.lang), reply_markup=keyboards.language_buttons()
        )


async def save_language(update: Update, context: BotContext) -> None:
    """Store the chosen language and confirm in it."""
    query = update.callback_query
    code = callbacks.parse_language(query.data or "") if query else None
    if query is None or update.effective_user is None:
        return
    if code is None:
        await query.answer(
            alert("button.invalid", (await profile_of(update, context.services)).lang)
        )
        return
    services = context.services
    await services.run_db(_store_language, services, update.effective_user.id, code)
    await query.answer()
    await query.edit_message_text(t("lang.set", code), parse_mode=ParseMode.HTML)


def _store_language(services: Services, telegram_id: int, code: str) -> None:
    with services.session() as session:
        set_language(session=session, telegram_id=telegram_id, language=code)
