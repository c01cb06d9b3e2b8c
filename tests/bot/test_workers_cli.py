"""The real `ruamkit run --workers 2` in a subprocess: two workers with the embedding model.

Slow: each worker loads the model. The quick tests of the supervisor are in test_workers.py.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import urllib.request
from collections.abc import AsyncIterator

import pytest

from bot.sandbox import BotApiSandbox
from tests.bot.support import OFFICIAL_ID
from tests.bot.test_workers import free_ports
from tests.bot.workers_support import SECRET, unique_token

pytestmark = pytest.mark.slow
ENTRY = "import sys; from bot.cli import main; raise SystemExit(main(sys.argv[1:]))"


@pytest.fixture
async def sandbox() -> AsyncIterator[BotApiSandbox]:
    """A sandbox with a bot id of its own."""
    async with BotApiSandbox(unique_token()) as server:
        yield server


def healthz(port: int) -> dict[str, object]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as reply:
        return dict(json.loads(reply.read()))


async def test_ruamkit_run_with_two_workers_answers_through_the_front_and_stops_cleanly(
    sandbox, tmp_path, kb_data_dir, models_dir, qa_answerer
):
    port = free_ports(3)
    env = {
        **os.environ,
        "RUAMKIT_DATA_DIR": str(kb_data_dir),  # the index the session already built
        "RUAMKIT_MODELS_DIR": str(models_dir),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        "TELEGRAM_BOT_TOKEN": sandbox.token,
        "TELEGRAM_API_URL": sandbox.base_url,
        "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
        "WEBHOOK_SECRET": SECRET,
        "WEBHOOK_PORT": str(port),
        "RATE_LIMIT_MESSAGES": "1000",
    }
    log = (tmp_path / "bot.log").open("wb")  # a file, not a pipe nobody reads meanwhile
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", ENTRY, "run", "--workers", "2", "--balance", "round-robin",
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=log,
    )  # fmt: skip
    try:
        for _ in range(1800):  # bounded: 6 minutes for two model loads on a busy machine
            if any(call.method == "setWebhook" for call in sandbox.calls):
                break
            assert process.returncode is None, "ruamkit run --workers 2 exited early"
            await asyncio.sleep(0.2)
        official = sandbox.user(OFFICIAL_ID)
        for question in ("การบริหารราชการแบบมีส่วนร่วมคืออะไร", "/help"):
            await official.send(question)
            assert (await official.next_message(timeout=60)).text
        body = await asyncio.to_thread(healthz, port)
        assert body["workers"] == 2 and body["ready"] == 2
        assert body["forwarded"] == [1, 1]  # one update each, in turn
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 60)
        assert process.returncode == 0, (tmp_path / "bot.log").read_text()[-2000:]
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        log.close()
