"""No chat waits for another chat's database work: conversation steps run it off the event loop.

One chat's statement is held at a gate inside the database driver (an engine event in
whichever thread runs it). Were it run on the event loop, the loop would stop with it and
the other chat's reply would wait for the gate; the tests assert which reply came first,
never how long anything took.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from bot.sandbox import SimulatedUser
from tests.bot.support import ENGLISH_ID, OFFICIAL_ID, TRAINER_ID
from tests.bot.test_checklist_conversation import AGENCY, start_project
from tests.bot.test_checklist_support import item_of, next_step
from tests.bot.test_concurrency import Gate
from tests.bot.test_trainer_form import open_form, to_opening
from tests.bot.trainer_support import MovableClock, create_cohort, trainer_bot
from tests.bot.workers_support import bot_settings, worker

Matcher = Callable[[str, Any], bool]


@pytest.fixture
def slow():
    return Gate()


@contextlib.contextmanager
def held(engine: Engine, gate: Gate, matches: Matcher) -> Iterator[None]:
    """Hold the first statement that `matches(sql, parameters)` until the gate opens."""

    def before(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if not gate.entered.is_set() and matches(statement, parameters):
            gate.block()

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield
    finally:
        gate.open()  # never leave a worker thread waiting when an assertion failed
        event.remove(engine, "before_cursor_execute", before)


def carries(value: object) -> Matcher:
    """A statement with `value` among its parameters."""

    def matches(_statement: str, parameters: Any) -> bool:
        if isinstance(parameters, dict):
            parameters = tuple(parameters.values())
        return isinstance(parameters, (tuple, list)) and value in parameters

    return matches


async def other_chat_is_answered(other: SimulatedUser) -> None:
    """The other chat gets its /help while the held chat still waits."""
    await other.send("/help")
    assert "/lang" in (await other.next_message()).text


async def test_a_checklist_answer_held_in_the_database_does_not_hold_up_another_chat(
    sandbox, settings, slow
):
    async with worker(bot_settings(sandbox, settings)) as (_app, services):
        official = sandbox.user(OFFICIAL_ID)
        other = sandbox.user(ENGLISH_ID, "Ann", language_code="en")
        assert item_of(await start_project(official)) == "a_agency"
        shown = len(official.messages)
        with held(services.engine, slow, carries(AGENCY)):  # saving the typed answer
            await official.send(AGENCY)
            await slow.wait_entered()
            await other_chat_is_answered(other)
            assert len(official.messages) == shown  # still saving when the other chat got it
            slow.open()
            assert item_of(await next_step(official)) == "a_community"
        assert not slow.timed_out


async def test_finding_whose_text_it_is_does_not_hold_up_another_chat(sandbox, settings, slow):
    async with trainer_bot(sandbox, settings, MovableClock()) as bot:
        trainer, other = await bot.user(TRAINER_ID), await bot.user(OFFICIAL_ID)
        await create_cohort(trainer, "รุ่นฟอร์ม")
        await to_opening(trainer, await open_form(trainer))
        shown = len(trainer.messages)

        def draft_lookup(statement: str, parameters: Any) -> bool:
            return "bot_trainer_draft" in statement and carries(TRAINER_ID)(statement, parameters)

        with held(bot.services.engine, slow, draft_lookup):  # is it the form's text?
            await trainer.send("2569-12-05 17.00 น.")
            await slow.wait_entered()
            await other_chat_is_answered(other)
            assert len(trainer.messages) == shown
            slow.open()
            assert "เปิด 5 ธ.ค. 2569 17:00 น." in (await trainer.next_message()).text
        assert not slow.timed_out
