"""The command catalogue: every slash command, who may use it, and Telegram's command menus.

A new feature adds its commands to COMMANDS (descriptions live in bot.texts as
``cmd.<name>``); /help, the trainer and admin panels and setMyCommands all read from here.
"""

from __future__ import annotations

import logging

from telegram import Bot, BotCommand, BotCommandScopeChat
from telegram.error import TelegramError

from bot.handlers.common import CommandSpec
from bot.rendering import escape
from bot.texts import LANGUAGES, Html, plain
from core.users import Role

log = logging.getLogger(__name__)

COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec("start"),
    CommandSpec("help"),
    CommandSpec("lang"),
    CommandSpec("quiz"),
    CommandSpec("practice"),
    CommandSpec("myresults"),
    CommandSpec("checklist"),
    CommandSpec("tasks"),
    CommandSpec("join"),
    CommandSpec("leaderboard"),
    CommandSpec("cohort", Role.TRAINER),
    CommandSpec("assign", Role.TRAINER),
    CommandSpec("results", Role.TRAINER),
    CommandSpec("import", Role.TRAINER),
    CommandSpec("trainers", Role.ADMIN),
    CommandSpec("grant", Role.ADMIN),
    CommandSpec("revoke", Role.ADMIN),
    CommandSpec("kb", Role.ADMIN),
)


def commands_for(role: Role, *, only: Role | None = None) -> list[CommandSpec]:
    """Commands `role` may use (or, with `only`, just those needing exactly that role)."""
    return [
        spec for spec in COMMANDS if role.allows(spec.role) and (only is None or spec.role == only)
    ]


def command_lines(specs: list[CommandSpec], lang: str) -> Html:
    """One "/name — description" line per command."""
    return Html(
        "\n".join(f"/{spec.name} — {escape(plain(f'cmd.{spec.name}', lang))}" for spec in specs)
    )


def bot_commands(role: Role, lang: str) -> list[BotCommand]:
    """The command menu a client shows to someone with `role`."""
    return [BotCommand(spec.name, plain(f"cmd.{spec.name}", lang)) for spec in commands_for(role)]


async def publish_default_commands(bot: Bot) -> None:
    """Everyone's command menu: Thai by default, English for English apps."""
    await bot.set_my_commands(bot_commands(Role.OFFICIAL, "th"))
    for lang in LANGUAGES:
        await bot.set_my_commands(bot_commands(Role.OFFICIAL, lang), language_code=lang)


async def publish_chat_commands(bot: Bot, chat_id: int, role: Role) -> None:
    """A private chat's own command menu for trainers and admins (officials get the default).

    Telegram refuses chats it does not know yet; that is logged and retried on /start.
    """
    scope = BotCommandScopeChat(chat_id)
    try:
        if role == Role.OFFICIAL:
            await bot.delete_my_commands(scope=scope)
            for lang in LANGUAGES:
                await bot.delete_my_commands(scope=scope, language_code=lang)
            return
        await bot.set_my_commands(bot_commands(role, "th"), scope=scope)
        for lang in LANGUAGES:
            await bot.set_my_commands(bot_commands(role, lang), scope=scope, language_code=lang)
    except TelegramError as error:
        log.info("command menu for chat %s not set: %s", chat_id, error)
