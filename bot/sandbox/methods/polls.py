"""sendPoll and stopPoll."""

from __future__ import annotations

import secrets
from typing import Any

from bot.sandbox import limits
from bot.sandbox.entities import format_text, utf16_len
from bot.sandbox.env import Env
from bot.sandbox.errors import bad_request
from bot.sandbox.methods.common import find_chat, post_message, writable_chat
from bot.sandbox.methods.registry import SEND_HEAD, SEND_TAIL, method
from bot.sandbox.state import StoredPoll, now


@method(
    "sendPoll",
    *SEND_HEAD,
    "question:str!",
    "question_parse_mode:str",
    "question_entities:json",
    "options:json!",
    "is_anonymous:bool",
    "type:str",
    "allows_multiple_answers:bool",
    "allows_revoting:bool",
    "shuffle_options:bool",
    "allow_adding_options:bool",
    "hide_results_until_closes:bool",
    "members_only:bool",
    "country_codes:json",
    "correct_option_ids:json",
    "explanation:str",
    "explanation_parse_mode:str",
    "explanation_entities:json",
    "explanation_media:json",
    "open_period:int",
    "close_date:int",
    "is_closed:bool",
    "description:str",
    "description_parse_mode:str",
    "description_entities:json",
    "media:json",
    *SEND_TAIL,
    "reply_parameters:json",
    "reply_markup:json",
    legacy=("correct_option_id:int",),
)
async def send_poll(env: Env, args: dict[str, Any]) -> Any:
    """Post a regular poll or a quiz."""
    chat = writable_chat(env, args["chat_id"])
    poll = _build_poll(args)
    stored = post_message(env, chat, args, {"poll": {}})
    poll.chat_id, poll.message_id = chat.id, stored.message_id
    stored.data["poll"] = poll.as_json()
    env.world.polls[poll.id] = poll
    if poll.open_period and not poll.is_closed:
        env.later(poll.open_period, lambda: close_poll(env, poll))
    return stored.data


def _build_poll(args: dict[str, Any]) -> StoredPoll:
    kind = args.get("type", "regular")
    if kind not in ("regular", "quiz"):
        raise bad_request("wrong poll type specified")
    options = _options(args["options"])
    poll = StoredPoll(
        id=str(secrets.randbelow(10**18) + 5 * 10**18),
        chat_id=0,
        message_id=0,
        question=_question(args["question"]),
        options=options,
        persistent_ids=[str(index) for index in range(len(options))],
        type=kind,
        is_anonymous=args.get("is_anonymous", True),
        allows_multiple_answers=args.get("allows_multiple_answers", False),
        allows_revoting=args.get("allows_revoting", kind == "regular"),
        is_closed=args.get("is_closed", False),
    )
    if kind == "quiz":
        poll.correct_option_ids = _correct_ids(args, len(options), poll.allows_multiple_answers)
        poll.explanation, poll.explanation_entities = _explanation(args)
    elif "correct_option_ids" in args or "correct_option_id" in args:
        raise bad_request("correct option ids can be specified only for quizzes")
    poll.open_period, poll.close_date = _closing(args)
    return poll


def _question(question: str) -> str:
    text = question.strip()
    if not text:
        raise bad_request("poll question must be non-empty")
    if utf16_len(text) > limits.POLL_QUESTION_MAX:
        raise bad_request(f"poll question length must not exceed {limits.POLL_QUESTION_MAX}")
    return text


def _options(raw: Any) -> list[str]:
    if not isinstance(raw, list):
        raise bad_request("can't parse options JSON object")
    texts = [_option_text(item) for item in raw]
    if len(texts) < limits.POLL_OPTIONS_MIN:
        raise bad_request(f"poll must have at least {limits.POLL_OPTIONS_MIN} option")
    if len(texts) > limits.POLL_OPTIONS_MAX:
        raise bad_request(f"poll can't have more than {limits.POLL_OPTIONS_MAX} options")
    if any(not text.strip() for text in texts):
        raise bad_request("poll options must be non-empty")
    if any(utf16_len(text) > limits.POLL_OPTION_TEXT_MAX for text in texts):
        raise bad_request(f"poll options length must not exceed {limits.POLL_OPTION_TEXT_MAX}")
    if len(set(texts)) != len(texts):
        raise bad_request("POLL_OPTION_DUPLICATE")
    return [text.strip() for text in texts]


