"""`ruamkit run --workers`: two webhook workers on PostgreSQL behind the round-robin front.

The workers are real processes (the worker path of `ruamkit run`, without the embedding
model: see tests/bot/worker_entry.py); the Bot API is the sandbox, delivering by webhook
to the supervisor's front, which hands the updates to the workers in turn.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr

from benchmarks.load import free_ports
from bot.app import webhook_config
from bot.sandbox import BotApiSandbox
from bot.workers import Supervisor
from core.db import make_engine, session_scope
from core.settings import Settings
from tests.bot.quiz_support import answer_polls, attempts, items, start_quiz
from tests.bot.support import OFFICIAL_ID, button_data
from tests.bot.test_checklist_conversation import collect_results, start_project
from tests.bot.test_checklist_support import (
    answer_until,
    assessments,
    projects_of,
    stored_answers,
)
from tests.bot.workers_support import SECRET, unique_token

pytestmark = pytest.mark.postgres
REPO = Path(__file__).resolve().parents[2]
TOPIC = "pp_vs_pg"  # every question a poll
PLAN = {"a_agency": "เทศบาลนคร", "a_community": "ผู้ค้าในตลาดสด", "a_stage": "planning"}


def postgres_or_fail(request: pytest.FixtureRequest) -> str:
    """The PostgreSQL test URL; a missing server skips, but fails when CI is set."""
    try:
        return str(request.getfixturevalue("postgres_url"))
    except pytest.skip.Exception as skipped:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {skipped}")
        raise


@pytest.fixture(autouse=True)
def patient_users(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replies come from other processes on a shared machine: wait 30 s, not 10 s."""
    from bot.sandbox.users import ChatObserver

    monkeypatch.setattr(ChatObserver.next_message, "__defaults__", (30.0,))
    monkeypatch.setattr(ChatObserver.wait_for, "__defaults__", (30.0,))


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    """A sandbox with a bot id of its own."""
    async with BotApiSandbox(unique_token()) as server:
        yield server


@pytest.fixture
def front_settings(
    sandbox: BotApiSandbox, settings: Settings, request: pytest.FixtureRequest
) -> Settings:
    """Webhook settings on PostgreSQL, the front on P and two workers on P+1, P+2."""
    port = free_ports(3)
    return settings.model_copy(
        update={
            "telegram_bot_token": SecretStr(sandbox.token),
            "telegram_api_url": sandbox.base_url,
            "database_url": postgres_or_fail(request),
            "webhook_url": f"http://127.0.0.1:{port}/ruamkit/hook",
            "webhook_secret": SecretStr(SECRET),
            "webhook_port": port,
            "rate_limit_messages": 1000,
        }
    )


def worker_env(local: Settings, tmp_path: Path) -> dict[str, str]:
    """The environment a worker process reads its settings from (no .env: cwd is tmp)."""
    assert local.telegram_bot_token is not None and local.webhook_secret is not None
    return {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "RUAMKIT_DATA_DIR": str(tmp_path / "worker-data"),
        "RUAMKIT_MODELS_DIR": str(local.models_dir),
        "DATABASE_URL": str(local.database_url),
        "TELEGRAM_BOT_TOKEN": local.telegram_bot_token.get_secret_value(),
        "TELEGRAM_API_URL": local.telegram_api_url,
        "WEBHOOK_URL": str(local.webhook_url),
        "WEBHOOK_SECRET": local.webhook_secret.get_secret_value(),
        "RATE_LIMIT_MESSAGES": "1000",
        "ADMIN_IDS": "9001",
    }


