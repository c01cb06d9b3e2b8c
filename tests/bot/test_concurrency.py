"""Chats in parallel, each chat in order: a slow question or a slow database call in one chat
does not hold up another chat's reply, and never reorders its own chat's replies.

The slow parts are gates the test opens itself, so the tests assert which reply came first,
never how long anything took.
"""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.handlers import gate
from retrieval.answer import Answer, Citation
from tests.bot.support import ENGLISH_ID, OFFICIAL_ID
from tests.bot.workers_support import bot_settings, worker

QUESTION = "การบริหารราชการแบบมีส่วนร่วมคืออะไร"
GATE_TIMEOUT_S = 20


class Gate:
    """Blocks a worker thread until the test opens it (or a generous safety timeout)."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self._open = threading.Event()
        self.timed_out = False

    def block(self) -> None:
        self.entered.set()
        self.timed_out = not self._open.wait(GATE_TIMEOUT_S)

    async def wait_entered(self) -> None:
        assert await asyncio.to_thread(self.entered.wait, GATE_TIMEOUT_S)

    def open(self) -> None:
        self._open.set()


class SlowAnswerer:
    """Answers from the lecture, but the first question waits at the gate."""

    def __init__(self, gate: Gate) -> None:
        self.gate = gate

    def ask(self, question, lang=None):
        if not self.gate.entered.is_set():
            self.gate.block()
        citation = Citation("lecture.md", "บรรยาย", "slide", 3, "สไลด์ 3", "ข้อความ")
        return Answer(True, "คำตอบจากบรรยาย [สไลด์ 3]", [citation], lang or "th")

    def warm_up(self):
        pass


@pytest.fixture
def slow():
    return Gate()


async def test_a_slow_question_does_not_hold_up_another_chat(sandbox, settings, slow):
    async with worker(bot_settings(sandbox, settings), SlowAnswerer(slow)) as (app, _):
        asking, other = (
            sandbox.user(OFFICIAL_ID),
            sandbox.user(ENGLISH_ID, "Ann", language_code="en"),
        )
        await asking.send(QUESTION)
        await slow.wait_entered()
        await other.send("/help")
        assert "/lang" in (await other.next_message()).text
        assert asking.messages == []  # still thinking when the other chat got its reply
        slow.open()
        assert "สไลด์ 3" in (await asking.next_message()).text
        assert not slow.timed_out
        await asyncio.sleep(0.1)  # let the finished updates release their chats
        assert app.update_processor.busy_chats == 0  # idle chats hold no lock


async def test_one_chats_replies_keep_their_order(sandbox, settings, slow):
    async with worker(bot_settings(sandbox, settings), SlowAnswerer(slow)):
        asking, other = (
            sandbox.user(OFFICIAL_ID),
            sandbox.user(ENGLISH_ID, "Ann", language_code="en"),
        )
        await asking.send(QUESTION)
        await slow.wait_entered()
        await asking.send("/help")  # must wait for the answer before it
        await other.send("/help")  # sent after: its reply proves the bot has both
        await other.next_message()
        assert asking.messages == []
        slow.open()
        answer, help_text = await asking.next_message(), await asking.next_message()
        assert "สไลด์ 3" in answer.text and "/lang" in help_text.text


async def test_a_slow_database_call_does_not_hold_up_another_chat(
    sandbox, settings, slow, monkeypatch
):
    touch = gate._touch

    def slow_touch(services, telegram_id, first_name):
        if telegram_id == OFFICIAL_ID and not slow.entered.is_set():
            slow.block()
        touch(services, telegram_id, first_name)

    monkeypatch.setattr(gate, "_touch", slow_touch)
    async with worker(bot_settings(sandbox, settings)):
        stuck, other = (
            sandbox.user(OFFICIAL_ID),
            sandbox.user(ENGLISH_ID, "Ann", language_code="en"),
        )
        await stuck.send("/help")
        await slow.wait_entered()
        await other.send("/help")
        assert "/lang" in (await other.next_message()).text
        assert stuck.messages == []
        slow.open()
        assert "/lang" in (await stuck.next_message()).text
        assert not slow.timed_out


async def test_a_question_that_takes_a_while_shows_typing_until_the_answer(
    sandbox, settings, slow
):
    async with worker(bot_settings(sandbox, settings), SlowAnswerer(slow)):
        asking = sandbox.user(OFFICIAL_ID)
        await asking.send(QUESTION)
        await slow.wait_entered()
        for _ in range(100):  # bounded: the indicator comes after a short delay
            if asking.chat_actions:
                break
            await asyncio.sleep(0.1)
        assert asking.chat_actions == ["typing"] and asking.messages == []
        slow.open()
        assert "สไลด์ 3" in (await asking.next_message()).text
