"""getMe, close, logOut, the bot's command lists and the chat menu button."""

from __future__ import annotations

import re
from typing import Any

from bot.sandbox import limits
from bot.sandbox.env import Env
from bot.sandbox.errors import bad_request
from bot.sandbox.methods.common import find_chat
from bot.sandbox.methods.registry import method

_COMMAND = re.compile(rf"^[a-z0-9_]{{{limits.BOT_COMMAND_MIN},{limits.BOT_COMMAND_MAX}}}$")
_SCOPES = {
    "default": (),
    "all_private_chats": (),
    "all_group_chats": (),
    "all_chat_administrators": (),
    "chat": ("chat_id",),
    "chat_administrators": ("chat_id",),
    "chat_member": ("chat_id", "user_id"),
}


@method("getMe")
async def get_me(env: Env, args: dict[str, Any]) -> Any:
    """The bot's own User object."""
    return env.world.bot_user


@method("close")
async def close(env: Env, args: dict[str, Any]) -> Any:
    """Harmless here: there is no other server instance to hand over to."""
    return True


@method("logOut")
async def log_out(env: Env, args: dict[str, Any]) -> Any:
    """Harmless here: the sandbox is always the bot's server."""
    return True


def scope_key(env: Env, scope: Any) -> str:
    """A stable key for a BotCommandScope, checked like Telegram checks it."""
    scope = scope or {"type": "default"}
    if not isinstance(scope, dict) or scope.get("type") not in _SCOPES:
        raise bad_request("can't parse BotCommandScope JSON object")
    parts = [scope["type"]]
    for name in _SCOPES[scope["type"]]:
        if name not in scope:
            raise bad_request(f'parameter "{name}" is required')
        parts.append(str(find_chat(env, scope[name]).id if name == "chat_id" else scope[name]))
    return ":".join(parts)


def _language(args: dict[str, Any]) -> str:
    code = args.get("language_code", "")
    if code and not re.fullmatch(r"[a-z]{2}", code):
        raise bad_request("LANG_CODE_INVALID")
    return str(code)


def _check_commands(commands: Any) -> list[dict[str, str]]:
    if not isinstance(commands, list):
        raise bad_request("can't parse commands JSON object")
    if len(commands) > limits.BOT_COMMANDS_MAX:
        raise bad_request("BOT_COMMANDS_TOO_MUCH")
    for item in commands:
        if not isinstance(item, dict) or not _COMMAND.match(str(item.get("command", ""))):
            raise bad_request("BOT_COMMAND_INVALID")
        description = item.get("description")
        low, high = limits.BOT_COMMAND_DESCRIPTION_MIN, limits.BOT_COMMAND_DESCRIPTION_MAX
        if not isinstance(description, str) or not low <= len(description.strip()) <= high:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return [{"command": c["command"], "description": c["description"]} for c in commands]


@method("setMyCommands", "commands:json!", "scope:json", "language_code:str")
async def set_my_commands(env: Env, args: dict[str, Any]) -> Any:
    """Store the command list for one scope and language."""
    commands = _check_commands(args["commands"])
    key = (scope_key(env, args.get("scope")), _language(args))
    if commands:
        env.world.commands[key] = commands
    else:
        env.world.commands.pop(key, None)
    return True


@method("getMyCommands", "scope:json", "language_code:str")
async def get_my_commands(env: Env, args: dict[str, Any]) -> Any:
    """The command list stored for exactly this scope and language."""
    key = (scope_key(env, args.get("scope")), _language(args))
    return env.world.commands.get(key, [])


@method("deleteMyCommands", "scope:json", "language_code:str")
async def delete_my_commands(env: Env, args: dict[str, Any]) -> Any:
    """Forget the command list for this scope and language."""
    env.world.commands.pop((scope_key(env, args.get("scope")), _language(args)), None)
    return True


def commands_for(env: Env, chat_id: int, language_code: str) -> list[dict[str, str]]:
    """The commands a client shows in a private chat, resolved the way Telegram resolves them."""
    order = [f"chat:{chat_id}", "all_private_chats", "default"]
    for scope in order:
        for language in (language_code, ""):
            found = env.world.commands.get((scope, language))
            if found:
                return found
    return []


@method("setChatMenuButton", "chat_id:int", "menu_button:json")
async def set_chat_menu_button(env: Env, args: dict[str, Any]) -> Any:
    """Set the menu button of one private chat, or the default one."""
    button = args.get("menu_button") or {"type": "default"}
    if not isinstance(button, dict) or button.get("type") not in (
        "commands",
        "web_app",
        "default",
    ):
        raise bad_request("can't parse menu button JSON object")
    if "chat_id" in args:
        find_chat(env, args["chat_id"]).menu_button = button
    else:
        env.world.default_menu_button = button
    return True


@method("getChatMenuButton", "chat_id:int")
async def get_chat_menu_button(env: Env, args: dict[str, Any]) -> Any:
    """The menu button of one private chat, or the default one."""
    if "chat_id" in args:
        own = find_chat(env, args["chat_id"]).menu_button
        if own is not None and own.get("type") != "default":
            return own
    return env.world.default_menu_button


METHODS = (get_me, close, log_out, set_my_commands, get_my_commands, delete_my_commands,
           set_chat_menu_button, get_chat_menu_button)  # fmt: skip
