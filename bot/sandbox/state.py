"""What the sandbox remembers: chats, messages, polls, callback queries and a change signal."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.files import FileStore


@dataclass
class StoredChat:
    """A private chat or group the bot can talk in."""

    id: int
    type: str
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None
    started: bool = False  # a user must write first before the bot may message them
    blocked: bool = False
    privacy_mode: bool = True
    next_message_id: int = 1
    menu_button: dict[str, Any] | None = None
    chat_instance: str = ""

    def as_json(self) -> dict[str, Any]:
        """The Chat object Telegram embeds in messages."""
        chat: dict[str, Any] = {"id": self.id, "type": self.type}
        for name in ("title", "username", "first_name", "last_name"):
            value = getattr(self, name)
            if value is not None:
                chat[name] = value
        return chat

    def take_message_id(self) -> int:
        """Reserve the next message id in this chat."""
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id


@dataclass
class StoredMessage:
    """A message in its current state; ``data`` is the Message JSON Telegram would return."""

    data: dict[str, Any]
    from_bot: bool
    reply_keyboard: dict[str, Any] | None = None
    deleted: bool = False
    version: int = 0
    edit_count: int = 0

    @property
    def chat_id(self) -> int:
        """The chat this message belongs to."""
        return int(self.data["chat"]["id"])

    @property
    def message_id(self) -> int:
        """The message's id within its chat."""
        return int(self.data["message_id"])


@dataclass
class CallbackAnswer:
    """What the bot answered to a pressed button."""

    query_id: str
    text: str | None
    show_alert: bool
    url: str | None


@dataclass
class CallbackRecord:
    """A callback query a user produced by pressing a button."""

    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    created_at: float
    answer: CallbackAnswer | None = None


@dataclass
class StoredPoll:
    """A poll the bot sent, with every vote cast."""

    id: str
    chat_id: int
    message_id: int
    question: str
    options: list[str]
    persistent_ids: list[str]
    type: str = "regular"
    is_anonymous: bool = True
    allows_multiple_answers: bool = False
    allows_revoting: bool = True
    correct_option_ids: list[int] = field(default_factory=list)
    explanation: str | None = None
    explanation_entities: list[dict[str, Any]] = field(default_factory=list)
    open_period: int | None = None
    close_date: int | None = None
    is_closed: bool = False
    votes: dict[int, list[int]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """The Poll object with every field Bot API 10.1 marks required."""
        counts = [
            sum(i in chosen for chosen in self.votes.values()) for i in range(len(self.options))
        ]
        poll: dict[str, Any] = {
            "id": self.id,
            "question": self.question,
            "options": [
                {"persistent_id": pid, "text": text, "voter_count": count}
                for pid, text, count in zip(self.persistent_ids, self.options, counts, strict=True)
            ],
            "total_voter_count": sum(1 for chosen in self.votes.values() if chosen),
            "is_closed": self.is_closed,
            "is_anonymous": self.is_anonymous,
            "type": self.type,
            "allows_multiple_answers": self.allows_multiple_answers,
            "allows_revoting": self.allows_revoting,
            "members_only": False,
        }
        optional = {
            "correct_option_ids": self.correct_option_ids if self.type == "quiz" else None,
            "explanation": self.explanation,
            "explanation_entities": self.explanation_entities or None,
            "open_period": self.open_period,
            "close_date": self.close_date,
        }
        poll.update({key: value for key, value in optional.items() if value is not None})
        return poll


class World:
    """All state of one sandbox, plus a signal that fires whenever any of it changes."""

    def __init__(self, bot_user: dict[str, Any]) -> None:
        self.bot_user = bot_user
        self.chats: dict[int, StoredChat] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self.messages: dict[tuple[int, int], StoredMessage] = {}
        self.polls: dict[str, StoredPoll] = {}
        self.callbacks: dict[str, CallbackRecord] = {}
        self.chat_actions: list[tuple[int, str]] = []
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.default_menu_button: dict[str, Any] = {"type": "commands"}
        self.files = FileStore()
        self._changed = asyncio.Event()

    def touch(self) -> None:
        """Wake everyone waiting for a change."""
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_change(self, timeout: float) -> bool:
        """Wait until the next change; False when ``timeout`` seconds pass first."""
        try:
            await asyncio.wait_for(self._changed.wait(), timeout)
        except TimeoutError:
            return False
        return True

    def add_message(self, stored: StoredMessage) -> StoredMessage:
        """Remember a new message and signal it."""
        self.messages[(stored.chat_id, stored.message_id)] = stored
        self.touch()
        return stored

    def find_message(self, chat_id: int, message_id: int) -> StoredMessage | None:
        """A message that still exists, or None."""
        stored = self.messages.get((chat_id, message_id))
        return None if stored is None or stored.deleted else stored

    def chat_messages(self, chat_id: int, *, from_bot: bool | None = None) -> list[StoredMessage]:
        """Messages of a chat that still exist, oldest first."""
        found = [
            m
            for (cid, _), m in self.messages.items()
            if cid == chat_id and not m.deleted and (from_bot is None or m.from_bot == from_bot)
        ]
        return sorted(found, key=lambda m: m.message_id)

    def changed(self, stored: StoredMessage) -> None:
        """Record that a message was edited or its poll changed."""
        stored.version += 1
        self.touch()


def now() -> int:
    """Unix time in whole seconds, as Telegram dates are."""
    return int(time.time())
