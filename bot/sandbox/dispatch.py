"""From an HTTP request to a Bot API reply: token, method, parameters, faults and limits."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from dataclasses import dataclass
from typing import Any

from aiohttp import BodyPartReader, web

from bot.sandbox.catalog import BOT_API_METHODS
from bot.sandbox.env import Env
from bot.sandbox.errors import ApiError, bad_request, not_found, unauthorized
from bot.sandbox.faults import HTML_STATUSES, DroppedConnection, FaultPlan
from bot.sandbox.methods import Method, Reply
from bot.sandbox.methods.common import find_chat
from bot.sandbox.params import InputFile, convert
from bot.sandbox.ratelimit import COUNTED_METHODS

TOKEN_FORMAT = re.compile(r"^[0-9]{1,20}:[A-Za-z0-9_-]{1,100}$")
_log = logging.getLogger(__name__)
_NGINX_PAGE = (
    "<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n"
    "<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n"
    "</body>\r\n</html>\r\n"
)


@dataclass
class ApiCall:
    """One request the bot made, as the sandbox saw and answered it."""

    method: str
    params: dict[str, Any]
    status: int
    reply: dict[str, Any] | None


def check_token(token: str, expected: str) -> None:
    """404 for a malformed token, 401 for a well-formed wrong one (as Telegram answers)."""
    if not TOKEN_FORMAT.match(token):
        raise not_found()
    if token != expected:
        raise unauthorized()


async def read_raw(request: web.Request) -> dict[str, Any]:
    """Parameters from the query string and a form, multipart or JSON body."""
    raw: dict[str, Any] = dict(request.query)
    kind = request.content_type
    if kind == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON object") from None
        if isinstance(body, dict):
            raw.update(body)
    elif kind == "multipart/form-data":
        raw.update(await _read_multipart(request))
    elif kind == "application/x-www-form-urlencoded":
        raw.update(await request.post())
    return raw


async def _read_multipart(request: web.Request) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if not isinstance(part, BodyPartReader) or not part.name:
            continue
        if part.filename is not None:
            content_type = part.headers.get("Content-Type")
            fields[part.name] = InputFile(bytes(await part.read()), part.filename, content_type)
        else:
            fields[part.name] = await part.text()
    return fields


class Dispatcher:
    """Runs Bot API calls for one sandbox and keeps a log of them."""

    def __init__(self, env: Env, token: str, methods: dict[str, Method], faults: FaultPlan):
        self.env, self.token, self.methods, self.faults = env, token, methods, faults
        self.calls: list[ApiCall] = []
        self.ignored_parameters: list[tuple[str, str]] = []
        self.unserved_calls: list[str] = []

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Answer ``/bot<token>/<method>``."""
        name, raw = request.match_info["method"], {}
        try:
            check_token(request.match_info["token"], self.token)
            method = self.methods.get(name.lower())
            if method is None:
                raise self._unserved(name)
            name, raw = method.name, await read_raw(request)
            reply: dict[str, Any] = {"ok": True, **_result(await self._call(method, raw))}
            status = 200
        except ApiError as error:
            reply, status = error.as_json(), error.status
        except DroppedConnection as dropped:
            self.calls.append(ApiCall(name, _loggable(raw), 0, None))
            return _drop(request, dropped)
        except Exception as error:  # a sandbox bug: say so instead of a bare 500 page
            _log.exception("sandbox: %s failed", name)
            reply = ApiError(500, f"Internal Server Error: sandbox bug: {error!r}").as_json()
            status = 500
        self.calls.append(ApiCall(name, _loggable(raw), status, reply))
        if status in HTML_STATUSES:
            page = _NGINX_PAGE.format(status=status, reason=reply.get("description", ""))
            return web.Response(status=status, text=page, content_type="text/html")
        return web.json_response(reply, status=status, dumps=_dumps)

    def _unserved(self, name: str) -> ApiError:
        # PTB reads a 404 as InvalidToken; a real method the sandbox lacks says so plainly.
        known = {m.lower(): m for m in BOT_API_METHODS}
        if name.lower() not in known:
            return not_found()
        self.unserved_calls.append(known[name.lower()])
        _log.warning("sandbox: the bot called %s, which the sandbox does not serve", name)
        return ApiError(501, f"Not Implemented: the Bot API sandbox does not serve {name} yet")

    async def _call(self, method: Method, raw: dict[str, Any]) -> Any:
        fault = self.faults.take(method.name)
        if fault is not None:
            if fault.delay:
                await asyncio.sleep(fault.delay)
            error = fault.error()
            if error is not None:
                raise error
            if fault.drop == "before":
                raise DroppedConnection(after=False)
        args = convert(method.accepted, raw)
        self._note_ignored(method, raw)
        self._limit_rate(method, args)
        result = await method.handler(self.env, args)
        if fault is not None and fault.drop == "after":
            raise DroppedConnection(after=True)
        return result

    def _note_ignored(self, method: Method, raw: dict[str, Any]) -> None:
        # Telegram silently ignores unknown parameters; the sandbox records them for tests.
        known = {param.name for param in method.accepted}
        attached = {v.removeprefix("attach://") for v in raw.values() if _is_attach(v)}
        for name in raw:
            if name not in known and name not in attached:
                self.ignored_parameters.append((method.name, name))
                _log.warning("sandbox: %s ignores unknown parameter %r", method.name, name)

    def _limit_rate(self, method: Method, args: dict[str, Any]) -> None:
        limiter = self.env.limiter
        if limiter is None or method.name.lower() not in COUNTED_METHODS:
            return
        try:
            chat = find_chat(self.env, args["chat_id"])
        except ApiError:
            return  # the handler answers "chat not found"
        limiter.check(chat.id, chat.type != "private")


def _result(value: Any) -> dict[str, Any]:
    if isinstance(value, Reply):
        return {"result": value.result, "description": value.description}
    return {"result": value}


def _is_attach(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("attach://")


def _loggable(raw: dict[str, Any]) -> dict[str, Any]:
    return {
        key: f"<file {value.filename!r}, {len(value.data)} bytes>"
        if isinstance(value, InputFile)
        else value
        for key, value in raw.items()
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _drop(request: web.Request, dropped: DroppedConnection) -> web.StreamResponse:
    """Close the client's connection without a reply, as a failing proxy would."""
    _log.info("sandbox: connection dropped %s the call", "after" if dropped.after else "before")
    if request.transport is not None:
        request.transport.abort()
    return web.Response(status=500)
