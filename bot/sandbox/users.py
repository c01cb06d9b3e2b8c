"""Simulated Telegram users and groups: they write, press, vote, upload and read replies."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bot.sandbox import actions
from bot.sandbox.env import Env
from bot.sandbox.errors import ButtonNotFound, PollVoteError, SandboxError
from bot.sandbox.state import CallbackAnswer, CallbackRecord, StoredChat, StoredMessage
from bot.sandbox.views import SandboxMessage

Predicate = Callable[[SandboxMessage], bool]


class PressedButton:
    """A callback query a user produced; the bot's answer arrives later."""

    def __init__(self, env: Env, record: CallbackRecord) -> None:
        self._env = env
        self._record = record

    @property
    def id(self) -> str:
        """The callback query id."""
        return self._record.id

    @property
    def data(self) -> str:
        """The callback data sent to the bot."""
        return self._record.data

    @property
    def answer(self) -> CallbackAnswer | None:
        """The bot's answerCallbackQuery, once it came."""
        return self._record.answer

    async def answered(self, timeout: float = 10.0) -> CallbackAnswer:
        """Wait for the bot to answer this query."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._record.answer is None:
            left = deadline - loop.time()
            if left <= 0 or not await self._env.world.wait_change(left):
                raise TimeoutError(f"the bot did not answer callback query {self.data!r}")
        return self._record.answer


class ChatObserver:
    """Reads what the bot posts in one chat; each observer has its own read position."""

    def __init__(self, env: Env, chat: StoredChat) -> None:
        self._env = env
        self._chat = chat
        self._last_read = chat.next_message_id - 1

    @property
    def chat_id(self) -> int:
        """The chat's id."""
        return self._chat.id

    @property
    def messages(self) -> list[SandboxMessage]:
        """The bot's messages in this chat that still exist, in their current state."""
        stored = self._env.world.chat_messages(self._chat.id, from_bot=True)
        return [SandboxMessage(self._env.world, m) for m in stored]

    @property
    def last_message(self) -> SandboxMessage | None:
        """The bot's latest message here, or None."""
        messages = self.messages
        return messages[-1] if messages else None

    @property
    def chat_actions(self) -> list[str]:
        """Chat actions (``typing``, ``upload_document``, …) the bot sent here, in order."""
        return [
            action for chat_id, action in self._env.world.chat_actions if chat_id == self.chat_id
        ]

    async def next_message(self, timeout: float = 10.0) -> SandboxMessage:
        """The first bot message after the last one this observer read; waits for it."""
        found = await self._wait(lambda m: m.message_id > self._last_read, timeout, "new message")
        self._last_read = found.message_id
        return found

    async def wait_for(self, predicate: Predicate, timeout: float = 10.0) -> SandboxMessage:
        """The first bot message here (old ones included, edits applied) that fits."""
        return await self._wait(predicate, timeout, "message matching the predicate")

    async def wait_activity(self, timeout: float) -> bool:
        """Wait for any change in the sandbox; False when ``timeout`` seconds pass first."""
        return await self._env.world.wait_change(timeout)

    def skip_existing(self) -> None:
        """Mark every message so far as read, so next_message waits for a new one."""
        self._last_read = self._chat.next_message_id - 1

    async def _wait(self, predicate: Predicate, timeout: float, what: str) -> SandboxMessage:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            match = next((m for m in self.messages if predicate(m)), None)
            if match is not None:
                return match
            left = deadline - loop.time()
            if left <= 0 or not await self._env.world.wait_change(left):
                recent = [repr(m) for m in self.messages[-3:]]
                raise TimeoutError(
                    f"no {what} from the bot in chat {self.chat_id} within "
                    f"{timeout}s; latest: {recent or 'none'}"
                )


