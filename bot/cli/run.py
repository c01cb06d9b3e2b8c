"""`ruamkit run`: the bot on Telegram, or, without a token, a local sandbox chat in this terminal.

With TELEGRAM_BOT_TOKEN the bot polls Telegram (or serves a webhook when WEBHOOK_URL is
set). Without it, a local Bot API sandbox starts, the real bot runs against it, and the
terminal becomes a Telegram chat: type messages, pick buttons and poll options by number.
SIGTERM and SIGINT stop either mode cleanly (exit status 0).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import secrets
import signal
import sys
from collections.abc import Awaitable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pydantic import SecretStr
from telegram import Bot
from telegram.error import InvalidToken, TelegramError

from bot.app import (
    WebhookConfig,
    bot_id_of,
    bot_token,
    build_application,
    running,
    webhook_config,
)
from bot.context import Answerer, RuamKitApp, Services, build_services
from bot.handlers.commands import publish_chat_commands
from bot.poller_lock import (
    ConflictWatch,
    PollerLock,
    conflict_message,
    single_poller,
    skip_final_get_updates,
)
from bot.workers import serve_workers, worker_command, worker_receiver
from core.errors import ConfigurationError
from core.logging import configure_logging, level_for, log_file_path
from core.settings import Settings
from core.users import Role, effective_role, get_user, set_trainer
from retrieval.knowledge_base import index_root
from retrieval.versions import VersionStore

log = logging.getLogger(__name__)
QUIET_IN_SANDBOX = ("telegram", "bot.sandbox", "aiohttp", "bot.app", "retrieval")


@dataclass(frozen=True)
class TerminalUser:
    """Who the person at the terminal is in the sandbox chat."""

    user_id: int = 10001
    first_name: str = "สมชาย"
    language_code: str = "th"
    role: Role = Role.ADMIN


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `run`."""
    run = commands.add_parser(
        "run",
        help="run the Telegram bot (without TELEGRAM_BOT_TOKEN: a local chat in this terminal)",
    )
    run.add_argument(
        "--as",
        dest="role",
        choices=[role.value for role in Role],
        default=Role.ADMIN.value,
        help="sandbox only: your role when the chat starts (default: admin); "
        "switch in the chat with :as official|trainer|admin or :as USER_ID",
    )
    run.add_argument("--name", default="สมชาย", help="sandbox only: your first name")
    run.add_argument(
        "--lang", choices=["th", "en"], help="sandbox only: your Telegram app language"
    )
    run.add_argument("--user-id", type=int, default=10001, help="sandbox only: your user id")
    run.add_argument(
        "--workers",
        type=_positive,
        default=None,
        help="webhook mode only: N worker processes on the next N local ports behind a "
        "front on WEBHOOK_PORT with GET /healthz (default: one process, no front)",
    )
    run.add_argument(
        "--balance",
        choices=["chat", "round-robin"],
        default="chat",
        help="--workers only: send all of a chat's updates to one worker, keeping them in "
        "order (default), or each update to the next worker in turn",
    )
    run.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    run.set_defaults(handler=run_bot)


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


# A thread that gives up the GIL (a database wait, or the model's tensor operations when
# MODEL_PROCESS=false, ~100 per batch) waits up to the switch interval (CPython's 5 ms) to
# get it back while others run Python; in-process, that made a batch take 3x as long.
GIL_SWITCH_INTERVAL_S = 0.0005


def run_bot(args: argparse.Namespace, settings: Settings) -> int:
    """Serve on Telegram when a token is set, else the sandbox chat on stdin/stdout."""
    route_logs(settings, getattr(args, "verbose", 0))
    settings = with_serving_threads(settings)
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    if settings.telegram_bot_token is not None:
        if getattr(args, "workers", None) is not None or getattr(args, "worker", False):
            return asyncio.run(until_stopped(serve_webhook_workers(settings, args)))
        return asyncio.run(until_stopped(serve_telegram(settings)))
    person = TerminalUser(
        user_id=args.user_id,
        first_name=args.name,
        language_code=args.lang or settings.default_language,
        role=Role(args.role),
    )
    return asyncio.run(until_stopped(serve_sandbox(settings, person, sys.stdin, sys.stdout)))


