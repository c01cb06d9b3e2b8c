"""answerCallbackQuery."""

from __future__ import annotations

from typing import Any

from bot.sandbox import limits
from bot.sandbox.env import Env
from bot.sandbox.errors import QUERY_TOO_OLD, bad_request
from bot.sandbox.methods.registry import method
from bot.sandbox.state import CallbackAnswer


@method(
    "answerCallbackQuery",
    "callback_query_id:str!",
    "text:str",
    "show_alert:bool",
    "url:str",
    "cache_time:int",
)
async def answer_callback_query(env: Env, args: dict[str, Any]) -> Any:
    """Answer a pressed button once, within the time Telegram allows."""
    record = env.world.callbacks.get(args["callback_query_id"])
    too_old = record is None or (env.clock() - record.created_at > env.callback_answer_timeout)
    if record is None or too_old or record.answer is not None:
        raise bad_request(QUERY_TOO_OLD)
    text = args.get("text")
    if text is not None and len(text) > limits.CALLBACK_ANSWER_TEXT_MAX:
        raise bad_request("MESSAGE_TOO_LONG")
    record.answer = CallbackAnswer(
        query_id=record.id,
        text=text,
        show_alert=bool(args.get("show_alert", False)),
        url=args.get("url"),
    )
    env.world.touch()
    return True


METHODS = (answer_callback_query,)
