"""A bot process killed with SIGKILL in the middle of a quiz and of a checklist, restarted,
and handed again the update it had not confirmed (as Telegram does): nothing is lost, nothing
is counted twice, and the person carries on where they were.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bot.sandbox import BotApiSandbox
from core.db import make_engine, session_scope
from core.settings import Settings
from tests.bot.quiz_support import answer_polls, attempts, items, start_quiz
from tests.bot.support import OFFICIAL_ID
from tests.bot.test_checklist_conversation import start_project
from tests.bot.test_checklist_support import (
    answer,
    assessments,
    next_step,
    projects_of,
    stored_answers,
)
from tests.bot.workers_support import unique_token

REPO = Path(__file__).resolve().parents[2]
TOPIC = "pp_vs_pg"
START_TIMEOUT_S = 120  # a cold interpreter importing the package on a busy machine


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    async with BotApiSandbox(unique_token()) as server:
        yield server


@contextlib.contextmanager
def bot_process(sandbox: BotApiSandbox, settings: Settings, tmp_path: Path) -> Iterator[Any]:
    """The bot as its own process (polling), sharing the data dir's SQLite file."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "RUAMKIT_DATA_DIR": str(settings.data_dir),
        "RUAMKIT_MODELS_DIR": str(settings.models_dir),
        "TELEGRAM_BOT_TOKEN": sandbox.token,
        "TELEGRAM_API_URL": sandbox.base_url,
        "RATE_LIMIT_MESSAGES": "1000",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.bot.faults_entry"], env=env, cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def kill(process: Any) -> None:
    """SIGKILL: no clean-up, no last getUpdates confirming the offset."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def database(settings: Settings) -> Any:
    """What the quiz and checklist helpers read the shared database through."""
    engine = make_engine(settings.resolved_database_url)
    return SimpleNamespace(services=SimpleNamespace(session=lambda: session_scope(engine)))


def last_update(sandbox: BotApiSandbox, kind: str) -> int:
    return int([u for u in sandbox.updates if kind in u][-1]["update_id"])


async def test_a_killed_bot_loses_and_repeats_nothing(sandbox, settings, tmp_path):
    official = sandbox.user(OFFICIAL_ID)
    with bot_process(sandbox, settings, tmp_path):
        await official.send("/start")
        await official.next_message(timeout=START_TIMEOUT_S)
        first = await start_quiz(official, TOPIC, 5)
        _, third = await answer_polls(official, first, [True, False])
        vote = last_update(sandbox, "poll_answer")
    sandbox.redeliver(vote)  # it died before confirming the second vote

    with bot_process(sandbox, settings, tmp_path) as process:
        await official.send("/help")  # handled after the redelivered vote
        await official.wait_for(lambda m: "/lang" in m.text, timeout=START_TIMEOUT_S)
        official.skip_existing()
        _, card = await answer_polls(official, third, [True, True, True])
        assert "4/5" in card.text
        step = await start_project(official)
        await answer(official, step, "เทศบาลนคร")  # typed: section A takes facts as text
        step = await next_step(official)
        typed = last_update(sandbox, "message")
        kill(process)
    sandbox.redeliver(typed)  # handled twice, it would answer the next question too

    with bot_process(sandbox, settings, tmp_path):
        await official.send("/help")
        await official.wait_for(
            lambda m: sum("/lang" in x.text for x in official.messages) == 2,
            timeout=START_TIMEOUT_S,
        )
        official.skip_existing()
        await answer(official, step, "ผู้ค้าในตลาดสด")
        await next_step(official)

    shared = database(settings)
    (attempt,) = attempts(shared, OFFICIAL_ID)
    assert (attempt.status, attempt.score) == ("finished", 4)
    assert [item.correct for item in items(shared, attempt.id)] == [True, False, True, True, True]
    assert sum("4/5" in m.text for m in official.messages) == 1
    (project,) = projects_of(shared, OFFICIAL_ID)
    (run,) = assessments(shared, project.id)
    answers = stored_answers(shared, run.id)
    assert answers["a_agency"].value == "เทศบาลนคร"
    assert answers["a_community"].value == "ผู้ค้าในตลาดสด"
