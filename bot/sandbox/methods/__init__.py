"""Every Bot API method the sandbox serves, by lower-case name (Telegram ignores case)."""

from __future__ import annotations

from bot.sandbox.methods import bot, callbacks, media, messages, polls, updates
from bot.sandbox.methods.registry import Method, Reply

__all__ = ["Method", "Reply", "all_methods"]


def all_methods() -> dict[str, Method]:
    """The served methods keyed by lower-case name."""
    modules = (bot, updates, messages, callbacks, polls, media)
    return {m.name.lower(): m for module in modules for m in module.METHODS}