@pytest.fixture
async def supervisor(
    front_settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> AsyncIterator[Supervisor]:
    """The supervisor with two test workers (round robin unless parametrized), started."""
    monkeypatch.chdir(tmp_path)
    webhook = webhook_config(front_settings)
    assert webhook is not None
    command = [sys.executable, "-m", "tests.bot.worker_entry"]
    balance = getattr(request, "param", "round-robin")
    env = worker_env(front_settings, tmp_path)
    running = Supervisor(front_settings, webhook, 2, command, env, balance=balance)
    try:
        await running.start()
        yield running
    finally:
        await running.stop()


def database(local: Settings) -> Any:
    """What the quiz and checklist helpers read the shared database through."""
    engine = make_engine(str(local.database_url))
    return SimpleNamespace(services=SimpleNamespace(session=lambda: session_scope(engine)))


async def health(local: Settings) -> dict[str, Any]:
    """GET /healthz on the front."""
    url = f"http://127.0.0.1:{local.webhook_port}/healthz"
    async with aiohttp.ClientSession() as client, client.get(url) as reply:
        body: dict[str, Any] = await reply.json()
        body["status"] = reply.status
        return body


async def test_a_quiz_and_a_checklist_alternate_between_two_workers(
    supervisor, sandbox, front_settings
):
    official = sandbox.user(OFFICIAL_ID)
    await official.send("/start")
    await official.next_message()
    first = await start_quiz(official, TOPIC, 5)
    pattern = [True, False, True, True, False]
    _, card = await answer_polls(official, first, pattern)
    assert "3/5" in card.text

    step = await start_project(official)
    step = await answer_until(official, step, PLAN, "yes", stop_before="b_claim")
    step = await answer_until(official, step, {"b_claim": "involve"}, "partly")
    await official.press(step, next(d for d in button_data(step) if d.startswith("cl:fin:")))
    results = await collect_results(official)
    assert any(name.endswith(".pdf") for name in results["documents"])

    # Both workers took about half of the updates: consecutive steps met different workers.
    took = [worker.forwarded for worker in supervisor.workers]
    assert min(took) >= 10 and abs(took[0] - took[1]) <= 1, took
    # Whole results, nothing counted twice.
    shared = database(front_settings)
    (attempt,) = attempts(shared, OFFICIAL_ID)
    assert (attempt.status, attempt.score) == ("finished", 3)
    assert [item.correct for item in items(shared, attempt.id)] == pattern
    (project,) = projects_of(shared, OFFICIAL_ID)
    (run,) = assessments(shared, project.id)
    assert run.status == "finished" and run.result is not None
    assert stored_answers(shared, run.id)["a_agency"].value == "เทศบาลนคร"
    assert sum("3/5" in m.text for m in official.messages) == 1  # one score card
    body = await health(front_settings)
    assert (body["status"], body["ready"], body["workers"]) == (200, 2, 2)


async def test_a_killed_worker_is_restarted_and_the_other_takes_over_meanwhile(
    supervisor, sandbox, front_settings
):
    official = sandbox.user(OFFICIAL_ID)
    victim = supervisor.workers[0]
    assert victim.process is not None
    os.kill(victim.process.pid, signal.SIGKILL)
    for _ in range(4):  # every update reaches the live worker, none is lost
        await official.send("/help")
        assert "/lang" in (await official.next_message(timeout=30)).text
    for _ in range(300):  # bounded: 60 s
        if victim.ready:
            break
        await asyncio.sleep(0.2)
    assert victim.ready and victim.restarts == 1
    body = await health(front_settings)
    assert (body["ready"], body["restarts"]) == (2, 1)


@pytest.mark.parametrize("supervisor", ["chat"], indirect=True)
async def test_by_chat_each_chat_stays_with_one_worker(supervisor, sandbox):
    people = [sandbox.user(OFFICIAL_ID + i, f"คน{i}") for i in range(4)]
    for person in people:
        for command in ("/start", "/help", "/lang"):
            await person.send(command)
            await person.next_message()
    took = [worker.forwarded for worker in supervisor.workers]
    assert sorted(took) in ([0, 12], [3, 9], [6, 6]), took  # whole chats, never split


@pytest.mark.parametrize(
    ("update", "key"),
    [({"update_id": 1, "message": {"chat": {"id": -100123}, "from": {"id": 7}}}, 100123),
     ({"update_id": 2, "callback_query": {"from": {"id": 7}, "message": {"chat": {"id": 8}}}}, 8),
     ({"update_id": 3, "callback_query": {"from": {"id": 7}, "inline_message_id": "x"}}, 7),
     ({"update_id": 4, "poll_answer": {"poll_id": "p", "user": {"id": 9}}}, 9),
     ({"update_id": 5, "poll": {"id": "p"}}, None)],
)  # fmt: skip
def test_the_chat_of_an_update(update, key):
    import json

    from bot.workers import chat_key

    assert chat_key(json.dumps(update).encode()) == key
    assert chat_key(b"not json") is None


def test_workers_without_a_webhook_is_refused_with_the_reason(monkeypatch, tmp_path, capsys):
    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RUAMKIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:AAHsandboxTOKEN")
    monkeypatch.delenv("WEBHOOK_URL", raising=False)
    assert main(["run", "--workers", "2"]) == 2
    assert "--workers needs webhook mode" in capsys.readouterr().err


async def test_the_front_and_the_workers_refuse_posts_without_the_secret(supervisor, sandbox):
    front = f"http://127.0.0.1:{supervisor.webhook.port}/ruamkit/hook"
    worker = f"http://127.0.0.1:{supervisor.workers[0].port}/ruamkit/hook"
    update = {"update_id": 10**6, "message": {"message_id": 1, "date": 0,
              "chat": {"id": OFFICIAL_ID, "type": "private"},
              "from": {"id": OFFICIAL_ID, "is_bot": False, "first_name": "x"},
              "text": "/help"}}  # fmt: skip
    good = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    async with aiohttp.ClientSession() as client:
        for url in (front, worker):
            for headers in ({"X-Telegram-Bot-Api-Secret-Token": "wrong"}, {}):
                async with client.post(url, json=update, headers=headers) as reply:
                    assert reply.status == 403
        async with client.post(worker, data=b"{not json", headers=good) as reply:
            assert reply.status == 400
    official = sandbox.user(OFFICIAL_ID)
    await official.send("/lang")
    assert "ภาษา" in (await official.next_message()).text
    assert len(official.messages) == 1  # the refused /help was never handled
