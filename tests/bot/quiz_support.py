"""Helpers for the quiz's end-to-end tests: a bot without question answering, quiz steps."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from typing import Any

from pydantic import SecretStr
from sqlmodel import col, select

from bot.app import build_application, running
from bot.context import build_services
from bot.sandbox import BotApiSandbox, PollView, SandboxMessage, SimulatedUser
from bot.sandbox.actions import vote
from core.settings import Settings
from quizzes.models import QuizAttempt, QuizAttemptItem
from retrieval.answer import Answer
from tests.bot.support import ADMIN_ID, RunningBot


class RefusingAnswerer:
    """Quiz tests never ask questions: skip loading the embedding model."""

    def ask(self, question: str, lang: str | None = None) -> Answer:
        return Answer(found=False, answer="", lang=lang or "th")

    def warm_up(self) -> None:
        return None


@contextlib.asynccontextmanager
async def quiz_bot(
    sandbox: BotApiSandbox, settings: Settings, **overrides: Any
) -> AsyncIterator[RunningBot]:
    """The real bot against the sandbox; run it twice over the same settings to restart it."""
    values: dict[str, Any] = {
        "telegram_bot_token": SecretStr(sandbox.token),
        "telegram_api_url": sandbox.base_url,
        "admin_ids": [ADMIN_ID],
        "rate_limit_messages": 1000,
    }
    local = settings.model_copy(update={**values, **overrides})
    services = build_services(local, RefusingAnswerer())
    try:
        async with running(build_application(local, services)):
            yield RunningBot(sandbox, services, local)
    finally:
        services.close()


def is_question(message: SandboxMessage) -> bool:
    """A quiz poll, or an ordering question with its buttons."""
    data = [b.callback_data or "" for b in message.button_list]
    return message.poll is not None or any(d.startswith("qz:o:") for d in data)


async def start_quiz(
    user: SimulatedUser, topic: str, length: int, seconds: int = 0
) -> SandboxMessage:
    """/quiz (choosing a new quiz if one is open), the topic and the length; the 1st question."""
    await user.send("/quiz")
    picker = await user.next_message()
    if "qz:new" in _data(picker):
        await user.press(picker, "qz:new")
        picker = await user.next_message()
    await user.press(picker, f"qz:t:{topic}")
    await user.wait_for(lambda m: m.message_id == picker.message_id and "qz:t:" not in _data(m))
    await user.press(picker, f"qz:n:{topic}:{length}:{seconds}")
    return await user.next_message()


def _data(message: SandboxMessage) -> str:
    return " ".join(b.callback_data or "" for b in message.button_list)


def poll_of(message: SandboxMessage) -> PollView:
    """The poll of a message that must carry one."""
    assert message.poll is not None, f"not a poll: {message!r}"
    return message.poll


# A regular poll (an assignment whose answers stay hidden until its deadline) carries no
# right option; a running bot registers here how to read it from its database.
HIDDEN_ANSWERS: list[Callable[[SandboxMessage], int | None]] = []


def right_option(message: SandboxMessage) -> int:
    """The shown index of the right option (a quiz poll's own, or the bot's records)."""
    assert message.poll is not None
    if message.poll.correct_option_ids:
        (index,) = message.poll.correct_option_ids
        return index
    for lookup in HIDDEN_ANSWERS:
        found = lookup(message)
        if found is not None:
            return found
    raise AssertionError(f"no right option known for poll {message.poll.id}")


def wrong_option(message: SandboxMessage) -> int:
    """Some wrong option of a quiz poll."""
    assert message.poll is not None
    return (right_option(message) + 1) % len(message.poll.options)


async def answer_polls(
    user: SimulatedUser, first: SandboxMessage, pattern: list[bool]
) -> tuple[list[SandboxMessage], SandboxMessage]:
    """Answer one poll per entry (True: right); returns the polls and the message after them."""
    polls, message = [], first
    for right in pattern:
        assert message.poll is not None, message.text
        polls.append(message)
        await user.vote(message, right_option(message) if right else wrong_option(message))
        message = await user.next_message()
    return polls, message


def attempts(bot: RunningBot, user_id: int) -> list[QuizAttempt]:
    """A user's attempts, oldest first."""
    with bot.services.session() as session:
        statement = select(QuizAttempt).where(QuizAttempt.user_id == user_id)
        return list(session.exec(statement.order_by(col(QuizAttempt.id))))


def items(bot: RunningBot, attempt_id: int | None) -> list[QuizAttemptItem]:
    """An attempt's items in asking order."""
    with bot.services.session() as session:
        statement = select(QuizAttemptItem).where(QuizAttemptItem.attempt_id == attempt_id)
        return list(session.exec(statement.order_by(col(QuizAttemptItem.position))))


def snapshot(bot: RunningBot) -> list[tuple[Any, ...]]:
    """Every quiz row's answer state, to show that something changed nothing."""
    with bot.services.session() as session:
        rows = session.exec(select(QuizAttemptItem).order_by(col(QuizAttemptItem.id)))
        found = [(i.id, i.chosen_index, i.chosen_order, i.correct, i.answered_at) for i in rows]
        tries = session.exec(select(QuizAttempt).order_by(col(QuizAttempt.id)))
        return found + [(a.id, a.status, a.score) for a in tries]


def vote_as(
    sandbox: BotApiSandbox, person: SimulatedUser, poll_message: SandboxMessage, option: int
) -> None:
    """A vote on a poll from someone outside the chat (as on a forwarded poll)."""
    assert poll_message.poll is not None
    stored = sandbox._env.world.polls[poll_message.poll.id]
    vote(sandbox._env, person.user, stored, [option])


async def settle(user: SimulatedUser, command: str = "/myresults") -> SandboxMessage:
    """Send a command and wait for its reply: every earlier update has been handled by then."""
    await user.send(command)
    return await user.next_message()
