"""Deterministic fakes at the I/O boundary (only what cannot or need not run for real)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray


class HashEmbedder:
    """Character-trigram hashing embedder: similar texts get similar unit vectors.

    Counts how many passages it embedded, so tests can prove incremental reloads.
    """

    model_id = "test/hash-trigram"
    dimension = 256
    max_tokens = 512

    def __init__(self, delay_s: float = 0.0) -> None:
        self.embedded = 0
        self.delay_s = delay_s

    def _vector(self, text: str) -> NDArray[np.float32]:
        vector = np.zeros(self.dimension, dtype=np.float32)
        squashed = "".join(text.split())
        for i in range(max(len(squashed) - 2, 1)):
            gram = squashed[i : i + 3].encode("utf-8")
            vector[int(hashlib.md5(gram).hexdigest(), 16) % self.dimension] += 1.0
        norm = float(np.linalg.norm(vector)) or 1.0
        return vector / norm

    def embed_passages(
        self, texts: Sequence[str], *, batch_size: int = 32, show_progress: bool = False
    ) -> NDArray[np.float32]:
        self.embedded += len(texts)
        if self.delay_s:
            time.sleep(self.delay_s * len(texts))
        return np.vstack([self._vector(t) for t in texts]) if texts else np.zeros((0, 256))

    def embed_queries(self, texts: Sequence[str]) -> NDArray[np.float32]:
        return np.vstack([self._vector(t) for t in texts])

    def count_tokens(self, text: str) -> int:
        return len(text) // 3 + 2


class ManualClock:
    """A monotonic clock that moves only when a test sets `now`."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now
