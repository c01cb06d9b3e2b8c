"""What simulated users do, turned into stored messages and updates for the bot."""

from __future__ import annotations

import copy
import secrets
from typing import Any

from bot.sandbox import autolink
from bot.sandbox.env import Env
from bot.sandbox.errors import ButtonNotFound, PollVoteError
from bot.sandbox.markup import inline_buttons, reply_keyboard_texts
from bot.sandbox.state import CallbackRecord, StoredChat, StoredMessage, StoredPoll, now


def user_message(
    env: Env,
    chat: StoredChat,
    user: dict[str, Any],
    content: dict[str, Any],
    *,
    reply_to: int | None = None,
) -> StoredMessage:
    """Store a user's message and, unless privacy mode hides it, hand it to the bot."""
    data: dict[str, Any] = {
        "message_id": chat.take_message_id(),
        "from": user,
        "chat": chat.as_json(),
        "date": now(),
        **content,
    }
    target = env.world.find_message(chat.id, reply_to) if reply_to is not None else None
    if target is not None:
        data["reply_to_message"] = {
            k: v for k, v in target.data.items() if k != "reply_to_message"
        }
    if chat.type == "private":
        chat.started = True
    stored = env.world.add_message(StoredMessage(data, from_bot=False))
    if _bot_sees(env, chat, data, target):
        env.push_update("message", copy.deepcopy(data))
    return stored


def text_content(text: str) -> dict[str, Any]:
    """A text message's fields with the entities Telegram detects (bot commands, links, …)."""
    entities = autolink.detect(text, [])
    return {"text": text, "entities": entities} if entities else {"text": text}


def _bot_sees(
    env: Env, chat: StoredChat, data: dict[str, Any], target: StoredMessage | None
) -> bool:
    # In privacy mode a bot in a group gets commands, replies to it and mentions of it only.
    if chat.type == "private" or not chat.privacy_mode:
        return True
    text = str(data.get("text", data.get("caption", "")))
    mention = "@" + str(env.world.bot_user.get("username", "")).lower()
    replied_to_bot = target is not None and target.from_bot
    return text.startswith("/") or replied_to_bot or mention in text.lower()


def find_button(stored: StoredMessage, wanted: str) -> dict[str, Any]:
    """The inline button whose text or callback_data is ``wanted``, or ButtonNotFound."""
    buttons = [b for row in inline_buttons(stored.data.get("reply_markup")) for b in row]
    for button in buttons:
        if wanted in (button.get("text"), button.get("callback_data")):
            return button
    shown = (
        ", ".join(
            f"{b['text']!r}" + (f" ({b['callback_data']!r})" if "callback_data" in b else "")
            for b in buttons
        )
        or "none"
    )
    raise ButtonNotFound(
        f"message #{stored.message_id} has no button {wanted!r}; its buttons now: {shown}"
    )


def find_reply_keyboard_text(stored: StoredMessage, wanted: str) -> str | None:
    """``wanted`` if it is a button of the reply keyboard sent with this message."""
    texts = [text for row in reply_keyboard_texts(stored.reply_keyboard) for text in row]
    return wanted if wanted in texts else None


def press(
    env: Env,
    chat: StoredChat,
    user: dict[str, Any],
    stored: StoredMessage | None,
    message_id: int,
    data: str,
) -> CallbackRecord:
    """A callback_query update as Telegram sends it when a user presses a button."""
    record = CallbackRecord(
        id=str(secrets.randbelow(10**18) + 10**18),
        user_id=int(user["id"]),
        chat_id=chat.id,
        message_id=message_id,
        data=data,
        created_at=env.clock(),
    )
    env.world.callbacks[record.id] = record
    query: dict[str, Any] = {"id": record.id, "from": user, "chat_instance": chat.chat_instance}
    if stored is not None:
        query["message"] = copy.deepcopy(stored.data)
    else:  # a forged press may name a message that does not exist
        query["message"] = {"chat": chat.as_json(), "message_id": message_id, "date": 0}
    query["data"] = data
    env.push_update("callback_query", query)
    return record


def vote(env: Env, user: dict[str, Any], poll: StoredPoll, option_ids: list[int]) -> None:
    """Record a vote (an empty list retracts it) and send the bot its updates."""
    _check_vote(poll, int(user["id"]), option_ids)
    poll.votes[int(user["id"])] = list(option_ids)
    stored = env.world.find_message(poll.chat_id, poll.message_id)
    if stored is not None:
        stored.data["poll"] = poll.as_json()
        env.world.changed(stored)
    if not poll.is_anonymous:
        env.push_update("poll_answer", {
            "poll_id": poll.id,
            "user": user,
            "option_ids": list(option_ids),
            "option_persistent_ids": [poll.persistent_ids[i] for i in option_ids],
        })  # fmt: skip
    env.push_update("poll", poll.as_json())


def _check_vote(poll: StoredPoll, user_id: int, option_ids: list[int]) -> None:
    if poll.is_closed:
        raise PollVoteError(f"poll {poll.question!r} is closed")
    bad = [i for i in option_ids if not 0 <= i < len(poll.options)]
    if bad:
        raise PollVoteError(f"poll has options 0..{len(poll.options) - 1}, not {bad}")
    if len(set(option_ids)) != len(option_ids):
        raise PollVoteError("the same option was chosen twice")
    if len(option_ids) > 1 and not poll.allows_multiple_answers:
        raise PollVoteError("this poll allows only one answer")
    if poll.votes.get(user_id) and not poll.allows_revoting:
        raise PollVoteError("this poll does not allow changing a vote")
    if not option_ids and not poll.votes.get(user_id):
        raise PollVoteError("there is no vote to retract")


def upload(
    env: Env,
    chat: StoredChat,
    user: dict[str, Any],
    data: bytes,
    *,
    file_name: str,
    mime_type: str | None,
    caption: str | None,
) -> StoredMessage:
    """A user's message carrying a document the bot can getFile and download."""
    stored_file = env.world.files.add(
        data, folder="documents", file_name=file_name, mime_type=mime_type
    )
    content: dict[str, Any] = {"document": stored_file.as_document_json()}
    if caption:
        content["caption"] = caption
        entities = autolink.detect(caption, [])
        if entities:
            content["caption_entities"] = entities
    return user_message(env, chat, user, content)
