"""The services the handlers use, built once in main() and reached through a typed context.

Handlers receive a `BotContext`; `context.services` is the `Services` object built by
`build_services()` (the composition root) and attached by `bot.app.build_application`.
Domain state lives in the database, never in bot_data: bot_data only carries `Services`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ParamSpec, Protocol, TypeAlias, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session
from telegram.ext import Application, CallbackContext, ExtBot

from bot import quiz_state as _quiz_state_table  # noqa: F401
from bot.question_queue import QuestionQueue
from bot.rate_limit import RedisWindowLimiter, SlidingWindowLimiter, UserRateLimit
from bot.recent_users import RecentUsers
from core import feedback as _feedback_tables  # noqa: F401  (registers the tables)
from core import users as _user_tables  # noqa: F401
from core.db import create_tables, make_engine, once_more_if_connection_lost, session_scope
from core.idempotency import DatabaseLedger, RedisLedger, UpdateLedger
from core.redis_client import AsyncRedis, connect
from core.settings import Settings
from core.timestamps import utc_now
from quizzes import models as _quiz_tables  # noqa: F401
from quizzes.bank import load_bank, require_valid_bank
from quizzes.questions import QuestionBank
from retrieval.answer import Answer

if TYPE_CHECKING:
    from retrieval.kb_admin import KnowledgeAdmin


class Answerer(Protocol):
    """The question-answering service (retrieval.qa.QuestionAnswerer fits)."""

    def ask(self, question: str, lang: str | None = None) -> Answer:
        """Answer with citations, or refuse politely."""

    def warm_up(self) -> None:
        """Load models and indexes before the first question."""


log = logging.getLogger(__name__)
BUTTON_ALLOWANCE = 3
DB_THREADS = 15
P = ParamSpec("P")
R = TypeVar("R")


@functools.cache
def shipped_question_bank() -> QuestionBank:
    """The question bank shipped with the package, checked against the quiz-poll limits.

    Loaded once per process: it is immutable and every Services built in tests shares it.
    """
    return require_valid_bank(load_bank())


def _database_threads() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=DB_THREADS, thread_name_prefix="ruamkit-db")


def _single_thread() -> ThreadPoolExecutor:
    # One worker: the model is CPU-bound and not known to be thread-safe, so questions queue.
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="ruamkit-qa")


def _render_thread() -> ThreadPoolExecutor:
    # One drawing at a time: charts and PDFs are CPU work that competes with the model, and
    # each holds tens of MB while it draws; ten finishing officials queue instead of piling up.
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="ruamkit-render")


@dataclass
class Services:
    """Everything the handlers need; later features add their services here."""

    settings: Settings
    answerer: Answerer
    engine: Engine
    limiter: UserRateLimit
    button_limiter: UserRateLimit
    qa_pool: ThreadPoolExecutor = field(default_factory=_single_thread)
    # Database units run here, apart from other thread work (charts, exports), so a slow
    # export never queues the quiz votes; one connection each (core.db.POOL_SIZE).
    db_pool: ThreadPoolExecutor = field(default_factory=_database_threads)
    render_pool: ThreadPoolExecutor = field(default_factory=_render_thread)
    question_bank: QuestionBank = field(default_factory=shipped_question_bank)
    # The current time (aware UTC); tests swap it to move assignments' deadlines closer.
    clock: Callable[[], datetime] = field(default=utc_now)
    # Knowledge-base admin (uploads, gate, go-live), built on first use by bot.handlers.kb.
    kb_admin: KnowledgeAdmin | None = None
    # Which update ids were handled (the database unless REDIS_URL is set).
    ledger: UpdateLedger | None = None
    redis: AsyncRedis | None = None
    # Senders recorded lately: their next updates skip the database (bot.recent_users).
    recent_users: RecentUsers = field(default_factory=RecentUsers)
    _questions: QuestionQueue | None = field(default=None, init=False, repr=False)

    @property
    def admin_ids(self) -> frozenset[int]:
        """Telegram ids of the admins (ADMIN_IDS)."""
        return frozenset(self.settings.admin_ids)

    def session(self) -> AbstractContextManager[Session]:
        """A database session that commits on success."""
        return session_scope(self.engine)

    async def run_db(self, work: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Run a unit of database work in a worker thread; once more if the connection died.

        A unit runs in its own session, rolled back on error, so running it again is safe
        when the server dropped the connection under it (a restart, pg_terminate_backend).
        """
        unit = functools.partial(work, *args, **kwargs)
        return await self._in_db_thread(once_more_if_connection_lost, unit)

    async def in_session(self, work: Callable[..., R], /, **kwargs: Any) -> R:
        """One service call, `work(session=..., **kwargs)`, in its own session (see run_db)."""
        return await self.run_db(self._call_in_session, work, kwargs)

    def _call_in_session(self, work: Callable[..., R], kwargs: dict[str, Any]) -> R:
        with self.session() as session:
            return work(session=session, **kwargs)

    async def _in_db_thread(self, work: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.db_pool, functools.partial(work, *args, **kwargs))

    async def render(self, work: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """Draw a chart, a PDF or an export in the render thread (one at a time)."""
        loop = asyncio.get_running_loop()
        call = functools.partial(work, *args, **kwargs)
        return await loop.run_in_executor(self.render_pool, call)

    async def ask(self, question: str, lang: str | None) -> Answer:
        """Answer in the question thread: other chats go on meanwhile, questions batch.

        The model runs in one worker thread (it is CPU-bound and not known to be
        thread-safe); questions that arrive while it works are answered together next.
        """
        if self._questions is None:
            self._questions = QuestionQueue(self.answerer, self.qa_pool)
        return await self._questions.ask(question, lang)

    async def warm_up(self) -> None:
        """Load the model and index now rather than on the first question."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self.qa_pool, self.answerer.warm_up)

    def close(self) -> None:
        """Release the worker thread and the database connections."""
        self.qa_pool.shutdown(wait=False, cancel_futures=True)
        self.db_pool.shutdown(wait=False, cancel_futures=True)
        self.render_pool.shutdown(wait=False, cancel_futures=True)
        self.engine.dispose()

    async def aclose(self) -> None:
        """Close the Redis connections (on the loop that opened them)."""
        if self.redis is not None:
            await self.redis.aclose()


def build_services(settings: Settings, answerer: Answerer | None = None) -> Services:
    """Wire the database and the question answerer from settings (once, in main)."""
    from bot.services import build_qa

    engine = make_engine(settings.resolved_database_url)
    create_tables(engine)
    count, window = settings.rate_limit_messages, settings.rate_limit_window_s
    # Taps on buttons are cheap and come in bursts (sources, then 👍): a wider budget.
    buttons = BUTTON_ALLOWANCE * count
    redis = connect(settings.redis_url) if settings.redis_url else None
    limiter: UserRateLimit
    button_limiter: UserRateLimit
    if redis is None:
        ledger: UpdateLedger = DatabaseLedger(engine)
        limiter = SlidingWindowLimiter(count, window)
        button_limiter = SlidingWindowLimiter(buttons, window)
    else:
        ledger = RedisLedger(redis)
        bot = _bot_scope(settings)  # bots sharing one Redis keep their own counts
        limiter = RedisWindowLimiter(redis, f"{bot}:messages", count, window)
        button_limiter = RedisWindowLimiter(redis, f"{bot}:buttons", buttons, window)
    return Services(
        settings,
        answerer or build_qa(settings).answerer,
        engine,
        limiter=limiter,
        button_limiter=button_limiter,
        ledger=ledger,
        redis=redis,
    )


def _bot_scope(settings: Settings) -> str:
    """The bot's id (the digits before the token's colon), to name its shared keys."""
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    head = token.split(":", 1)[0]
    return head if head.isdigit() else "bot"


class BotData:
    """The application's bot_data: only the services, attached at build time."""

    def __init__(self) -> None:
        self.services: Services | None = None


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """PTB's callback context with typed access to the services."""

    @property
    def services(self) -> Services:
        """The services built in main()."""
        services = self.bot_data.services
        if services is None:
            raise RuntimeError("the application was built without services")
        return services


# The job queue's parameter is Any: PTB's builder types it with the default context.
RuamKitApp: TypeAlias = Application[
    ExtBot[None], BotContext, dict[Any, Any], dict[Any, Any], BotData, Any
]
