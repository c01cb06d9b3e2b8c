"""The composition root: the PTB Application wired to the services, and how it is run.

`build_application()` points PTB at the configured Bot API server (Telegram or the local
sandbox), installs the typed context, the 429 retry policy and every handler.
`running()` starts it by polling or by webhook and stops it cleanly; the caller owns the
event loop and the signals (see bot.cli.run).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from telegram import LinkPreviewOptions, Update
from telegram.error import TelegramError
from telegram.ext import ApplicationBuilder, ContextTypes, Defaults

from bot import handlers
from bot.context import BotContext, BotData, RuamKitApp, Services
from bot.handlers.commands import publish_chat_commands, publish_default_commands
from bot.rate_limit import RetryAfterLimiter
from bot.request import RetryingRequest
from bot.update_processor import ChatOrderedProcessor
from core import memory
from core.errors import ConfigurationError
from core.settings import Settings
from core.users import Role

log = logging.getLogger(__name__)
# Telegram accepts 1-256 characters A-Z, a-z, 0-9, _ and - as a webhook secret token.
SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
PRUNE_EVERY_S = 3600
RELEASE_EVERY_S = 60


@dataclass(frozen=True)
class WebhookConfig:
    """Where the webhook server listens and what Telegram is told to call."""

    listen: str
    port: int
    url_path: str
    webhook_url: str
    secret_token: str


def bot_token(settings: Settings) -> str:
    """TELEGRAM_BOT_TOKEN, or a clear error naming the setting."""
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    if not token.strip():
        raise ConfigurationError("TELEGRAM_BOT_TOKEN is not set")
    return token.strip()


def bot_id_of(token: str) -> int:
    """The bot's id, the digits before the colon of its token (0 if there are none)."""
    head = token.split(":", 1)[0]
    return int(head) if head.isdigit() else 0


def webhook_config(settings: Settings) -> WebhookConfig | None:
    """Webhook mode when WEBHOOK_URL is set (WEBHOOK_SECRET is then required), else None."""
    if not settings.webhook_url:
        return None
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    if not SECRET_TOKEN.match(secret):
        raise ConfigurationError(
            "WEBHOOK_SECRET must be set with WEBHOOK_URL: 1-256 characters of A-Z, a-z, 0-9, _ -"
        )
    parts = urlsplit(settings.webhook_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigurationError(f"WEBHOOK_URL is not an http(s) URL: {settings.webhook_url!r}")
    return WebhookConfig(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        url_path=parts.path.strip("/"),
        webhook_url=settings.webhook_url,
        secret_token=secret,
    )


def build_application(settings: Settings, services: Services) -> RuamKitApp:
    """The PTB application for the configured Bot API server, with every handler."""
    api = settings.telegram_api_url.rstrip("/")
    token = bot_token(settings)
    processor = ChatOrderedProcessor(
        settings.concurrent_updates, bot_id_of(token), services.ledger
    )
    # parse_mode is passed per call (send_html, reply_html): as a default PTB would also
    # send it with calls that have no text, such as editMessageReplyMarkup.
    defaults = Defaults(link_preview_options=LinkPreviewOptions(is_disabled=True))
    application = (
        ApplicationBuilder()
        .token(token)
        .request(RetryingRequest(settings.telegram_timeout_s))
        .base_url(f"{api}/bot")
        .base_file_url(f"{api}/file/bot")
        .defaults(defaults)
        .context_types(ContextTypes(context=BotContext, bot_data=BotData))
        .rate_limiter(RetryAfterLimiter())
        .concurrent_updates(processor)
        .post_init(prepare)
        .build()
    )
    application.bot_data.services = services
    handlers.register(application)
    if application.job_queue is not None:
        application.job_queue.run_repeating(forget_old_updates, PRUNE_EVERY_S, first=60)
        application.job_queue.run_repeating(release_memory, RELEASE_EVERY_S, first=60)
    return application


async def release_memory(context: BotContext) -> None:
    """Hand freed heap pages back to the system (every minute), so RSS does not creep."""
    await asyncio.to_thread(memory.release_free_memory)


async def forget_old_updates(context: BotContext) -> None:
    """Drop handled-update records older than the retention window (hourly)."""
    ledger = context.services.ledger
    if ledger is not None:
        count = await ledger.prune()
        log.debug("forgot %d handled update ids", count)


async def prepare(application: RuamKitApp) -> None:
    """After getMe: publish the command menus (th + en) and warm up question answering."""
    services = application.bot_data.services
    assert services is not None
    try:
        await publish_default_commands(application.bot)
        for admin_id in sorted(services.admin_ids):
            await publish_chat_commands(application.bot, admin_id, Role.ADMIN)
    except TelegramError as error:
        log.warning("could not publish the command menus: %s", error)
    await services.warm_up()


@contextlib.asynccontextmanager
async def running(
    application: RuamKitApp,
    webhook: WebhookConfig | None = None,
    *,
    receive: bool = True,
    error_callback: Callable[[TelegramError], None] | None = None,
) -> AsyncIterator[RuamKitApp]:
    """Run the bot (polling, or the webhook server) for the duration of the block.

    The same order as PTB's run_polling, without taking over the loop or the signals:
    initialize (getMe), post_init, start receiving updates, start; then the reverse.
    `receive=False` leaves receiving to the caller (a `--workers` worker's own receiver);
    `error_callback` gets each failed getUpdates (bot.poller_lock.ConflictWatch).
    """
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        if receive:
            await _receive_updates(application, webhook, error_callback)
        await application.start()
        yield application
    finally:
        await _stop(application)


async def _receive_updates(
    application: RuamKitApp,
    webhook: WebhookConfig | None,
    error_callback: Callable[[TelegramError], None] | None = None,
) -> None:
    updater = application.updater
    assert updater is not None
    if webhook is None:
        await updater.start_polling(
            allowed_updates=Update.ALL_TYPES, error_callback=error_callback
        )
        return
    await updater.start_webhook(
        listen=webhook.listen,
        port=webhook.port,
        url_path=webhook.url_path,
        webhook_url=webhook.webhook_url,
        secret_token=webhook.secret_token,
        allowed_updates=Update.ALL_TYPES,
    )


async def _stop(application: RuamKitApp) -> None:
    """Stop whatever was started, in reverse order, and release PTB's resources."""
    if application.updater is not None and application.updater.running:
        await application.updater.stop()
    if application.running:
        await application.stop()
    await application.shutdown()
    services = application.bot_data.services
    if services is not None:
        await services.aclose()
