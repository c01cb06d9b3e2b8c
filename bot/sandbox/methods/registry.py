"""How a Bot API method is declared: its name, its parameters and its handler."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from bot.sandbox.env import Env
from bot.sandbox.params import Param, declare

Handler = Callable[[Env, dict[str, Any]], Awaitable[Any]]


@dataclass(frozen=True)
class Reply:
    """A successful result that Telegram sends with a description, e.g. "Webhook was set"."""

    result: Any
    description: str


@dataclass(frozen=True)
class Method:
    """One Bot API method the sandbox serves.

    ``params`` are exactly the parameters of Bot API 10.1; ``legacy`` are deprecated names
    Telegram still accepts (e.g. sendPoll's ``correct_option_id``).
    """

    name: str
    params: tuple[Param, ...]
    handler: Handler
    legacy: tuple[Param, ...] = ()

    @property
    def accepted(self) -> tuple[Param, ...]:
        """Every parameter this method reads, current and legacy."""
        return self.params + self.legacy


def method(name: str, *specs: str, legacy: tuple[str, ...] = ()) -> Callable[[Handler], Method]:
    """Decorate a handler into a :class:`Method` with ``"name:kind"`` parameter specs."""

    def wrap(handler: Handler) -> Method:
        return Method(name, declare(*specs), handler, declare(*legacy))

    return wrap


# Parameters that most send* methods share, in Bot API order (before/after their own ones).
SEND_HEAD = ("business_connection_id:str", "chat_id:chat!", "message_thread_id:int")
SEND_TAIL = (
    "disable_notification:bool",
    "protect_content:bool",
    "allow_paid_broadcast:bool",
    "message_effect_id:str",
)
