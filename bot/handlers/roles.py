"""Roles: admins grant and revoke the trainer role; trainer and admin menu panels.

Every handler here is wrapped in `require_role`, so a command or a forged button from
someone without the role gets a polite refusal and changes nothing.
"""

from __future__ import annotations

import contextlib

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.context import BotContext, RuamKitApp, Services
from bot.handlers.commands import command_lines, commands_for, publish_chat_commands
from bot.handlers.common import parse_id, profile_of, require_role, send_html
from bot.texts import Html, t
from core.users import (
    Role,
    User,
    effective_role,
    get_user,
    list_trainers,
    resolve_language,
    set_trainer,
)

# (granting?, changed?) -> the text telling the admin what happened
_OUTCOMES = {
    (True, True): "grant.done",
    (True, False): "grant.already",
    (False, True): "revoke.done",
    (False, False): "revoke.not_trainer",
}


def register(application: RuamKitApp) -> None:
    """Add /grant, /revoke, /trainers and the trainer and admin menu entries."""
    application.add_handler(CommandHandler("grant", grant_trainer))
    application.add_handler(CommandHandler("revoke", revoke_trainer))
    application.add_handler(CommandHandler("trainers", show_trainers))
    admin_menu = f"^{callbacks.menu('admin')}$"
    trainer_menu = f"^{callbacks.menu('trainer')}$"
    application.add_handler(CallbackQueryHandler(open_admin_panel, pattern=admin_menu))
    application.add_handler(CallbackQueryHandler(open_trainer_panel, pattern=trainer_menu))


@require_role(Role.ADMIN)
async def grant_trainer(update: Update, context: BotContext) -> None:
    """/grant <user id>: make someone a trainer."""
    await _change_role(update, context, trainer=True)


@require_role(Role.ADMIN)
async def revoke_trainer(update: Update, context: BotContext) -> None:
    """/revoke <user id>: take the trainer role back."""
    await _change_role(update, context, trainer=False)


async def _change_role(update: Update, context: BotContext, *, trainer: bool) -> None:
    """Parse the target id, change the stored role, tell the admin and the person."""
    services, message = context.services, update.effective_message
    lang = (await profile_of(update, services)).lang
    target = _target_id(context.args)
    if message is None:
        return
    if target is None:
        await message.reply_html(t("grant.usage" if trainer else "revoke.usage", lang))
        return
    if target in services.admin_ids:
        who = await services.run_db(_who, services, target)
        await message.reply_html(t("role.is_admin", lang, who=who))
        return
    user, changed = await services.in_session(set_trainer, telegram_id=target, trainer=trainer)
    await message.reply_html(t(_OUTCOMES[trainer, changed], lang, who=_describe(user)))
    if changed:
        await _tell_target(context, user, trainer=trainer)


def _target_id(args: list[str] | None) -> int | None:
    """The single Telegram id given after the command (positive, within 64 bits)."""
    if not args or len(args) != 1:
        return None
    return parse_id(args[0])


def _who(services: Services, telegram_id: int) -> str:
    """A person's name and id for messages, from the database when known."""
    with services.session() as session:
        user = get_user(session=session, telegram_id=telegram_id)
    return _describe(user) if user else str(telegram_id)


def _describe(user: User) -> str:
    return f"{user.first_name} ({user.telegram_id})" if user.first_name else str(user.telegram_id)


async def _tell_target(context: BotContext, user: User, *, trainer: bool) -> None:
    """Notify the person and refresh their command menu (they may not have started the bot)."""
    services = context.services
    lang = resolve_language(user.language, None, services.settings.default_language)
    role = effective_role(user.telegram_id, user.role, services.admin_ids)
    with contextlib.suppress(TelegramError):
        notice = "granted.notice" if trainer else "revoked.notice"
        await send_html(context, user.telegram_id, t(notice, lang))
    await publish_chat_commands(context.bot, user.telegram_id, role)


@require_role(Role.ADMIN)
async def show_trainers(update: Update, context: BotContext) -> None:
    """/trainers: everyone holding the trainer role."""
    lang = (await profile_of(update, context.services)).lang
    people = await context.services.run_db(_trainer_lines, context.services)
    if update.effective_message is None:
        return
    text = (
        t("trainers.list", lang, people="\n".join(people)) if people else t("trainers.none", lang)
    )
    await update.effective_message.reply_html(text)


def _trainer_lines(services: Services) -> list[str]:
    with services.session() as session:
        return [f"• {_describe(user)}" for user in list_trainers(session=session)]


@require_role(Role.ADMIN)
async def open_admin_panel(update: Update, context: BotContext) -> None:
    """The admin menu: admin commands and the feedback export."""
    lang = (await profile_of(update, context.services)).lang
    lines = command_lines(commands_for(Role.ADMIN, only=Role.ADMIN), lang)
    await _panel(update, context, t("admin.panel", lang, commands=lines))


@require_role(Role.TRAINER)
async def open_trainer_panel(update: Update, context: BotContext) -> None:
    """The trainer menu: trainer commands (none yet)."""
    lang = (await profile_of(update, context.services)).lang
    specs = commands_for(Role.ADMIN, only=Role.TRAINER)
    body = command_lines(specs, lang) if specs else t("trainer.none", lang)
    await _panel(update, context, t("trainer.panel", lang, commands=body))


async def _panel(update: Update, context: BotContext, text: Html) -> None:
    query = update.callback_query
    if query is None or query.message is None:
        return
    await query.answer()
    await send_html(context, query.message.chat.id, text)
