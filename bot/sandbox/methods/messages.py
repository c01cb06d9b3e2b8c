"""sendMessage, editMessageText, editMessageReplyMarkup, deleteMessage, sendChatAction."""

from __future__ import annotations

from typing import Any

from bot.sandbox.env import Env
from bot.sandbox.errors import NOT_MODIFIED, bad_request
from bot.sandbox.markup import check_reply_markup
from bot.sandbox.methods.common import (
    bot_message,
    formatted,
    no_inline_messages,
    post_message,
    text_content,
    writable_chat,
)
from bot.sandbox.methods.registry import SEND_HEAD, SEND_TAIL, method
from bot.sandbox.state import StoredMessage, now

CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})  # fmt: skip


@method(
    "sendMessage",
    *SEND_HEAD,
    "direct_messages_topic_id:int",
    "text:str!",
    "parse_mode:str",
    "entities:json",
    "link_preview_options:json",
    *SEND_TAIL,
    "suggested_post_parameters:json",
    "reply_parameters:json",
    "reply_markup:json",
)
async def send_message(env: Env, args: dict[str, Any]) -> Any:
    """Post a text message."""
    chat = writable_chat(env, args["chat_id"])
    text, entities = formatted(args["text"], args.get("parse_mode"), args.get("entities"))
    content = text_content(text, entities)
    if "link_preview_options" in args:
        content["link_preview_options"] = args["link_preview_options"]
    return post_message(env, chat, args, content).data


@method(
    "editMessageText",
    "business_connection_id:str",
    "chat_id:chat",
    "message_id:int",
    "inline_message_id:str",
    "text:str",
    "parse_mode:str",
    "entities:json",
    "link_preview_options:json",
    "rich_message:json",
    "reply_markup:json",
)
async def edit_message_text(env: Env, args: dict[str, Any]) -> Any:
    """Replace a bot message's text; the keyboard goes unless reply_markup is sent again."""
    no_inline_messages(args)
    stored = bot_message(env, args.get("chat_id"), args.get("message_id"), action="edit")
    if "text" not in args:
        raise bad_request("message text is empty")
    if "text" not in stored.data:
        raise bad_request("there is no text in the message to edit")
    text, entities = formatted(args["text"], args.get("parse_mode"), args.get("entities"))
    markup = _new_markup(args)
    unchanged = (
        stored.data["text"] == text
        and stored.data.get("entities", []) == entities
        and stored.data.get("reply_markup") == markup
    )
    if unchanged:
        raise bad_request(NOT_MODIFIED)
    stored.data.pop("entities", None)
    stored.data.update(text_content(text, entities))
    if "link_preview_options" in args:
        stored.data["link_preview_options"] = args["link_preview_options"]
    return _apply_edit(env, stored, markup)


@method(
    "editMessageReplyMarkup",
    "business_connection_id:str",
    "chat_id:chat",
    "message_id:int",
    "inline_message_id:str",
    "reply_markup:json",
)
async def edit_message_reply_markup(env: Env, args: dict[str, Any]) -> Any:
    """Replace (or, without reply_markup, remove) a bot message's inline keyboard."""
    no_inline_messages(args)
    stored = bot_message(env, args.get("chat_id"), args.get("message_id"), action="edit")
    markup = _new_markup(args)
    if stored.data.get("reply_markup") == markup:
        raise bad_request(NOT_MODIFIED)
    return _apply_edit(env, stored, markup)


def _new_markup(args: dict[str, Any]) -> dict[str, Any] | None:
    markup = args.get("reply_markup")
    if markup is None:
        return None
    check_reply_markup(markup, inline_only=True)
    # An empty inline keyboard is how bots remove one; Telegram stores no markup then.
    return markup if any(markup["inline_keyboard"]) else None


def _apply_edit(env: Env, stored: StoredMessage, markup: dict[str, Any] | None) -> Any:
    if markup is None:
        stored.data.pop("reply_markup", None)
    else:
        stored.data["reply_markup"] = markup
    stored.data["edit_date"] = now()
    stored.edit_count += 1
    env.world.changed(stored)
    return stored.data


@method("deleteMessage", "chat_id:chat!", "message_id:int!")
async def delete_message(env: Env, args: dict[str, Any]) -> Any:
    """Delete a message for everyone."""
    stored = bot_message(env, args["chat_id"], args["message_id"], action="delete")
    stored.deleted = True
    env.world.changed(stored)
    return True


@method(
    "sendChatAction",
    "business_connection_id:str",
    "chat_id:chat!",
    "message_thread_id:int",
    "action:str!",
)
async def send_chat_action(env: Env, args: dict[str, Any]) -> Any:
    """Show "typing…" or a similar status in the chat."""
    chat = writable_chat(env, args["chat_id"])
    if args["action"] not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    env.world.chat_actions.append((chat.id, args["action"]))
    env.world.touch()
    return True


METHODS = (send_message, edit_message_text, edit_message_reply_markup, delete_message,
           send_chat_action)  # fmt: skip
