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
import secrets
import signal
import sys
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TextIO

from pydantic import SecretStr
from telegram.error import InvalidToken, TelegramError

from bot.app import build_application, running, webhook_config
from bot.context import Services, build_services
from core.errors import ConfigurationError
from core.settings import Settings
from core.users import Role, set_trainer

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
        help="sandbox only: your role in the terminal chat (default: admin)",
    )
    run.add_argument("--name", default="สมชาย", help="sandbox only: your first name")
    run.add_argument(
        "--lang", choices=["th", "en"], help="sandbox only: your Telegram app language"
    )
    run.add_argument("--user-id", type=int, default=10001, help="sandbox only: your user id")
    run.set_defaults(handler=run_bot)


def run_bot(args: argparse.Namespace, settings: Settings) -> int:
    """Serve on Telegram when a token is set, else the sandbox chat on stdin/stdout."""
    if settings.telegram_bot_token is not None:
        return asyncio.run(until_stopped(serve_telegram(settings)))
    if not getattr(args, "verbose", False):
        for name in QUIET_IN_SANDBOX:
            logging.getLogger(name).setLevel(logging.WARNING)
    person = TerminalUser(
        user_id=args.user_id,
        first_name=args.name,
        language_code=args.lang or settings.default_language,
        role=Role(args.role),
    )
    return asyncio.run(until_stopped(serve_sandbox(settings, person, sys.stdin, sys.stdout)))


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


async def serve_telegram(settings: Settings) -> int:
    """Poll Telegram (or serve the webhook) until cancelled."""
    webhook = webhook_config(settings)  # fail fast on bad webhook settings, before the model
    services = build_services(settings)
    try:
        application = build_application(settings, services)
        async with running(application, webhook):
            mode = f"webhook {webhook.webhook_url}" if webhook else "polling"
            log.info("RuamKit bot @%s is running (%s)", application.bot.username, mode)
            await asyncio.Event().wait()
    except InvalidToken as error:
        raise ConfigurationError(f"the Bot API rejected TELEGRAM_BOT_TOKEN ({error})") from None
    except TelegramError as error:
        raise ConfigurationError(
            f"cannot reach the Bot API at {settings.telegram_api_url}: {error}"
        ) from None
    finally:
        services.close()
    return 0


async def serve_sandbox(
    settings: Settings, person: TerminalUser, stdin: TextIO, stdout: TextIO
) -> int:
    """The sandbox, the real bot against it, and the terminal chat until :quit or end of input."""
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
        services = build_services(local)
        try:
            _store_role(services, person)
            stdout.write(_preparing_note(person.language_code))
            stdout.flush()
            async with running(build_application(local, services)):
                await run_chat_client(
                    sandbox,
                    user_id=person.user_id,
                    first_name=person.first_name,
                    language_code=person.language_code,
                    stdin=stdin,
                    stdout=stdout,
                )
        finally:
            services.close()
    finally:
        await sandbox.stop()
    return 0


def sandbox_settings(
    settings: Settings, api_url: str, token: str, person: TerminalUser
) -> Settings:
    """The settings pointed at the sandbox; the terminal user is an admin when asked to be."""
    admins = list(settings.admin_ids)
    if person.role == Role.ADMIN and person.user_id not in admins:
        admins.append(person.user_id)
    return settings.model_copy(
        update={
            "telegram_bot_token": SecretStr(token),
            "telegram_api_url": api_url,
            "admin_ids": admins,
            "webhook_url": None,
        }
    )


def _store_role(services: Services, person: TerminalUser) -> None:
    """Store the trainer role when asked for (and drop one left from an earlier run)."""
    with services.session() as session:
        set_trainer(
            session=session, telegram_id=person.user_id, trainer=person.role == Role.TRAINER
        )


def _sandbox_token() -> str:
    """A fresh token in Telegram's format, so nothing else can talk to this sandbox."""
    return f"{secrets.randbelow(9 * 10**8) + 10**8}:{secrets.token_urlsafe(27)}"


def _preparing_note(lang: str) -> str:
    if lang == "en":
        return "Starting RuamKit (the first run builds the knowledge base; about a minute)…\n"
    return "กำลังเริ่มร่วมคิด (ครั้งแรกจะสร้างฐานความรู้ ใช้เวลาราวหนึ่งนาที)…\n"
