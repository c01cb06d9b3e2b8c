"""Helpers for the trainer tools' end-to-end tests: a movable clock, the bot, the /assign form.

`trainer_bot` runs the real application against the sandbox with `Services.clock` replaced by
a `MovableClock`; run it twice over the same settings to restart the bot. `job.run(app)`
runs a scheduled JobQueue job at once (after moving the clock to its moment).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import random
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pydantic import SecretStr
from sqlmodel import col, select

from bot.app import build_application, running
from bot.context import RuamKitApp, Services, build_services
from bot.handlers.trainer_state import TrainerDraft
from bot.sandbox import BotApiSandbox, SandboxMessage, SimulatedUser
from core.settings import Settings
from core.timestamps import utc_now
from core.users import set_trainer
from quizzes.assignments import create_assignment
from quizzes.models import QuizAttempt, QuizAttemptItem
from quizzes.trainer_models import (
    Assignment,
    Cohort,
    CohortMember,
    ImportedQuestion,
    NoticeSent,
)
from tests.bot.quiz_support import HIDDEN_ANSWERS, RefusingAnswerer, right_option, wrong_option
from tests.bot.support import ADMIN_ID, TRAINER_ID, RunningBot, button_data

SECOND_TRAINER_ID = 9005
BANGKOK_FORMAT = "%Y-%m-%d %H:%M"


class MovableClock:
    """Real time plus an offset the test moves forward; jobs stay relative to it."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return utc_now() + self.offset

    def move_to(self, moment: datetime) -> None:
        """Make `moment` the current time (it keeps ticking from there)."""
        self.offset = moment - utc_now()


@dataclass
class TrainerBot(RunningBot):
    """The running bot with its PTB application (for the JobQueue)."""

    application: RuamKitApp | None = None

    @property
    def app(self) -> RuamKitApp:
        assert self.application is not None
        return self.application

    def job_names(self) -> list[str]:
        """Names of the assignment jobs waiting in the JobQueue."""
        queue = self.app.job_queue
        assert queue is not None
        return sorted(job.name or "" for job in queue.jobs() if (job.name or "").startswith("as"))

    async def run_job(self, name: str) -> None:
        """Run one scheduled job now, as the JobQueue would at its time."""
        queue = self.app.job_queue
        assert queue is not None
        (job,) = queue.get_jobs_by_name(name)
        await job.run(self.app)

    def assignments(self) -> list[Assignment]:
        with self.services.session() as session:
            return list(session.exec(select(Assignment).order_by(col(Assignment.id))))

    def cohorts(self) -> list[Cohort]:
        with self.services.session() as session:
            return list(session.exec(select(Cohort).order_by(col(Cohort.id))))

    def notices(self, kind_prefix: str = "") -> list[tuple[int, str]]:
        """(user id, kind) of every notice claimed so far."""
        with self.services.session() as session:
            rows = session.exec(select(NoticeSent).order_by(col(NoticeSent.id)))
            return [(r.user_id, r.kind) for r in rows if r.kind.startswith(kind_prefix)]


@contextlib.asynccontextmanager
async def trainer_bot(
    sandbox: BotApiSandbox, settings: Settings, clock: MovableClock, **overrides: Any
) -> AsyncIterator[TrainerBot]:
    """The real bot (no question answering) with the movable clock; 9002 and 9005 train."""
    values: dict[str, Any] = {
        "telegram_bot_token": SecretStr(sandbox.token),
        "telegram_api_url": sandbox.base_url,
        "admin_ids": [ADMIN_ID],
        "rate_limit_messages": 1000,
    }
    local = settings.model_copy(update={**values, **overrides})
    services = build_services(local, RefusingAnswerer())
    services.clock = clock
    with services.session() as session:
        for trainer in (TRAINER_ID, SECOND_TRAINER_ID):
            set_trainer(session=session, telegram_id=trainer, trainer=True)
    application = build_application(local, services)
    lookup = functools.partial(shown_right_option, services)
    HIDDEN_ANSWERS.append(lookup)
    try:
        async with running(application):
            yield TrainerBot(sandbox, services, local, application)
    finally:
        HIDDEN_ANSWERS.remove(lookup)
        services.close()


def shown_right_option(services: Services, message: SandboxMessage) -> int | None:
    """The shown index of a poll's right option: the chat's first unanswered attempt item.

    (The bot records the poll id just after sending, so the id may not be stored yet.)
    """
    with services.session() as session:
        attempt = session.exec(
            select(QuizAttempt)
            .where(QuizAttempt.chat_id == message.chat_id, QuizAttempt.status == "in_progress")
            .order_by(col(QuizAttempt.id).desc())
        ).first()
        if attempt is None:
            return None
        item = session.exec(
            select(QuizAttemptItem)
            .where(QuizAttemptItem.attempt_id == attempt.id)
            .where(col(QuizAttemptItem.correct).is_(None))
            .order_by(col(QuizAttemptItem.position))
        ).first()
    return None if item is None else item.option_order.index(item.answer_key[0])


