"""`ruamkit run --workers N`: N webhook workers behind one address, and a worker's receiver.

The supervisor listens on WEBHOOK_LISTEN:WEBHOOK_PORT (where the reverse proxy forwards
Telegram's POSTs), starts N `ruamkit run --worker` processes on the next N local ports,
hands each update to a live worker (by default all of one chat's updates to the same
worker, which keeps them in order; `round-robin`: each to the next worker in turn),
restarts a worker that dies, answers
`GET /healthz`, and is the only process that calls setWebhook. The workers share
PostgreSQL, the Chroma server and Redis; the update ledger drops an update handed twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web
from telegram import Bot, Update
from telegram.error import TelegramError

from bot.app import WebhookConfig, bot_token
from bot.context import RuamKitApp
from core.errors import ConfigurationError
from core.settings import Settings

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
READY_TIMEOUT_S = 600.0  # a first start may build the search index
STOP_TIMEOUT_S = 20.0
MAX_BACKOFF_S = 30.0
STEADY_S = 60.0  # a worker that ran this long before dying restarts at once
FORWARD_TIMEOUT = aiohttp.ClientTimeout(total=30)


ENTRY = "import sys; from bot.cli import main; raise SystemExit(main(sys.argv[1:]))"


def worker_command(verbosity: int = 0) -> list[str]:
    """How the supervisor starts one worker: `ruamkit [-v] run --worker` in this Python."""
    return [sys.executable, "-c", ENTRY, *(["-v"] * verbosity), "run", "--worker"]


@dataclass
class Worker:
    """One worker process and the local port its receiver listens on."""

    index: int
    port: int
    process: asyncio.subprocess.Process | None = None
    ready: bool = False
    restarts: int = 0
    started_at: float = 0.0
    forwarded: int = 0  # updates this worker took


@dataclass
class Supervisor:
    """Starts, watches and restarts the workers; serves the front and /healthz."""

    settings: Settings
    webhook: WebhookConfig
    count: int
    command: Sequence[str] = field(default_factory=worker_command)
    env: Mapping[str, str] | None = None
    balance: str = "chat"  # or "round-robin"
    workers: list[Worker] = field(default_factory=list)
    _stopping: bool = False
    _watchers: list[asyncio.Task[None]] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    _client: aiohttp.ClientSession | None = None
    _turn: itertools.count[int] = field(default_factory=itertools.count)

    async def start(self) -> None:
        """Start the workers, wait until each listens, open the front, then setWebhook."""
        if self.count < 1:
            raise ConfigurationError("--workers must be at least 1")
        first = self.webhook.port + 1
        self.workers = [Worker(i, first + i) for i in range(self.count)]
        for worker in self.workers:
            await self._spawn(worker)
        await asyncio.gather(*(self._first_ready(worker) for worker in self.workers))
        self._watchers = [asyncio.create_task(self._watch(w)) for w in self.workers]
        self._client = aiohttp.ClientSession(timeout=FORWARD_TIMEOUT)
        await self._open_front()
        await self._set_webhook()
        log.info(
            "%d workers on ports %d-%d behind %s:%d",
            self.count, first, first + self.count - 1, self.webhook.listen, self.webhook.port,
        )  # fmt: skip

    async def stop(self) -> None:
        """Close the front, then stop every worker (SIGTERM, SIGKILL after a while)."""
        self._stopping = True
        for task in self._watchers:
            task.cancel()
        if self._runner is not None:
            await self._runner.cleanup()
        if self._client is not None:
            await self._client.close()
        await asyncio.gather(*(_terminate(w.process) for w in self.workers if w.process))

    @property
    def ready_count(self) -> int:
        """Workers that are alive and listening."""
        return sum(w.ready for w in self.workers)

    def _worker_env(self, worker: Worker) -> dict[str, str]:
        env = dict(os.environ if self.env is None else self.env)
        env.update(WEBHOOK_LISTEN="127.0.0.1", WEBHOOK_PORT=str(worker.port))
        if int(env.get("MODEL_THREADS") or 0) <= 0:  # share the cores out among the workers
            env["MODEL_THREADS"] = str(max(1, (os.cpu_count() or 1) // max(1, self.count)))
        return env

    async def _spawn(self, worker: Worker) -> None:
        loop = asyncio.get_running_loop()
        worker.ready = False
        worker.process = await asyncio.create_subprocess_exec(
            *self.command,
            env=self._worker_env(worker),
            stdin=asyncio.subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )
        worker.started_at = loop.time()
        log.info("worker %d started (pid %d, port %d)", worker.index, worker.process.pid,
                 worker.port)  # fmt: skip

    async def _first_ready(self, worker: Worker) -> None:
        """Wait until the worker listens; a worker that exits first is a start-up error."""
        if not await self._wait_listening(worker, READY_TIMEOUT_S):
            status = worker.process.returncode if worker.process else None
            raise ConfigurationError(
                f"worker {worker.index} did not start (exit status {status}); see its log above"
            )

    async def _wait_listening(self, worker: Worker, timeout: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            if worker.process is None or worker.process.returncode is not None:
                return False
            if await _listens(worker.port):
                worker.ready = True
                return True
            await asyncio.sleep(0.2)
        return False

    async def _watch(self, worker: Worker) -> None:
        """Restart the worker whenever it dies, backing off while it keeps dying."""
        loop = asyncio.get_running_loop()
        backoff = 1.0
        while not self._stopping:
            assert worker.process is not None
            status = await worker.process.wait()
            worker.ready = False
            if self._stopping:
                return
            ran = loop.time() - worker.started_at
            backoff = 0.0 if ran > STEADY_S else min(MAX_BACKOFF_S, max(1.0, backoff * 2))
            log.warning("worker %d exited with status %s; restarting it in %.0f s",
                        worker.index, status, backoff)  # fmt: skip
            await asyncio.sleep(max(backoff, 0.5))  # a SIGTERM to the whole group: stopping
            if self._stopping:
                return
            worker.restarts += 1
            await self._spawn(worker)
            await self._wait_listening(worker, READY_TIMEOUT_S)

    async def _open_front(self) -> None:
        app = web.Application()
        app.router.add_post(f"/{self.webhook.url_path}".rstrip("/") or "/", self._forward)
        app.router.add_get("/healthz", self._health)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.webhook.listen, self.webhook.port)
        await site.start()

    async def _set_webhook(self) -> None:
        api = self.settings.telegram_api_url.rstrip("/")
        bot = Bot(bot_token(self.settings), base_url=f"{api}/bot")
        try:
            async with bot:
                await bot.set_webhook(
                    self.webhook.webhook_url,
                    secret_token=self.webhook.secret_token,
                    allowed_updates=Update.ALL_TYPES,
                )
        except TelegramError as error:
            raise ConfigurationError(f"setWebhook failed at {api}: {error}") from None

    def next_workers(self, key: int | None = None) -> list[Worker]:
        """The live workers, starting with the one for this chat, else whose turn it is."""
        live = [w for w in self.workers if w.ready]
        if not live:
            return []
        turn = key if key is not None and self.balance == "chat" else next(self._turn)
        start = turn % len(live)
        return live[start:] + live[:start]

    async def _forward(self, request: web.Request) -> web.Response:
        """Hand Telegram's POST to the next live worker; try the others if it fails."""
        if request.headers.get(SECRET_HEADER) != self.webhook.secret_token:
            return web.Response(status=403)
        body = await request.read()
        headers = {SECRET_HEADER: self.webhook.secret_token, "Content-Type": "application/json"}
        assert self._client is not None
        for worker in self.next_workers(chat_key(body)):
            url = f"http://127.0.0.1:{worker.port}/{self.webhook.url_path}"
            try:
                async with self._client.post(url, data=body, headers=headers) as reply:
                    worker.forwarded += int(reply.status == 200)
                    return web.Response(status=reply.status)
            except (aiohttp.ClientError, TimeoutError) as error:
                log.warning("worker %d did not take an update: %s", worker.index, error)
        return web.Response(status=503, text="no worker is ready")

    async def _health(self, request: web.Request) -> web.Response:
        """200 while at least one worker is ready, else 503; JSON with the counts."""
        body = {
            "workers": self.count,
            "ready": self.ready_count,
            "restarts": sum(w.restarts for w in self.workers),
            "forwarded": [w.forwarded for w in self.workers],
        }
        return web.json_response(body, status=200 if self.ready_count else 503)


