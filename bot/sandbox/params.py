"""Declared method parameters and the conversion of raw request values into typed ones.

Telegram accepts every parameter as a query string, form field, multipart part or JSON
member; non-string values arrive JSON-encoded when they come as text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from bot.sandbox.errors import ApiError, bad_request

Kind = Literal["str", "int", "float", "bool", "chat", "json", "file"]
KINDS: frozenset[str] = frozenset({"str", "int", "float", "bool", "chat", "json", "file"})


@dataclass(frozen=True)
class InputFile:
    """A file that arrived as a multipart part."""

    data: bytes
    filename: str | None
    content_type: str | None


@dataclass(frozen=True)
class Param:
    """One declared parameter: name, value kind and whether Telegram requires it."""

    name: str
    kind: Kind
    required: bool = False


def declare(*specs: str) -> tuple[Param, ...]:
    """Build parameters from ``"name:kind"`` strings; a trailing ``!`` marks required ones."""
    params = []
    for spec in specs:
        name, _, kind = spec.partition(":")
        required = kind.endswith("!")
        kind = kind.removesuffix("!")
        if kind not in KINDS:
            raise ValueError(f"unknown parameter kind {kind!r} in {spec!r}")
        params.append(Param(name, kind, required))  # type: ignore[arg-type]
    return tuple(params)


# Telegram's own wording when some required parameters are missing; the rest use the generic one.
MISSING_TEXTS: dict[str, str] = {
    "chat_id": "chat_id is empty",
    "text": "message text is empty",
    "message_id": "message identifier is not specified",
    "question": "poll question must be non-empty",
    "options": "poll must have at least 1 option",
    "callback_query_id": "query is too old and response timeout expired or query ID is invalid",
}


def missing(name: str) -> ApiError:
    """The 400 reply for a required parameter that was not sent."""
    return bad_request(MISSING_TEXTS.get(name, f'parameter "{name}" is required'))


def convert(params: tuple[Param, ...], raw: Mapping[str, Any]) -> dict[str, Any]:
    """Typed values for the declared parameters present in ``raw``; raises on bad or missing."""
    values: dict[str, Any] = {}
    for param in params:
        value = raw.get(param.name)
        if value is None or value == "":
            if param.required:
                raise missing(param.name)
            continue
        values[param.name] = _convert_one(param, value, raw)
    return values


def _convert_one(param: Param, value: Any, raw: Mapping[str, Any]) -> Any:
    if param.kind == "file":
        return _to_file(value, raw)
    if isinstance(value, InputFile):
        raise bad_request(f'parameter "{param.name}" must not be a file')
    converter = _CONVERTERS[param.kind]
    try:
        return converter(value)
    except (ValueError, TypeError):
        raise _unparsable(param) from None


def _unparsable(param: Param) -> ApiError:
    if param.name == "reply_markup":
        return bad_request("can't parse reply keyboard markup JSON object")
    if param.kind == "json":
        return bad_request(f"can't parse {param.name} JSON object")
    if param.name == "chat_id":
        return bad_request("chat not found")
    return bad_request(f'invalid value of parameter "{param.name}"')


def _to_str(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    raise TypeError("not a string")


def _to_int(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return int(value.strip())
    raise TypeError("not an integer")


def _to_float(value: Any) -> float:
    if isinstance(value, bool):
        raise TypeError("not a number")
    return float(value)


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in {"true", "1"}:
        return True
    if text in {"false", "0"}:
        return False
    raise ValueError("not a boolean")


def _to_chat(value: Any) -> int | str:
    if isinstance(value, bool):
        raise TypeError("not a chat id")
    if isinstance(value, int):
        return value
    text = str(value).strip()
    if text.startswith("@"):
        return text
    return int(text)


def _to_json(value: Any) -> Any:
    if isinstance(value, dict | list):
        return value
    if isinstance(value, str):
        decoded = json.loads(value)
        if isinstance(decoded, dict | list):
            return decoded
    raise ValueError("not a JSON object or array")


def _to_file(value: Any, raw: Mapping[str, Any]) -> InputFile | str:
    if isinstance(value, InputFile):
        return value
    text = str(value)
    if text.startswith("attach://"):
        attached = raw.get(text.removeprefix("attach://"))
        if isinstance(attached, InputFile):
            return attached
        raise bad_request("wrong remote file identifier specified: can't find attached file")
    return text


_CONVERTERS = {
    "str": _to_str,
    "int": _to_int,
    "float": _to_float,
    "bool": _to_bool,
    "chat": _to_chat,
    "json": _to_json,
}
