"""/start (welcome and main menu), /help, and the menu's "ask a question" entry."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks, keyboards
from bot.context import BotContext, RuamKitApp
from bot.handlers import trainer_cohorts
from bot.handlers.commands import command_lines, commands_for, publish_chat_commands
from bot.handlers.common import profile_of, send_html
from bot.texts import t
from core.users import Role
from retrieval.prompts import topics


def register(application: RuamKitApp) -> None:
    """Add /start, /help and the ask entry of the main menu."""
    application.add_handler(CommandHandler("start", show_welcome))
    application.add_handler(CommandHandler("help", show_help))
    application.add_handler(CallbackQueryHandler(open_ask, pattern=f"^{callbacks.menu('ask')}$"))


async def show_welcome(update: Update, context: BotContext) -> None:
    """Greet the user and show the menu their role allows."""
    profile = await profile_of(update, context.services)
    message = update.effective_message
    if message is None:
        return
    await message.reply_html(
        t("welcome", profile.lang, name=profile.first_name),
        reply_markup=keyboards.main_menu(profile.role, profile.lang),
    )
    if profile.role != Role.OFFICIAL:
        await publish_chat_commands(context.bot, message.chat_id, profile.role)
    if context.args:  # a deep link such as t.me/<bot>?start=join_<code>
        await trainer_cohorts.join_from_payload(update, context, context.args[0])


async def show_help(update: Update, context: BotContext) -> None:
    """Explain how to ask, and list the commands this user may use."""
    profile = await profile_of(update, context.services)
    if update.effective_message is None:
        return
    lines = command_lines(commands_for(profile.role), profile.lang)
    await update.effective_message.reply_html(
        t("help", profile.lang, commands=lines, user_id=profile.telegram_id)
    )


async def open_ask(update: Update, context: BotContext) -> None:
    """Invite a question and offer the lecture's main topics as buttons."""
    query = update.callback_query
    profile = await profile_of(update, context.services)
    if query is None or query.message is None:
        return
    await query.answer()
    markup = keyboards.topic_buttons(profile.lang, topics(profile.lang))
    await send_html(context, query.message.chat.id, t("ask.prompt", profile.lang), markup)
