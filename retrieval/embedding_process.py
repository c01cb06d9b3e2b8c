"""An Embedder whose model runs in a child process, for a serving bot.

In one process the model thread gives up the GIL around every tensor operation and has to
win it back from the event loop and the database threads; under load a batch of questions
then took three times as long as alone. In its own process the model never waits on the
bot's Python, and the bot never waits on the model's. The child is started on first use,
answers one request at a time over a pipe, and is started again when it dies (the request
that was in flight goes once more, to the new child).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import SpawnProcess
from typing import Any

import numpy as np
from numpy.typing import NDArray

from core import memory
from core.errors import EmbeddingModelError
from core.settings import Settings

log = logging.getLogger(__name__)

STOP_WAIT_S = 5.0
TRIM_EVERY_S = 60.0


@dataclass(frozen=True)
class _Child:
    """A running model process and our end of its pipe."""

    process: SpawnProcess
    pipe: Connection


class ProcessEmbedder:
    """The configured model (`load_embedder`) in a child process, behind the Embedder protocol."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()  # one request on the pipe at a time
        self._child: _Child | None = None
        with self._lock:
            meta = self._ensure_child_locked()
        self.model_id: str = meta["model_id"]
        self.dimension: int = meta["dimension"]
        self.max_tokens: int = meta["max_tokens"]

    @property
    def pid(self) -> int | None:
        """The model process's id (None before it started or after `close`)."""
        return self._child.process.pid if self._child else None

    def embed_passages(
        self, texts: Sequence[str], *, batch_size: int = 32, show_progress: bool = False
    ) -> NDArray[np.float32]:
        """One unit-norm row per passage (progress bars stay in-process only)."""
        return np.asarray(self._call("passages", list(texts), batch_size), dtype=np.float32)

    def embed_queries(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """One unit-norm row per question."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.asarray(self._call("queries", list(texts)), dtype=np.float32)

    def count_tokens(self, text: str) -> int:
        """Tokens the model sees for `text` as a passage."""
        return int(self._call("count", text))

    def close(self) -> None:
        """Stop the model process."""
        with self._lock:
            child, self._child = self._child, None
        if child is not None:
            _stop(child)

    def _call(self, operation: str, *args: Any) -> Any:
        with self._lock:
            try:
                status, value = self._request_locked(operation, args)
            except EmbeddingModelError:
                # Embedding has no side effects: a request the dead child never answered
                # goes once to a fresh child, so a crash costs a restart, not an answer.
                log.warning("the model process stopped; starting a new one")
                status, value = self._request_locked(operation, args)
        if status != "ok":
            raise EmbeddingModelError(str(value))
        return value

    def _request_locked(self, operation: str, args: tuple[Any, ...]) -> tuple[str, Any]:
        """One request and its reply; a dead child is replaced first, or reported."""
        if self._child is None or not self._child.process.is_alive():
            self._ensure_child_locked()
        child = self._child
        assert child is not None
        try:
            child.pipe.send((operation, args))
            status, value = child.pipe.recv()
        except (EOFError, OSError) as error:  # the child died mid-request
            self._child = None
            _stop(child)
            raise EmbeddingModelError(f"the model process stopped: {error!r}") from error
        return status, value

    def _ensure_child_locked(self) -> dict[str, Any]:
        """Start the child, wait until its model is loaded; its description of the model."""
        if self._child is not None:
            _stop(self._child)
            self._child = None
        context = multiprocessing.get_context("spawn")  # no fork: the parent has threads
        ours, theirs = context.Pipe()
        process = context.Process(
            target=serve, args=(self._settings, theirs), name="ruamkit-model", daemon=True
        )
        process.start()
        theirs.close()
        child = _Child(process, ours)
        try:
            status, value = ours.recv()
        except (EOFError, OSError) as error:
            _stop(child)
            raise EmbeddingModelError("the model process could not start") from error
        if status != "ok":
            _stop(child)
            raise EmbeddingModelError(str(value))
        self._child = child
        log.info("embedding model running in process %s", process.pid)
        return dict(value)


def _stop(child: _Child) -> None:
    """Ask the child to stop, then make sure it has."""
    with contextlib.suppress(OSError, ValueError):
        child.pipe.send(("stop", ()))
    child.process.join(STOP_WAIT_S)
    if child.process.is_alive():
        child.process.kill()
        child.process.join(STOP_WAIT_S)
    child.pipe.close()


def serve(settings: Settings, pipe: Connection) -> None:
    """The child's loop: load the model, then answer requests until told to stop."""
    from retrieval.embeddings import load_embedder  # BLAS threads: inherited environment

    memory.limit_arenas()
    try:
        embedder = load_embedder(settings)
    except Exception as error:  # reported to the parent, which raises it there
        pipe.send(("error", f"{error.__class__.__name__}: {error}"))
        return
    meta = {
        "model_id": embedder.model_id,
        "dimension": embedder.dimension,
        "max_tokens": embedder.max_tokens,
    }
    pipe.send(("ok", meta))
    operations: dict[str, Callable[..., Any]] = {
        "queries": embedder.embed_queries,
        "passages": lambda texts, size: embedder.embed_passages(texts, batch_size=size),
        "count": embedder.count_tokens,
    }
    trimmed = time.monotonic()
    while True:
        if time.monotonic() - trimmed > TRIM_EVERY_S:  # batches of many sizes fragment the heap
            memory.release_free_memory()
            trimmed = time.monotonic()
        try:
            operation, args = pipe.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if operation == "stop":
            return
        try:
            pipe.send(("ok", operations[operation](*args)))
        except Exception as error:  # one bad request fails alone; the model stays up
            pipe.send(("error", f"{error.__class__.__name__}: {error}"))
