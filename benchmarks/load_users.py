"""Simulated officials for `make bench-load`: ask questions, take quizzes, do the checklist.

Each official is a sandbox user who repeats sessions until the deadline: one question, one
whole quiz or one whole checklist. Every step waits for the bot's reply and records the
time from the user's action to it; a step without a reply, or with the bot's apology, is
an error. Every wait is bounded.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.sandbox import SandboxMessage, SimulatedUser
from bot.sandbox.errors import SandboxError
from bot.texts import TEXTS
from core.settings import DEFAULT_SOURCE_DIR

REPLY_TIMEOUT_S = 60.0
RESULTS_TIMEOUT_S = 120.0  # the checklist's chart and PDF
QUIZ_TOPIC = "pp_vs_pg"  # every question a poll
QUIZ_LENGTH = 5
MAX_STEPS = 80  # a checklist never has more items than this
APOLOGIES = (TEXTS["apology"]["th"], TEXTS["apology"]["en"])


def lecture_questions(source_dir: Path = DEFAULT_SOURCE_DIR) -> list[str]:
    """The questions each lecture unit answers (Thai and English), in file order."""
    found: list[str] = []
    for path in sorted(source_dir.glob("*.questions.yaml")):
        units = yaml.safe_load(path.read_text(encoding="utf-8"))["units"]
        found.extend(question for questions in units.values() for question in questions)
    return found


@dataclass
class Tally:
    """Everything the officials measured: latencies by kind, errors, sessions done."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    sessions: dict[str, int] = field(default_factory=dict)

    def took(self, kind: str, seconds: float) -> None:
        """Record one reply's latency."""
        self.latencies.setdefault(kind, []).append(seconds)

    def done(self, kind: str) -> None:
        """Count one finished session."""
        self.sessions[kind] = self.sessions.get(kind, 0) + 1


@dataclass
class Official:
    """One simulated official and the tally the whole run shares."""

    user: SimulatedUser
    tally: Tally
    questions: list[str]
    rng: random.Random

    async def reply(
        self, kind: str, started: float, timeout: float = REPLY_TIMEOUT_S
    ) -> SandboxMessage:
        """The bot's next message here; its latency recorded; an apology raises."""
        message = await self.user.next_message(timeout=timeout)
        self.tally.took(kind, time.perf_counter() - started)
        if any(apology in message.text for apology in APOLOGIES):
            raise SandboxError(f"the bot apologised after a {kind}")
        return message

    async def send(self, text: str, kind: str) -> SandboxMessage:
        """Write and wait for the reply."""
        started = time.perf_counter()
        await self.user.send(text)
        return await self.reply(kind, started)

    async def press(self, message: SandboxMessage, data: str) -> None:
        """Press a button and wait until the bot answers the callback query."""
        started = time.perf_counter()
        pressed = await self.user.press(message, data)
        await pressed.answered(timeout=REPLY_TIMEOUT_S)
        self.tally.took("button", time.perf_counter() - started)

    async def ask(self) -> None:
        """One question from the lecture's list."""
        await self.send(self.rng.choice(self.questions), "question")

    async def quiz(self) -> None:
        """/quiz, a topic, five questions, the score card."""
        picker = await self.send("/quiz", "command")
        if "qz:new" in _data(picker):
            await self.press(picker, "qz:new")
            picker = await self.user.next_message(timeout=REPLY_TIMEOUT_S)
        await self.press(picker, f"qz:t:{QUIZ_TOPIC}")
        length = f"qz:n:{QUIZ_TOPIC}:{QUIZ_LENGTH}:0"
        picker = await self.user.wait_for(
            lambda m: m.message_id == picker.message_id and length in _data(m), REPLY_TIMEOUT_S
        )
        started = time.perf_counter()
        await self.user.press(picker, length)
        message = await self.reply("vote", started)
        for _ in range(QUIZ_LENGTH):
            if message.poll is None:
                raise SandboxError(f"expected a quiz poll, got {message.text[:60]!r}")
            started = time.perf_counter()
            await self.user.vote(message, self.rng.randrange(len(message.poll.options)))
            message = await self.reply("vote", started)

    async def checklist(self) -> None:
        """/checklist, a new project, every item answered, the results."""
        intro = await self.send("/checklist", "command")
        await self.press(intro, "cl:new")
        await self.user.next_message(timeout=REPLY_TIMEOUT_S)  # the project name prompt
        step = await self._step(await self.send(f"โครงการ {self.rng.randrange(10**6)}", "step"))
        for _ in range(MAX_STEPS):
            data = _data(step)
            if "cl:fin:" in data:
                break
            choices = [d for d in data.split() if d.startswith("cl:a:")]
            started = time.perf_counter()
            if choices:
                await self.user.press(step, self.rng.choice(choices))
            else:
                await self.user.send("ข้อมูลประกอบ")
            step = await self._step(await self.reply("step", started))
        finish = next(d for d in _data(step).split() if d.startswith("cl:fin:"))
        started = time.perf_counter()
        await self.user.press(step, finish)
        while "cl:list" not in _data(await self.user.next_message(timeout=RESULTS_TIMEOUT_S)):
            pass
        self.tally.took("results", time.perf_counter() - started)

    async def _step(self, message: SandboxMessage) -> SandboxMessage:
        """Read on to the next question (or the last screen) of the checklist."""
        for _ in range(MAX_STEPS):
            if any(d.startswith(("cl:skip:", "cl:fin:")) for d in _data(message).split()):
                return message
            message = await self.user.next_message(timeout=REPLY_TIMEOUT_S)
        raise SandboxError("the checklist never showed its next step")


def _data(message: SandboxMessage) -> str:
    return " ".join(b.callback_data or "" for b in message.button_list)