def data_starting(message: SandboxMessage, prefix: str) -> list[str]:
    """Callback data on the message that starts with `prefix`."""
    return [d for d in button_data(message) if d.startswith(prefix)]


def invite_code(message: SandboxMessage) -> str:
    """The invite code shown on a cohort card."""
    match = re.search(r"start=join_([A-Z0-9]{8})", message.text)
    assert match, message.text
    return match.group(1)


async def create_cohort(trainer: SimulatedUser, name: str) -> str:
    """/cohort new NAME; returns the invite code."""
    await trainer.send(f"/cohort new {name}")
    return invite_code(await trainer.next_message())


async def step(trainer: SimulatedUser, form: SandboxMessage, data: str) -> SandboxMessage:
    """Press a form button and wait for the form to change."""
    version = form.version
    await trainer.press(form, data)
    return await trainer.wait_for(
        lambda m: m.message_id == form.message_id and m.version > version
    )


async def press_label(trainer: SimulatedUser, form: SandboxMessage, label: str) -> SandboxMessage:
    """Press the form button whose text contains `label`."""
    (button,) = [b for b in form.button_list if label in b.text]
    return await step(trainer, form, button.callback_data or "")


def form_data(form: SandboxMessage, code: str, value: str) -> str:
    """The callback data of the form button with this step code and value."""
    (data,) = [d for d in button_data(form) if d.endswith(f":{code}:{value}")]
    return data


async def answer_assignment(
    user: SimulatedUser, first: SandboxMessage, right_by_question: dict[str, bool]
) -> SandboxMessage:
    """Answer every poll, right or wrong by the question's marker text; the message after."""
    message = first
    while message.poll is not None:
        (marker,) = [m for m in right_by_question if m in message.poll.question]
        choice = right_option(message) if right_by_question[marker] else wrong_option(message)
        await user.vote(message, choice)
        message = await user.next_message()
    return message


async def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait for something the bot does in the background (jobs run on their own)."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the condition never became true")


def make_assignment(bot: TrainerBot, cohort_id: int, **settings: Any) -> Assignment:
    """An assignment set straight through the domain (open now, due in a day by default)."""
    start = bot.services.clock()
    values: dict[str, Any] = {
        "title": "งานทดสอบ", "question_count": 3, "pass_mark": 60, "opens_at": start,
        "due_at": start + timedelta(days=1), "topics": ["why"],
    }  # fmt: skip
    values.update(settings)
    with bot.services.session() as session:
        return create_assignment(
            session=session, trainer_id=TRAINER_ID, cohort_id=cohort_id,
            bank=bot.services.question_bank, now=start, rng=random.Random(5), **values,
        )  # fmt: skip


async def notices_settled(bot: TrainerBot, seconds: float = 20.0) -> None:
    """Wait (bounded) until no notice is still being sent, so snapshots compare settled rows."""
    for _ in range(int(seconds * 20)):
        with bot.services.session() as session:
            sending = session.exec(select(NoticeSent).where(NoticeSent.status == "sending"))
            if sending.first() is None:
                return
        await asyncio.sleep(0.05)
    raise AssertionError("a notice stayed in 'sending'")


def snapshot(bot: TrainerBot) -> list[tuple[Any, ...]]:
    """Every trainer row's state, to show that a refused action changed nothing."""
    tables = (Cohort, CohortMember, Assignment, NoticeSent, ImportedQuestion, TrainerDraft)
    with bot.services.session() as session:
        rows: list[tuple[Any, ...]] = []
        for table in tables:
            rows += [tuple(sorted(r.model_dump().items())) for r in session.exec(select(table))]
        return rows


async def answer_all(
    user: SimulatedUser, first: SandboxMessage, right: bool = True
) -> SandboxMessage:
    """Answer every poll of an attempt (all right, or all wrong); the message after them."""
    message = first
    while message.poll is not None:
        await user.vote(message, right_option(message) if right else wrong_option(message))
        message = await user.next_message()
    return message


async def start_assignment(user: SimulatedUser, notice: SandboxMessage) -> SandboxMessage:
    """Press the start button of an announcement or reminder; the first question."""
    (data,) = data_starting(notice, "tr:go:")
    await user.press(notice, data)
    await user.next_message()  # "starting ..."
    return await user.next_message()
