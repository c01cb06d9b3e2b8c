"""BotApiSandbox: a local, stateful Bot API server for PTB, people and end-to-end tests."""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from aiohttp import web

from bot.sandbox import limits
from bot.sandbox.dispatch import ApiCall, Dispatcher, check_token
from bot.sandbox.env import Env
from bot.sandbox.errors import ApiError, SandboxError, not_found
from bot.sandbox.faults import FaultPlan
from bot.sandbox.methods import all_methods
from bot.sandbox.methods.bot import commands_for
from bot.sandbox.ratelimit import RateLimiter, RateLimits
from bot.sandbox.state import StoredChat, World
from bot.sandbox.updates import UpdateQueue
from bot.sandbox.users import SimulatedGroup, SimulatedUser, make_user
from bot.sandbox.webhook import WebhookDelivery

DEFAULT_TOKEN = "123456789:AAHsandboxTOKENforRuamKitLocalTests0"
_log = logging.getLogger(__name__)


class BotApiSandbox:
    """A Bot API server on 127.0.0.1 that behaves like Telegram's for one bot.

    Point PTB at it with ``base_url=sandbox.bot_base_url`` and
    ``base_file_url=sandbox.file_base_url``; create people with :meth:`user` and
    :meth:`group`.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "ruamkit_bot",
        bot_first_name: str = "RuamKit",
        host: str = "127.0.0.1",
        port: int = 0,
        rate_limits: RateLimits | None = None,
        clock: Callable[[], float] = time.monotonic,
        callback_answer_timeout: float = limits.CALLBACK_ANSWER_TIMEOUT_S,
        webhook_retry_delays: tuple[float, ...] = (0.1, 0.5, 1.0, 2.0),
    ) -> None:
        self.token = token
        self.host = host
        self.port = port
        self._clock = clock
        bot_id = int(token.split(":", 1)[0]) if token.split(":", 1)[0].isdigit() else 1
        queue = UpdateQueue()
        self._env = Env(
            world=World(_bot_user(bot_id, bot_first_name, bot_username)),
            queue=queue,
            webhook=WebhookDelivery(queue, webhook_retry_delays),
            clock=clock,
            callback_answer_timeout=callback_answer_timeout,
        )
        self.set_rate_limits(rate_limits)
        self.faults = FaultPlan()
        self._dispatcher = Dispatcher(self._env, token, all_methods(), self.faults)
        self._runner: web.AppRunner | None = None

    async def __aenter__(self) -> BotApiSandbox:
        await self.start()
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        """Listen on ``host:port`` (port 0 picks a free one, stored back in ``port``)."""
        app = web.Application(client_max_size=limits.UPLOAD_MAX_BYTES + 10 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._dispatcher.handle)
        app.router.add_route("GET", "/file/bot{token}/{file_path:.+}", self._download)
        app.router.add_route("*", "/{tail:.*}", _not_found)
        self._runner = web.AppRunner(
            app, access_log=None, handler_cancellation=True, shutdown_timeout=1.0
        )
        await self._runner.setup()
        self._env.queue.closed = False  # a restarted sandbox long-polls again
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        _log.info("Bot API sandbox listening on %s", self.base_url)

    async def stop(self) -> None:
        """Stop serving; waiting getUpdates calls return at once."""
        self._env.queue.close()
        await self._env.webhook.close()
        await self._env.cancel_tasks()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        """The server root, e.g. ``http://127.0.0.1:41234``."""
        return f"http://{self.host}:{self.port}"

    @property
    def bot_base_url(self) -> str:
        """PTB's ``base_url``: the root plus ``/bot`` (PTB appends the token)."""
        return f"{self.base_url}/bot"

    @property
    def file_base_url(self) -> str:
        """PTB's ``base_file_url``: the root plus ``/file/bot``."""
        return f"{self.base_url}/file/bot"

    @property
    def bot_user(self) -> dict[str, Any]:
        """The bot's User object, as getMe returns it."""
        return dict(self._env.world.bot_user)

    @property
    def calls(self) -> list[ApiCall]:
        """Every Bot API call so far, oldest first."""
        return self._dispatcher.calls

    @property
    def ignored_parameters(self) -> list[tuple[str, str]]:
        """(method, parameter) pairs the bot sent that the method does not know."""
        return self._dispatcher.ignored_parameters

    @property
    def unserved_calls(self) -> list[str]:
        """Bot API methods the bot called that the sandbox does not implement (answered 501)."""
        return self._dispatcher.unserved_calls

    @property
    def updates(self) -> list[dict[str, Any]]:
        """Every update ever queued for the bot, confirmed or not."""
        return self._env.queue.delivered

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates the bot has not confirmed yet."""
        return list(self._env.queue.pending)

    @property
    def polling(self) -> bool:
        """Whether a getUpdates call is waiting in long polling right now."""
        return self._env.queue.waiting > 0

    def redeliver(self, update_id: int) -> dict[str, Any]:
        """Deliver an update again, as Telegram does when the bot died before confirming it.

        The next getUpdates without a newer offset (a restarted poller) or the webhook gets
        it again, with the same update_id.
        """
        return self._env.queue.redeliver(update_id)

    def set_rate_limits(self, rate_limits: RateLimits | None) -> None:
        """Turn Telegram's flood limits on (with these numbers) or off (None)."""
        self._env.limiter = RateLimiter(rate_limits, self._clock) if rate_limits else None

    def user(
        self,
        user_id: int,
        first_name: str = "สมชาย",
        *,
        last_name: str | None = None,
        language_code: str | None = "th",
        username: str | None = None,
    ) -> SimulatedUser:
        """A person in a private chat with the bot (the chat id equals the user id)."""
        if user_id <= 0:
            raise SandboxError("user ids are positive")
        user = make_user(user_id, first_name, last_name, username, language_code)
        chat = self._env.world.chats.get(user_id)
        if chat is None:
            chat = StoredChat(
                user_id,
                "private",
                first_name=first_name,
                last_name=last_name,
                username=username,
                chat_instance=_chat_instance(),
            )
            self._env.world.chats[user_id] = chat
        self._env.world.users[user_id] = user
        return SimulatedUser(self._env, user, chat)

    def group(
        self,
        chat_id: int,
        title: str = "กลุ่มทดสอบ",
        *,
        supergroup: bool = False,
        privacy_mode: bool = True,
        username: str | None = None,
    ) -> SimulatedGroup:
        """A group the bot is a member of; ``member()`` gives the people posting in it."""
        if chat_id >= 0:
            raise SandboxError("group chat ids are negative")
        chat = self._env.world.chats.get(chat_id)
        if chat is None:
            kind = "supergroup" if supergroup else "group"
            chat = StoredChat(
                chat_id,
                kind,
                title=title,
                username=username,
                privacy_mode=privacy_mode,
                chat_instance=_chat_instance(),
            )
            self._env.world.chats[chat_id] = chat
        return SimulatedGroup(self._env, chat)

    def commands_for(self, chat_id: int, language_code: str = "") -> list[dict[str, str]]:
        """The command menu a client would show in this private chat."""
        return commands_for(self._env, chat_id, language_code)

    async def _download(self, request: web.Request) -> web.StreamResponse:
        try:
            check_token(request.match_info["token"], self.token)
            stored = self._env.world.files.by_path(request.match_info["file_path"])
            if stored is None:
                raise not_found()
        except ApiError as error:
            return web.json_response(error.as_json(), status=error.status)
        content_type = stored.mime_type or "application/octet-stream"
        return web.Response(body=stored.data, content_type=content_type)


async def _not_found(request: web.Request) -> web.StreamResponse:
    return web.json_response(not_found().as_json(), status=404)


def _bot_user(bot_id: int, first_name: str, username: str) -> dict[str, Any]:
    return {
        "id": bot_id,
        "is_bot": True,
        "first_name": first_name,
        "username": username,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def _chat_instance() -> str:
    return str(secrets.randbelow(2**63))
