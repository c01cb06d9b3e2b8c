"""Helpers every message-sending method shares: chats, texts, replies and markup."""

from __future__ import annotations

from typing import Any

from bot.sandbox import autolink, limits
from bot.sandbox.entities import format_text, utf16_len
from bot.sandbox.env import Env
from bot.sandbox.errors import CHAT_NOT_FOUND, ApiError, bad_request, forbidden
from bot.sandbox.markup import check_reply_markup
from bot.sandbox.state import StoredChat, StoredMessage, now


def find_chat(env: Env, chat_id: int | str) -> StoredChat:
    """The chat by numeric id or ``@username``, or Telegram's "chat not found"."""
    if isinstance(chat_id, str):
        name = chat_id.removeprefix("@").lower()
        found = [c for c in env.world.chats.values() if (c.username or "").lower() == name]
        if not found:
            raise bad_request(CHAT_NOT_FOUND)
        return found[0]
    chat = env.world.chats.get(chat_id)
    if chat is None:
        raise bad_request(CHAT_NOT_FOUND)
    return chat


def writable_chat(env: Env, chat_id: int | str) -> StoredChat:
    """A chat the bot may post in now, else the 400/403 Telegram would answer."""
    chat = find_chat(env, chat_id)
    if chat.type == "private" and chat.blocked:
        raise forbidden("bot was blocked by the user")
    if chat.type == "private" and not chat.started:
        raise forbidden("bot can't initiate conversation with a user")
    return chat


def formatted(
    text: str, parse_mode: str | None, entities: Any, *, caption: bool = False
) -> tuple[str, list[dict[str, Any]]]:
    """Text and entities after parsing, checked against the text or caption length limit."""
    plain, found = format_text(text, parse_mode, entities)
    size = utf16_len(plain)
    if caption:
        if size > limits.CAPTION_MAX:
            raise bad_request("message caption is too long")
    elif not plain.strip():
        raise bad_request("message text is empty")
    elif size > limits.MESSAGE_TEXT_MAX:
        raise bad_request("message is too long")
    if len(found) > limits.MESSAGE_ENTITIES_MAX:
        raise bad_request("too many message entities")
    return plain, autolink.detect(plain, found)


def text_content(
    text: str, entities: list[dict[str, Any]], *, field: str = "text"
) -> dict[str, Any]:
    """The message fields for a text or caption and its entities."""
    content: dict[str, Any] = {field: text}
    if entities:
        content["entities" if field == "text" else "caption_entities"] = entities
    return content


def post_message(
    env: Env, chat: StoredChat, args: dict[str, Any], content: dict[str, Any]
) -> StoredMessage:
    """Store a bot message built from ``content`` plus the common send parameters."""
    data: dict[str, Any] = {
        "message_id": 0,
        "from": env.world.bot_user,
        "chat": chat.as_json(),
        "date": now(),
        **content,
    }
    reply_to = _reply_target(env, chat, args.get("reply_parameters"))
    if reply_to is not None:
        data["reply_to_message"] = _without_reply(reply_to.data)
    markup = args.get("reply_markup")
    reply_keyboard = None
    if markup is not None:
        check_reply_markup(markup)
        if "inline_keyboard" in markup:
            data["reply_markup"] = markup  # only inline keyboards come back in Message
        else:
            reply_keyboard = markup
    data["message_id"] = chat.take_message_id()
    return env.world.add_message(StoredMessage(data, True, reply_keyboard=reply_keyboard))


def _reply_target(env: Env, chat: StoredChat, params: Any) -> StoredMessage | None:
    if params is None:
        return None
    if not isinstance(params, dict) or not isinstance(params.get("message_id"), int):
        raise bad_request("can't parse reply parameters JSON object")
    target_chat = find_chat(env, params["chat_id"]) if "chat_id" in params else chat
    target = env.world.find_message(target_chat.id, params["message_id"])
    if target is None and not params.get("allow_sending_without_reply"):
        raise bad_request("message to be replied not found")
    return target


def _without_reply(data: dict[str, Any]) -> dict[str, Any]:
    # Telegram never nests reply_to_message inside a reply_to_message.
    return {key: value for key, value in data.items() if key != "reply_to_message"}


def bot_message(env: Env, chat_id: Any, message_id: Any, *, action: str) -> StoredMessage:
    """A message the bot may change, or Telegram's error for ``action`` (edit/delete)."""
    if chat_id is None:
        raise bad_request("chat_id is empty")
    if message_id is None:
        raise bad_request("message identifier is not specified")
    chat = find_chat(env, chat_id)
    stored = env.world.find_message(chat.id, message_id)
    if stored is None:
        raise bad_request(f"message to {action} not found")
    if action == "edit" and not stored.from_bot:
        raise bad_request("message can't be edited")
    return stored


def no_inline_messages(args: dict[str, Any]) -> None:
    """The sandbox has no inline mode, so inline_message_id never names a message."""
    if "inline_message_id" in args:
        raise ApiError(400, "Bad Request: MESSAGE_ID_INVALID")
