"""Questions queue for the one model thread; each round answers every question that waited."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from typing import Protocol

from retrieval.answer import Answer

log = logging.getLogger(__name__)

# One CPU batch of 8-16 questions costs about what 3-4 cost one by one (docs/benchmarks.md);
# larger batches pad to their longest question and gain nothing more.
MAX_BATCH = 16

Request = tuple[str, str | None]


class Answers(Protocol):
    """What the queue needs of the answerer: one question (and optionally many at once)."""

    def ask(self, question: str, lang: str | None = None) -> Answer:
        """Answer one question."""


def answer_batch(answerer: Answers, requests: Sequence[Request]) -> list[Answer | Exception]:
    """Answers in request order; an answerer without `ask_many` answers one by one."""
    ask_many: Callable[[Sequence[Request]], list[Answer | Exception]] | None = getattr(
        answerer, "ask_many", None
    )
    if ask_many is not None and len(requests) > 1:
        return ask_many(requests)
    answers: list[Answer | Exception] = []
    for question, lang in requests:
        try:
            answers.append(answerer.ask(question, lang))
        except Exception as error:
            answers.append(error)
    return answers


class QuestionQueue:
    """Natural batching: no waiting when idle; while a round runs, new questions gather.

    A question asked when the model is free is answered at once (a batch of one); questions
    that arrive while it is busy are answered together in the next round, so a busy bot
    answers more questions per second instead of queueing them one by one.
    """

    def __init__(self, answerer: Answers, executor: Executor, max_batch: int = MAX_BATCH):
        self._answerer = answerer
        self._executor = executor
        self._max_batch = max_batch
        self._waiting: list[tuple[Request, asyncio.Future[Answer]]] = []
        self._rounds: asyncio.Task[None] | None = None

    async def ask(self, question: str, lang: str | None) -> Answer:
        """The answer to one question, once its round has run."""
        future: asyncio.Future[Answer] = asyncio.get_running_loop().create_future()
        self._waiting.append(((question, lang), future))
        if self._rounds is not None and self._rounds.get_loop() is not future.get_loop():
            # a new event loop (a restarted application): what waited on the old one is gone
            self._waiting = [item for item in self._waiting if item[1] is future]
            self._rounds = None
        if self._rounds is None or self._rounds.done():
            self._rounds = asyncio.create_task(self._run_rounds())
        return await future

    async def _run_rounds(self) -> None:
        """Answer what waits, a batch at a time, until nothing does."""
        loop = asyncio.get_running_loop()
        batch: list[tuple[Request, asyncio.Future[Answer]]] = []
        try:
            while self._waiting:
                batch = self._waiting[: self._max_batch]
                del self._waiting[: self._max_batch]
                requests = [request for request, _ in batch]
                try:
                    answers = await loop.run_in_executor(
                        self._executor, answer_batch, self._answerer, requests
                    )
                except Exception as error:
                    answers = [error] * len(batch)
                _settle(batch, answers)
                batch = []
        except asyncio.CancelledError:  # shutting down: nobody waits forever
            for _, future in batch + self._waiting:
                future.cancel()
            self._waiting.clear()
            raise


def _settle(
    batch: Sequence[tuple[Request, asyncio.Future[Answer]]], answers: Sequence[Answer | Exception]
) -> None:
    """Hand each waiting handler its answer or its error."""
    for (_, future), answer in zip(batch, answers, strict=True):
        if future.done():  # its handler was cancelled meanwhile
            continue
        if isinstance(answer, Exception):
            future.set_exception(answer)
        else:
            future.set_result(answer)