class SimulatedUser(ChatObserver):
    """A person writing to the bot in a private chat or a group."""

    def __init__(self, env: Env, user: dict[str, Any], chat: StoredChat) -> None:
        super().__init__(env, chat)
        self.user = user

    def __repr__(self) -> str:
        return f"<SimulatedUser {self.id} {self.first_name!r} in chat {self.chat_id}>"

    @property
    def id(self) -> int:
        """The user's Telegram id."""
        return int(self.user["id"])

    @property
    def first_name(self) -> str:
        """The user's first name."""
        return str(self.user["first_name"])

    @property
    def language_code(self) -> str | None:
        """The user's app language."""
        return self.user.get("language_code")

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        """The bot's answers to this user's button presses in this chat, in order."""
        records = self._env.world.callbacks.values()
        return [
            r.answer
            for r in records
            if r.answer and r.user_id == self.id and r.chat_id == self.chat_id
        ]

    async def send(
        self, text: str, *, reply_to: SandboxMessage | int | None = None
    ) -> SandboxMessage:
        """Write a message; ``/command`` texts get the bot_command entity Telegram adds."""
        reply_id = reply_to.message_id if isinstance(reply_to, SandboxMessage) else reply_to
        stored = actions.user_message(
            self._env, self._chat, self.user, actions.text_content(text), reply_to=reply_id
        )
        return SandboxMessage(self._env.world, stored)

    async def press(self, message: SandboxMessage | int, button: str) -> PressedButton:
        """Press a button (by text or callback_data) that is on the message right now."""
        stored = self._stored(message)
        try:
            found = actions.find_button(stored, button)
        except ButtonNotFound:
            if actions.find_reply_keyboard_text(stored, button) is None:
                raise
            raise ButtonNotFound(
                f"{button!r} is a reply keyboard button, which just sends its "
                "text: use send() instead"
            ) from None
        if "callback_data" not in found:
            raise ButtonNotFound(
                f"button {found['text']!r} opens a link or app; it has no callback data to press"
            )
        record = actions.press(
            self._env, self._chat, self.user, stored, stored.message_id, found["callback_data"]
        )
        return PressedButton(self._env, record)

    async def press_forged(self, message_id: int, data: str) -> PressedButton:
        """Send callback data no button carries (what a tampering client could do)."""
        stored = self._env.world.find_message(self.chat_id, message_id)
        record = actions.press(self._env, self._chat, self.user, stored, message_id, data)
        return PressedButton(self._env, record)

    async def vote(
        self, poll_message: SandboxMessage | int, option_ids: int | Sequence[int]
    ) -> None:
        """Choose poll options by 0-based index; an empty list retracts the vote."""
        stored = self._stored(poll_message)
        poll = self._env.world.polls.get(stored.data.get("poll", {}).get("id", ""))
        if poll is None:
            raise PollVoteError(f"message #{stored.message_id} has no poll the bot sent")
        ids = [option_ids] if isinstance(option_ids, int) else list(option_ids)
        actions.vote(self._env, self.user, poll, ids)

    async def upload(
        self,
        source: str | Path | bytes,
        file_name: str | None = None,
        mime_type: str | None = None,
        caption: str | None = None,
    ) -> SandboxMessage:
        """Send a file as a document (a path, or bytes with a file name)."""
        if isinstance(source, bytes):
            if not file_name:
                raise SandboxError("uploading bytes needs a file_name")
            data = source
        else:
            path = Path(source)
            data, file_name = path.read_bytes(), file_name or path.name
        stored = actions.upload(
            self._env,
            self._chat,
            self.user,
            data,
            file_name=file_name,
            mime_type=mime_type,
            caption=caption,
        )
        return SandboxMessage(self._env.world, stored)

    def block(self) -> None:
        """Block the bot: its sends to this private chat now fail with 403."""
        self._chat.blocked = True

    def unblock(self) -> None:
        """Unblock the bot."""
        self._chat.blocked = False

    def _stored(self, message: SandboxMessage | int) -> StoredMessage:
        message_id = message.message_id if isinstance(message, SandboxMessage) else message
        stored = self._env.world.find_message(self.chat_id, message_id)
        if stored is None:
            raise SandboxError(f"chat {self.chat_id} has no message #{message_id} (deleted?)")
        return stored


class SimulatedGroup(ChatObserver):
    """A group chat where several simulated users talk with the bot."""

    @property
    def title(self) -> str:
        """The group's title."""
        return str(self._chat.title)

    def member(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "th",
    ) -> SimulatedUser:
        """A user posting in this group."""
        user = make_user(user_id, first_name, last_name, username, language_code)
        return SimulatedUser(self._env, user, self._chat)


def make_user(
    user_id: int,
    first_name: str,
    last_name: str | None = None,
    username: str | None = None,
    language_code: str | None = None,
) -> dict[str, Any]:
    """A User object for a person (never a bot)."""
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
    extras = {"last_name": last_name, "username": username, "language_code": language_code}
    user.update({key: value for key, value in extras.items() if value})
    return user
