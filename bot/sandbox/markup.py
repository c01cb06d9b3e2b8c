"""Validation of reply_markup: inline keyboards (kept on the message) and reply keyboards."""

from __future__ import annotations

import re
from typing import Any

from bot.sandbox import limits
from bot.sandbox.errors import BUTTON_DATA_INVALID, BUTTON_URL_INVALID, bad_request

_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_URL = re.compile(r"^(?:https?://[^\s/$.?#][^\s]*|tg://\S+)$", re.IGNORECASE)
_TEXT_BUTTONS = "Text buttons are unallowed in the inline keyboard"


def check_reply_markup(markup: Any, *, inline_only: bool = False) -> dict[str, Any]:
    """Return the markup if Telegram would accept it, else raise its 400 error."""
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        check_inline_keyboard(markup["inline_keyboard"])
        return markup
    if inline_only:
        raise bad_request("inline keyboard expected")
    if "keyboard" in markup:
        _check_reply_keyboard(markup["keyboard"])
    elif not (markup.get("remove_keyboard") or markup.get("force_reply")):
        raise bad_request("can't parse reply keyboard markup JSON object")
    return markup


def check_inline_keyboard(rows: Any) -> None:
    """Every row a list of buttons; each button has text and exactly one valid action."""
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'can\'t parse inline keyboard button: field "inline_keyboard" '
            "must be an Array of Arrays"
        )
    buttons = [button for row in rows for button in row]
    if len(buttons) > limits.INLINE_KEYBOARD_BUTTONS_MAX:
        raise bad_request("reply markup is too long")
    for button in buttons:
        _check_inline_button(button)


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict) or not isinstance(button.get("text"), str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    actions = [name for name in _ACTIONS if name in button]
    if not actions:
        raise bad_request(f"can't parse inline keyboard button: {_TEXT_BUTTONS}")
    if not button["text"].strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    if "callback_data" in button:
        data = button["callback_data"]
        size = len(data.encode("utf-8")) if isinstance(data, str) else 0
        if not limits.CALLBACK_DATA_MIN_BYTES <= size <= limits.CALLBACK_DATA_MAX_BYTES:
            raise bad_request(BUTTON_DATA_INVALID)
    if "url" in button and not (isinstance(button["url"], str) and _URL.match(button["url"])):
        raise bad_request(BUTTON_URL_INVALID)


def _check_reply_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'can\'t parse keyboard button: field "keyboard" must be an Array of Arrays'
        )
    for button in (button for row in rows for button in row):
        text = button if isinstance(button, str) else (button or {}).get("text")
        if not isinstance(text, str) or not text:
            raise bad_request('can\'t parse keyboard button: Field "text" must be of type String')


def inline_buttons(markup: dict[str, Any] | None) -> list[list[dict[str, Any]]]:
    """The inline keyboard rows of a stored markup (empty when there is none)."""
    if not markup:
        return []
    rows = markup.get("inline_keyboard") or []
    return [list(row) for row in rows]


def reply_keyboard_texts(markup: dict[str, Any] | None) -> list[list[str]]:
    """The texts of a reply keyboard's buttons, row by row."""
    if not markup or "keyboard" not in markup:
        return []
    return [[b if isinstance(b, str) else b["text"] for b in row] for row in markup["keyboard"]]
