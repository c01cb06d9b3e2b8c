"""A local, stateful Telegram Bot API server with simulated users and a terminal chat client."""

from bot.sandbox.errors import ButtonNotFound, PollVoteError, SandboxError
from bot.sandbox.faults import Fault, FaultPlan
from bot.sandbox.ratelimit import RateLimits
from bot.sandbox.server import DEFAULT_TOKEN, BotApiSandbox
from bot.sandbox.state import CallbackAnswer
from bot.sandbox.users import PressedButton, SimulatedGroup, SimulatedUser
from bot.sandbox.views import Button, DocumentView, PollView, SandboxMessage

__all__ = [
    "DEFAULT_TOKEN",
    "BotApiSandbox",
    "Button",
    "ButtonNotFound",
    "CallbackAnswer",
    "DocumentView",
    "Fault",
    "FaultPlan",
    "PollView",
    "PollVoteError",
    "PressedButton",
    "RateLimits",
    "SandboxError",
    "SandboxMessage",
    "SimulatedGroup",
    "SimulatedUser",
]
