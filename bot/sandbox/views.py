"""Read-only views of messages for tests and the chat client; they follow later edits."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from bot.sandbox.markup import inline_buttons, reply_keyboard_texts
from bot.sandbox.render import to_html, to_plain
from bot.sandbox.state import StoredMessage, World


@dataclass(frozen=True)
class Button:
    """One inline keyboard button at (row, column)."""

    text: str
    callback_data: str | None
    url: str | None
    row: int
    column: int


@dataclass(frozen=True)
class PollView:
    """A poll as the chat shows it now."""

    id: str
    question: str
    options: list[str]
    voter_counts: list[int]
    total_voter_count: int
    type: str
    is_anonymous: bool
    allows_multiple_answers: bool
    allows_revoting: bool
    correct_option_ids: list[int]
    explanation: str | None
    is_closed: bool


@dataclass(frozen=True)
class DocumentView:
    """A document in a message, with its bytes."""

    file_id: str
    file_name: str | None
    mime_type: str | None
    data: bytes


class SandboxMessage:
    """A message in a sandbox chat; every property reads the current (edited) state."""

    def __init__(self, world: World, stored: StoredMessage) -> None:
        self._world = world
        self._stored = stored

    def __repr__(self) -> str:
        state = " deleted" if self.deleted else ""
        return f"<SandboxMessage #{self.message_id} chat={self.chat_id}{state} {self.text!r}>"

    @property
    def message_id(self) -> int:
        """Id within the chat."""
        return self._stored.message_id

    @property
    def chat_id(self) -> int:
        """The chat's id."""
        return self._stored.chat_id

    @property
    def from_bot(self) -> bool:
        """True for the bot's messages, False for a simulated user's."""
        return self._stored.from_bot

    @property
    def raw(self) -> dict[str, Any]:
        """A copy of the Message JSON as Telegram would return it now."""
        return copy.deepcopy(self._stored.data)

    @property
    def text(self) -> str:
        """Plain text, or the caption of a document/photo ("" when there is neither)."""
        data = self._stored.data
        return str(data.get("text", data.get("caption", "")))

    @property
    def entities(self) -> list[dict[str, Any]]:
        """Entities of the text or caption."""
        data = self._stored.data
        return list(data.get("entities", data.get("caption_entities", [])))

    @property
    def html(self) -> str:
        """The text with its formatting as Telegram HTML."""
        return to_html(self.text, self.entities)

    @property
    def readable(self) -> str:
        """The text as a person reads it: no markup, link targets in brackets."""
        return to_plain(self.text, self.entities)

    @property
    def reply_markup(self) -> dict[str, Any] | None:
        """The current inline keyboard markup, or None."""
        markup = self._stored.data.get("reply_markup")
        return copy.deepcopy(markup) if markup else None

    @property
    def buttons(self) -> list[list[Button]]:
        """Inline keyboard buttons, row by row."""
        return [
            [
                Button(b["text"], b.get("callback_data"), b.get("url"), row, column)
                for column, b in enumerate(buttons)
            ]
            for row, buttons in enumerate(inline_buttons(self._stored.data.get("reply_markup")))
        ]

    @property
    def button_list(self) -> list[Button]:
        """All inline buttons in reading order (what the chat client numbers 1, 2, …)."""
        return [button for row in self.buttons for button in row]

    @property
    def reply_keyboard(self) -> list[list[str]]:
        """Texts of a reply keyboard sent with this message."""
        return reply_keyboard_texts(self._stored.reply_keyboard)

    @property
    def poll(self) -> PollView | None:
        """The poll in this message, or None."""
        poll = self._stored.data.get("poll")
        if not poll:
            return None
        return PollView(
            id=poll["id"],
            question=poll["question"],
            options=[option["text"] for option in poll["options"]],
            voter_counts=[option["voter_count"] for option in poll["options"]],
            total_voter_count=poll["total_voter_count"],
            type=poll["type"],
            is_anonymous=poll["is_anonymous"],
            allows_multiple_answers=poll["allows_multiple_answers"],
            allows_revoting=poll["allows_revoting"],
            correct_option_ids=list(poll.get("correct_option_ids", [])),
            explanation=poll.get("explanation"),
            is_closed=poll["is_closed"],
        )

    @property
    def document(self) -> DocumentView | None:
        """The document in this message (with its bytes), or None."""
        document = self._stored.data.get("document")
        if not document:
            return None
        stored = self._world.files.by_id(document["file_id"])
        return DocumentView(
            file_id=document["file_id"],
            file_name=document.get("file_name"),
            mime_type=document.get("mime_type"),
            data=stored.data if stored else b"",
        )

    @property
    def photo(self) -> bytes | None:
        """The bytes of the photo in this message, or None."""
        sizes = self._stored.data.get("photo")
        stored = self._world.files.by_id(sizes[-1]["file_id"]) if sizes else None
        return stored.data if stored else None

    @property
    def reply_to_message_id(self) -> int | None:
        """The id of the message this one replies to."""
        reply = self._stored.data.get("reply_to_message")
        return int(reply["message_id"]) if reply else None

    @property
    def edited(self) -> bool:
        """Whether the bot has edited this message."""
        return self._stored.edit_count > 0

    @property
    def edit_count(self) -> int:
        """How many times the bot edited this message."""
        return self._stored.edit_count

    @property
    def deleted(self) -> bool:
        """Whether the message was deleted."""
        return self._stored.deleted

    @property
    def version(self) -> int:
        """Grows with every edit, vote count change or deletion."""
        return self._stored.version
