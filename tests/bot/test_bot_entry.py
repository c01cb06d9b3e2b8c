"""The real `ruamkit run` in a subprocess (sandbox mode), and webhook mode with its secret."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import aiohttp
import pytest
from pydantic import SecretStr

from bot.app import build_application, running, webhook_config
from bot.cli.run import serve_telegram
from bot.context import build_services
from core.errors import ConfigurationError
from tests.bot.support import OFFICIAL_ID

REPO = Path(__file__).resolve().parents[2]
QUESTION = "การบริหารราชการแบบมีส่วนร่วมคืออะไร"


def ruamkit_command() -> list[str]:
    """The installed console script, else the same entry point through Python."""
    script = Path(sys.executable).with_name("ruamkit")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


class OutputReader:
    """Collects a process's stdout on a thread so the test can wait for a line."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._pump, args=(process,), daemon=True)
        self._thread.start()

    def _pump(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    def wait_for(self, text: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not any(text in line for line in self.lines):
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._changed.wait(left)
        return True


def test_ruamkit_run_chats_in_the_terminal_and_stops_on_sigterm(
    tmp_path, kb_data_dir, models_dir, qa_answerer
):
    env = {
        **os.environ,
        "RUAMKIT_DATA_DIR": str(kb_data_dir),  # the index the session already built
        "RUAMKIT_MODELS_DIR": str(models_dir),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'bot.sqlite3'}",
        "SANDBOX_PORT": "0",
        "TELEGRAM_BOT_TOKEN": "",
    }
    process = subprocess.Popen(
        [*ruamkit_command(), "run"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
    )
    try:
        reader = OutputReader(process)
        assert process.stdin is not None
        process.stdin.write(QUESTION + "\n")
        process.stdin.flush()
        assert reader.wait_for("[สไลด์", timeout=180), "".join(reader.lines)[-2000:]
        process.send_signal(signal.SIGTERM)  # stdin stays open: only the signal stops it
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_webhook_mode_processes_updates_and_rejects_a_wrong_secret(
    sandbox, settings, qa_answerer
):
    port = free_port()
    local = settings.model_copy(
        update={
            "telegram_bot_token": SecretStr(sandbox.token),
            "telegram_api_url": sandbox.base_url,
            "webhook_url": f"http://127.0.0.1:{port}/ruamkit/hook",
            "webhook_secret": SecretStr("s3cret_Token-1"),
            "webhook_listen": "127.0.0.1",
            "webhook_port": port,
        }
    )
    services = build_services(local, qa_answerer)
    try:
        async with running(build_application(local, services), webhook_config(local)):
            official = sandbox.user(OFFICIAL_ID)
            await official.send("/start")  # delivered by the sandbox with the right secret
            assert "ร่วมคิด" in (await official.next_message()).text

            url = f"http://127.0.0.1:{port}/ruamkit/hook"
            forged = {"update_id": 10**6, "message": {"message_id": 1, "date": 0,
                      "chat": {"id": OFFICIAL_ID, "type": "private"},
                      "from": {"id": OFFICIAL_ID, "is_bot": False, "first_name": "x"},
                      "text": "/help"}}  # fmt: skip
            async with aiohttp.ClientSession() as client:
                for headers in ({"X-Telegram-Bot-Api-Secret-Token": "wrong"}, {}):
                    async with client.post(url, json=forged, headers=headers) as reply:
                        assert reply.status == 403
            await official.send("/lang")  # processed after the forged posts, had they been
            assert "ภาษา" in (await official.next_message()).text
            assert not any("/help" in m.text or "วิธีใช้" in m.text for m in official.messages)
    finally:
        services.close()


@pytest.mark.parametrize(
    ("secret", "url"),
    [(None, "https://bot.example.org/hook"), ("bad secret!", "https://bot.example.org/hook"),
     ("ok_secret", "bot.example.org/hook")],
)  # fmt: skip
def test_webhook_settings_are_checked_before_starting(settings, secret, url):
    values = {"webhook_url": url, "webhook_secret": SecretStr(secret) if secret else None}
    with pytest.raises(ConfigurationError, match="WEBHOOK_"):
        webhook_config(settings.model_copy(update=values))


def test_no_webhook_url_means_polling(settings):
    assert webhook_config(settings) is None


def token_settings(settings, sandbox, kb_data_dir, token):
    """Settings of a deployment with a token, its Bot API played by the sandbox."""
    return settings.model_copy(
        update={
            "ruamkit_data_dir": kb_data_dir,
            "database_url": f"sqlite:///{settings.data_dir / 'bot.sqlite3'}",
            "telegram_bot_token": SecretStr(token),
            "telegram_api_url": sandbox.base_url,
        }
    )


async def test_with_a_token_the_bot_polls_the_bot_api_until_cancelled(
    sandbox, settings, kb_data_dir, qa_answerer
):
    serving = asyncio.create_task(
        serve_telegram(token_settings(settings, sandbox, kb_data_dir, sandbox.token))
    )
    official = sandbox.user(OFFICIAL_ID)
    await official.send(QUESTION)
    assert "สไลด์" in (await official.next_message(timeout=120)).text
    serving.cancel()
    with pytest.raises(asyncio.CancelledError):
        await serving
    assert not sandbox.polling


async def test_a_rejected_token_is_a_clear_configuration_error(sandbox, settings, kb_data_dir):
    wrong = token_settings(settings, sandbox, kb_data_dir, "123456:wrongButWellFormed")
    with pytest.raises(ConfigurationError, match="rejected TELEGRAM_BOT_TOKEN"):
        await serve_telegram(wrong)
