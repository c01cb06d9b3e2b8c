"""getUpdates long polling, allowed_updates, conflicts, and webhook delivery."""

from __future__ import annotations

import asyncio

import pytest
import telegram
from aiohttp import web
from telegram.error import Conflict

from bot.sandbox import BotApiSandbox


async def _until(condition, timeout: float = 5.0) -> None:
    """Wait (bounded) for a condition that another task makes true."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.01)


async def test_long_poll_returns_when_a_user_writes(sandbox, bot):
    user = sandbox.user(40)
    polling = asyncio.create_task(bot.get_updates(timeout=30))
    await _until(lambda: sandbox.polling)
    await user.send("สวัสดี")
    updates = await polling
    assert [u.message.text for u in updates] == ["สวัสดี"]


async def test_empty_long_poll_ends_after_its_timeout(bot):
    assert await bot.get_updates(timeout=1) == ()


async def test_offset_confirms_and_drops_updates(sandbox, bot):
    user = sandbox.user(41)
    for text in ("หนึ่ง", "สอง", "สาม"):
        await user.send(text)
    first = await bot.get_updates(limit=2)
    assert [u.message.text for u in first] == ["หนึ่ง", "สอง"]
    rest = await bot.get_updates(offset=first[-1].update_id + 1)
    assert [u.message.text for u in rest] == ["สาม"]
    assert [u["message"]["text"] for u in sandbox.pending_updates] == ["สาม"]
    await bot.get_updates(offset=rest[-1].update_id + 1)
    assert sandbox.pending_updates == []


async def test_negative_offset_keeps_only_the_latest(sandbox, bot):
    user = sandbox.user(42)
    for text in ("ก", "ข", "ค"):
        await user.send(text)
    assert [u.message.text for u in await bot.get_updates(offset=-1)] == ["ค"]


async def test_allowed_updates_filters_new_updates(sandbox, bot):
    user = sandbox.user(43)
    await bot.get_updates(allowed_updates=["callback_query"])
    await user.send("ignored")
    assert sandbox.pending_updates == []
    await bot.get_updates(allowed_updates=[])
    await user.send("seen")
    assert [u.message.text for u in await bot.get_updates()] == ["seen"]


async def test_second_bot_instance_terminates_the_first_poller(sandbox, bot, make_bot):
    first = asyncio.create_task(bot.get_updates(timeout=30))
    await _until(lambda: sandbox.polling)
    async with make_bot() as other_instance:
        assert await other_instance.get_updates(timeout=0) == ()
    with pytest.raises(Conflict, match="terminated by other getUpdates request"):
        await first


class Receiver:
    """A tiny webhook endpoint that fails the first ``failures`` deliveries."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.received: list[tuple[dict, str | None]] = []
        self.attempts = 0

    async def handle(self, request: web.Request) -> web.Response:
        self.attempts += 1
        if self.attempts <= self.failures:
            return web.Response(status=500)
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        self.received.append((await request.json(), secret))
        return web.Response(text="ok")


@pytest.fixture
async def receiver_url():
    receivers: list[web.AppRunner] = []

    async def start(receiver: Receiver) -> str:
        app = web.Application()
        app.router.add_post("/hook", receiver.handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        receivers.append(runner)
        return f"http://127.0.0.1:{runner.addresses[0][1]}/hook"

    yield start
    for runner in receivers:
        await runner.cleanup()


async def test_webhook_gets_updates_with_the_secret_header(sandbox, bot, receiver_url):
    receiver = Receiver()
    assert await bot.set_webhook(await receiver_url(receiver), secret_token="s3cr3t-Token_1")
    user = sandbox.user(44)
    await user.send("/start")
    await _until(lambda: receiver.received)
    update, secret = receiver.received[0]
    assert (update["message"]["text"], secret) == ("/start", "s3cr3t-Token_1")
    assert (await bot.get_webhook_info()).pending_update_count == 0
    with pytest.raises(Conflict, match="can't use getUpdates method while webhook is active"):
        await bot.get_updates()


async def test_failed_webhook_deliveries_are_retried(receiver_url):
    receiver = Receiver(failures=2)
    async with (
        BotApiSandbox(webhook_retry_delays=(0.01, 0.01, 0.01)) as sandbox,
        telegram.Bot(sandbox.token, base_url=sandbox.bot_base_url) as bot,
    ):
        await bot.set_webhook(await receiver_url(receiver))
        await sandbox.user(45).send("retry me")
        await _until(lambda: receiver.received)
        info = await bot.get_webhook_info()
    assert receiver.attempts == 3
    assert receiver.received[0][0]["message"]["text"] == "retry me"
    assert receiver.received[0][1] is None
    assert "500" in info.last_error_message


async def test_deleting_the_webhook_brings_back_get_updates(sandbox, bot):
    await bot.set_webhook("http://127.0.0.1:9/unreachable")
    assert (await bot.get_webhook_info()).url == "http://127.0.0.1:9/unreachable"
    await bot.delete_webhook()
    await sandbox.user(46).send("hello")
    assert [u.message.text for u in await bot.get_updates()] == ["hello"]
    assert (await bot.get_webhook_info()).url == ""