def _option_text(item: Any) -> str:
    """The text of an InputPollOption (or of a bare string, as older clients send)."""
    text = item if isinstance(item, str) else item.get("text") if isinstance(item, dict) else None
    return text if isinstance(text, str) else ""


def _correct_ids(args: dict[str, Any], count: int, multiple: bool) -> list[int]:
    ids = args.get("correct_option_ids")
    if ids is None and "correct_option_id" in args:
        ids = [args["correct_option_id"]]
    if not ids:
        raise bad_request("quiz poll must have a correct option; pass correct_option_ids")
    valid = all(isinstance(i, int) and not isinstance(i, bool) and 0 <= i < count for i in ids)
    if not valid or sorted(set(ids)) != ids:
        raise bad_request("wrong correct option ids specified")
    if len(ids) > 1 and not multiple:
        raise bad_request("quiz poll must have exactly one correct option")
    return list(ids)


def _explanation(args: dict[str, Any]) -> tuple[str | None, list[dict[str, Any]]]:
    if "explanation" not in args:
        return None, []
    text, entities = format_text(
        args["explanation"], args.get("explanation_parse_mode"), args.get("explanation_entities")
    )
    if utf16_len(text) > limits.POLL_EXPLANATION_MAX:
        raise bad_request("quiz explanation is too long")
    if text.count("\n") > limits.POLL_EXPLANATION_LINE_FEEDS_MAX:
        raise bad_request("quiz explanation must contain at most 2 line feeds")
    return text, entities


def _closing(args: dict[str, Any]) -> tuple[int | None, int | None]:
    period, close_date = args.get("open_period"), args.get("close_date")
    if period is not None and close_date is not None:
        raise bad_request("open_period and close_date can't be used together")
    low, high = limits.POLL_OPEN_PERIOD_MIN, limits.POLL_OPEN_PERIOD_MAX
    if period is not None and not low <= period <= high:
        raise bad_request("wrong open period specified")
    if close_date is not None:
        if not low <= close_date - now() <= high:
            raise bad_request("wrong close date specified")
        return close_date - now(), close_date
    return period, None


async def close_poll(env: Env, poll: StoredPoll) -> None:
    """Close a poll, update its message and tell the bot with a poll update."""
    if poll.is_closed:
        return
    poll.is_closed = True
    stored = env.world.find_message(poll.chat_id, poll.message_id)
    if stored is not None:
        stored.data["poll"] = poll.as_json()
        env.world.changed(stored)
    env.push_update("poll", poll.as_json())


@method(
    "stopPoll",
    "business_connection_id:str",
    "chat_id:chat!",
    "message_id:int!",
    "reply_markup:json",
)
async def stop_poll(env: Env, args: dict[str, Any]) -> Any:
    """Close a poll the bot sent and return its final state."""
    chat = find_chat(env, args["chat_id"])
    stored = env.world.find_message(chat.id, args["message_id"])
    if stored is None:
        raise bad_request("message with poll to stop not found")
    if "poll" not in stored.data:
        raise bad_request("message is not a poll")
    poll = env.world.polls.get(stored.data["poll"]["id"])
    if poll is None or not stored.from_bot:
        raise bad_request("poll can't be stopped")
    if poll.is_closed:
        raise bad_request("poll has already been closed")
    if "reply_markup" in args:
        stored.data["reply_markup"] = args["reply_markup"]
    await close_poll(env, poll)
    return poll.as_json()


METHODS = (send_poll, stop_poll)
