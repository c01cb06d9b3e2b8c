"""Shared pieces of the bot tests: well-known user ids and the running-bot handle."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from bot.context import Services
from bot.sandbox import BotApiSandbox, SandboxMessage, SimulatedUser
from core.feedback import AnswerRecord
from core.settings import Settings

ADMIN_ID = 9001
TRAINER_ID = 9002
OFFICIAL_ID = 9003
ENGLISH_ID = 9004


@dataclass
class RunningBot:
    """The real application running against the sandbox, with its services."""

    sandbox: BotApiSandbox
    services: Services
    settings: Settings

    def records(self) -> list[AnswerRecord]:
        """Every answer the bot stored, oldest first."""
        with self.services.session() as session:
            return list(session.exec(select(AnswerRecord).order_by(col(AnswerRecord.id))).all())

    async def user(self, user_id: int, name: str = "สมชาย", lang: str = "th") -> SimulatedUser:
        """A person who has opened the chat (sent /start) and read the welcome."""
        person = self.sandbox.user(user_id, name, language_code=lang)
        await person.send("/start")
        await person.next_message()
        return person


def button_data(message: SandboxMessage) -> list[str]:
    """The callback data of every button on a message, in reading order."""
    return [b.callback_data or "" for b in message.button_list]
