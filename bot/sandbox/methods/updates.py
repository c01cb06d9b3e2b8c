"""getUpdates, setWebhook, deleteWebhook and getWebhookInfo."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from bot.sandbox import limits
from bot.sandbox.env import Env
from bot.sandbox.errors import WEBHOOK_ACTIVE, bad_request, conflict
from bot.sandbox.methods.registry import Reply, method
from bot.sandbox.webhook import WebhookSettings

_SECRET = re.compile(rf"^[A-Za-z0-9_-]{{1,{limits.WEBHOOK_SECRET_MAX}}}$")


@method("getUpdates", "offset:int", "limit:int", "timeout:int", "allowed_updates:json")
async def get_updates(env: Env, args: dict[str, Any]) -> Any:
    """Long polling: confirm by offset, then wait up to ``timeout`` s for updates."""
    if env.webhook.settings is not None:
        raise conflict(WEBHOOK_ACTIVE)
    env.queue.set_allowed(_allowed(args))
    return await env.queue.fetch(args.get("offset"), args.get("limit"), args.get("timeout", 0))


def _allowed(args: dict[str, Any]) -> list[str] | None:
    allowed = args.get("allowed_updates")
    if allowed is not None and not all(isinstance(kind, str) for kind in allowed):
        raise bad_request("can't parse allowed_updates JSON object")
    return allowed


@method(
    "setWebhook",
    "url:str!",
    "certificate:file",
    "ip_address:str",
    "max_connections:int",
    "allowed_updates:json",
    "drop_pending_updates:bool",
    "secret_token:str",
)
async def set_webhook(env: Env, args: dict[str, Any]) -> Any:
    """Deliver updates to a URL (plain http on 127.0.0.1 is allowed here, unlike Telegram)."""
    url = args["url"]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = args.get("secret_token")
    if secret is not None and not _SECRET.match(secret):
        raise bad_request("secret token contains unallowed characters")
    connections = args.get("max_connections", 40)
    if not 1 <= connections <= 100:
        raise bad_request("bad webhook: max_connections must be between 1 and 100")
    if args.get("drop_pending_updates"):
        env.queue.drop_all()
    allowed = _allowed(args)
    env.queue.set_allowed(allowed)
    env.queue.terminate_pollers()
    env.webhook.set(WebhookSettings(url, secret, connections, args.get("ip_address"), allowed))
    return Reply(True, "Webhook was set")


@method("deleteWebhook", "drop_pending_updates:bool")
async def delete_webhook(env: Env, args: dict[str, Any]) -> Any:
    """Go back to getUpdates; optionally forget pending updates."""
    was_set = env.webhook.settings is not None
    await env.webhook.delete()
    if args.get("drop_pending_updates"):
        env.queue.drop_all()
    return Reply(True, "Webhook was deleted" if was_set else "Webhook is already deleted")


@method("getWebhookInfo")
async def get_webhook_info(env: Env, args: dict[str, Any]) -> Any:
    """The current webhook state (url is empty in getUpdates mode)."""
    return env.webhook.info()


METHODS = (get_updates, set_webhook, delete_webhook, get_webhook_info)