def with_serving_threads(settings: Settings) -> Settings:
    """A serving bot's model runs in its own process on half the cores.

    Measured on 2 cores (docs/benchmarks.md): at 32 questions/s, two model threads fighting
    the event loop for the cores gave p95 1.7 s; one gave 0.7 s. `MODEL_THREADS` and
    `MODEL_PROCESS` override.
    """
    update: dict[str, object] = {}
    if settings.model_threads <= 0:
        update["model_threads"] = min(4, max(1, (os.cpu_count() or 1) // 2))
    if settings.model_process is None:
        update["model_process"] = True
    return settings.model_copy(update=update)


def route_logs(settings: Settings, verbosity: int = 0) -> Path | None:
    """Log as a service (stderr, LOG_LEVEL) with a token; else only to a file, returned.

    In the sandbox the terminal is the chat, so nothing may be logged to it.
    """
    level = level_for(verbosity, settings.log_level)
    if settings.telegram_bot_token is not None:
        configure_logging(level)
        return None
    path = log_file_path(settings.data_dir)
    configure_logging(level, log_file=path)
    if not verbosity:
        for name in QUIET_IN_SANDBOX:
            logging.getLogger(name).setLevel(logging.WARNING)
    return path


async def until_stopped(work: Awaitable[int]) -> int:
    """Run `work` until it ends or SIGTERM/SIGINT arrives; a signal is a clean stop (0)."""
    loop = asyncio.get_running_loop()
    task = asyncio.ensure_future(work)
    stop = asyncio.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    waiter = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, waiter}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
    waiter.cancel()
    if not task.done():
        log.info("stopping")
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return 0
    return task.result()


async def serve_telegram(
    settings: Settings, answerer: Answerer | None = None, *, worker: bool = False
) -> int:
    """Poll Telegram (or serve the webhook) until cancelled.

    A poller first takes the bot's poller lock, so a second one refuses to start; a
    `worker` receives updates on WEBHOOK_PORT from `--workers`' front and never calls
    setWebhook. `answerer` replaces the one built from settings (tests).
    """
    webhook = webhook_config(settings)  # fail fast on bad webhook settings, before the model
    if webhook is None:
        async with single_poller(settings, bot_id_of(bot_token(settings))) as lock:
            return await _serve(settings, None, answerer, worker=False, lock=lock)
    return await _serve(settings, webhook, answerer, worker=worker)


async def _serve(
    settings: Settings,
    webhook: WebhookConfig | None,
    answerer: Answerer | None,
    *,
    worker: bool,
    lock: PollerLock | None = None,
) -> int:
    services = build_services(settings, answerer)
    conflict = ConflictWatch()
    try:
        application = build_application(settings, services)
        polled = None if worker else webhook
        async with (
            running(application, polled, receive=not worker, error_callback=conflict) as app,
            _receiver(app, webhook, worker),
        ):
            mode = f"webhook {webhook.webhook_url}" if webhook else "polling"
            log.info("RuamKit bot @%s is running (%s)", application.bot.username, mode)
            await _first_of(conflict.seen, lock.lost if lock else None)
            assert application.updater is not None
            skip_final_get_updates(application.updater)  # the other poller keeps its call
            if lock is not None and lock.lost_error is not None:
                raise lock.lost_error
    except InvalidToken as error:
        raise ConfigurationError(f"the Bot API rejected TELEGRAM_BOT_TOKEN ({error})") from None
    except TelegramError as error:
        raise ConfigurationError(
            f"cannot reach the Bot API at {settings.telegram_api_url}: {error}"
        ) from None
    finally:
        services.close()
    assert conflict.conflict is not None
    raise ConfigurationError(conflict_message(conflict.conflict))


async def _first_of(*events: asyncio.Event | None) -> None:
    """Wait until one of the events is set."""
    waits = [asyncio.create_task(event.wait()) for event in events if event is not None]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()


def _receiver(
    application: RuamKitApp, webhook: WebhookConfig | None, worker: bool
) -> contextlib.AbstractAsyncContextManager[None]:
    """A worker's own webhook receiver (no setWebhook); nothing otherwise."""
    if worker and webhook is not None:
        return worker_receiver(application, webhook, webhook.port)
    return contextlib.nullcontext()


async def serve_webhook_workers(settings: Settings, args: argparse.Namespace) -> int:
    """`--workers N`: the supervisor and its N workers; `--worker`: one of those workers."""
    webhook = webhook_config(settings)
    if webhook is None:
        raise ConfigurationError(
            "--workers needs webhook mode: set WEBHOOK_URL and WEBHOOK_SECRET "
            "(Telegram allows only one poller per bot)"
        )
    if getattr(args, "worker", False):
        return await serve_telegram(settings, worker=True)
    command = worker_command(getattr(args, "verbose", 0))
    balance = getattr(args, "balance", "chat")
    return await serve_workers(settings, webhook, args.workers, command, balance)


async def serve_sandbox(
    settings: Settings,
    person: TerminalUser,
    stdin: TextIO,
    stdout: TextIO,
    answerer: Answerer | None = None,
) -> int:
    """The sandbox, the real bot against it, and the terminal chat until :quit or end of input.

    `answerer` replaces the question answerer built from settings (tests pass a small one).
    """
    from bot.sandbox import BotApiSandbox
    from bot.sandbox.chat import run_chat_client

    sandbox = BotApiSandbox(_sandbox_token(), port=settings.sandbox_port)
    try:
        await sandbox.start()
    except OSError as error:
        raise ConfigurationError(
            f"cannot start the sandbox on port {settings.sandbox_port} ({error}); "
            "set SANDBOX_PORT to a free port"
        ) from None
    try:
        sandbox.user(person.user_id, person.first_name, language_code=person.language_code)
        local = sandbox_settings(settings, sandbox.base_url, sandbox.token, person)
        stdout.write(_preparing_note(local, person.language_code))
        stdout.flush()
        services = build_services(local, answerer)
        try:
            grant_role(services, person.user_id, person.role)
            application = build_application(local, services)
            async with running(application):
                await run_chat_client(
                    sandbox,
                    user_id=person.user_id,
                    first_name=person.first_name,
                    language_code=person.language_code,
                    stdin=stdin,
                    stdout=stdout,
                    roles=SandboxRoles(services, application.bot),
                )
        finally:
            services.close()
    finally:
        await sandbox.stop()
    return 0


def sandbox_settings(
    settings: Settings, api_url: str, token: str, person: TerminalUser
) -> Settings:
    """The settings pointed at the sandbox, with their own ADMIN_IDS list that `:as` changes."""
    admins = [admin for admin in settings.admin_ids if admin != person.user_id]
    if person.role == Role.ADMIN:
        admins.append(person.user_id)
    return settings.model_copy(
        update={
            "telegram_bot_token": SecretStr(token),
            "telegram_api_url": api_url,
            "admin_ids": admins,
            "webhook_url": None,
        }
    )


def grant_role(services: Services, user_id: int, role: Role) -> None:
    """Make a sandbox user exactly `role`: admin in the sandbox's ADMIN_IDS, trainer stored.

    Also drops a role left from an earlier run or an earlier `:as`.
    """
    admins = services.settings.admin_ids  # the sandbox's own copy (see sandbox_settings)
    if role == Role.ADMIN and user_id not in admins:
        admins.append(user_id)
    elif role != Role.ADMIN and user_id in admins:
        admins.remove(user_id)
    with services.session() as session:
        set_trainer(session=session, telegram_id=user_id, trainer=role == Role.TRAINER)


@dataclass(frozen=True)
class SandboxRoles:
    """`:as ROLE` in the sandbox chat: the grants of `--as`, at run time, menu included."""

    services: Services
    bot: Bot
    names: tuple[str, ...] = tuple(role.value for role in Role)

    async def apply(self, user_id: int, role: str | None) -> str:
        """Grant `role` (None: keep the current one); return the role that counts now."""
        if role is not None:
            grant_role(self.services, user_id, Role(role))
            await publish_chat_commands(self.bot, user_id, Role(role))
        with self.services.session() as session:
            user = get_user(session=session, telegram_id=user_id)
            stored = user.role if user else None
        return effective_role(user_id, stored, self.services.admin_ids).value


def _sandbox_token() -> str:
    """A fresh token in Telegram's format, so nothing else can talk to this sandbox."""
    return f"{secrets.randbelow(9 * 10**8) + 10**8}:{secrets.token_urlsafe(27)}"


def _preparing_note(settings: Settings, lang: str) -> str:
    """What the terminal shows while the bot starts: the log file, and a first build if due."""
    live = VersionStore(index_root(settings.index_dir, settings.embedding_model)).current()
    log_file = _shown_path(log_file_path(settings.data_dir))
    if lang == "en":
        building = " — building the knowledge base first (about a minute)" if not live else ""
        return f"Starting RuamKit{building}…\n(logs go to {log_file}, not to this chat)\n"
    building = " — ครั้งแรกนี้จะสร้างฐานความรู้ก่อน ใช้เวลาราวหนึ่งนาที" if not live else ""
    return f"กำลังเริ่มร่วมคิด{building}…\n(บันทึกการทำงานของระบบอยู่ที่ {log_file} ไม่แสดงในแชตนี้)\n"


def _shown_path(path: Path) -> Path:
    """`path` relative to the working directory when it lies under it (shorter to read)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