def chat_key(body: bytes) -> int | None:
    """The chat an update belongs to (a quiz answer: its user's private chat), if any."""
    try:
        update = json.loads(body)
    except ValueError:
        return None
    if not isinstance(update, dict):
        return None
    for kind, value in update.items():
        if kind == "update_id" or not isinstance(value, dict):
            continue
        holder = value.get("message") if kind == "callback_query" else value
        chat = holder.get("chat") if isinstance(holder, dict) else None
        person = value.get("user") or value.get("from")
        for found in (chat, person):
            if isinstance(found, dict) and isinstance(found.get("id"), int):
                return abs(int(found["id"]))
    return None


def _die_with_parent() -> None:
    """In the worker, before exec: get SIGTERM if the supervisor dies (Linux), no orphans."""
    if sys.platform == "linux":
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


async def _listens(port: int) -> bool:
    try:
        _, writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        return False
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()
    return True


async def _terminate(process: asyncio.subprocess.Process) -> None:
    if process.returncode is not None:
        return
    process.terminate()
    try:
        await asyncio.wait_for(process.wait(), STOP_TIMEOUT_S)
    except TimeoutError:
        process.kill()
        await process.wait()


async def serve_workers(
    settings: Settings,
    webhook: WebhookConfig,
    count: int,
    command: Sequence[str],
    balance: str = "chat",
) -> int:
    """Run the supervisor until cancelled (SIGTERM/SIGINT stop it and every worker)."""
    supervisor = Supervisor(settings, webhook, count, command, balance=balance)
    try:
        await supervisor.start()
        await asyncio.Event().wait()
    finally:
        await supervisor.stop()
    return 0


@contextlib.asynccontextmanager
async def worker_receiver(
    application: RuamKitApp, webhook: WebhookConfig, port: int
) -> AsyncIterator[None]:
    """A worker's webhook receiver on 127.0.0.1:`port`; it never calls setWebhook.

    The same checks as PTB's own webhook server: the secret header (403), a JSON update
    (400); a good update goes on the application's queue and gets 200 at once.
    """

    async def receive(request: web.Request) -> web.Response:
        if request.headers.get(SECRET_HEADER) != webhook.secret_token:
            return web.Response(status=403)
        try:
            data = json.loads(await request.read())
            update = Update.de_json(data, application.bot)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            log.warning("a webhook POST that is not an update: %s", error)
            return web.Response(status=400)
        await application.update_queue.put(update)
        return web.Response(status=200)

    app = web.Application()
    app.router.add_post(f"/{webhook.url_path}".rstrip("/") or "/", receive)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        yield
    finally:
        await runner.cleanup()
