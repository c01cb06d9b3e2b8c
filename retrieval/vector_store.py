"""Chroma as the vector store (the only module importing chromadb)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import chromadb
import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.config import Settings as ChromaSettings
from chromadb.utils.embedding_functions import register_embedding_function
from numpy.typing import NDArray

from core.errors import IndexError_

_BATCH = 2000


@register_embedding_function
class PrecomputedEmbeddings(EmbeddingFunction[Documents]):
    """Marks collections whose vectors RuamKit computes itself.

    Passing it stops Chroma from falling back to its default ONNX model, which it would
    try to download; calling it is a programming error.
    """

    def __init__(self, model_id: str = "") -> None:
        self.model_id = model_id

    def __call__(self, input: Documents) -> Embeddings:
        """Refuse: RuamKit always passes embeddings explicitly."""
        raise IndexError_("RuamKit passes precomputed embeddings; Chroma must not embed text")

    @staticmethod
    def name() -> str:
        """Registry name used when a persisted collection is reopened."""
        return "ruamkit-precomputed"

    def get_config(self) -> dict[str, Any]:
        """Serialisable config (the model id, for humans inspecting the store)."""
        return {"model_id": self.model_id}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> PrecomputedEmbeddings:
        """Rebuild from a persisted config."""
        return PrecomputedEmbeddings(str(config.get("model_id", "")))

    def default_space(self) -> str:  # type: ignore[override]
        """Vectors are unit length: cosine."""
        return "cosine"


def collection_name(model_id: str, version: str) -> str:
    """A valid Chroma collection name for one model and one index version."""
    slug = re.sub(r"[^a-zA-Z0-9_-]+", "-", model_id).strip("-_")[:40] or "model"
    return f"{slug}--{version}"[:63]


def make_client(*, path: Path | None, host: str | None = None, port: int = 8000) -> Any:
    """An embedded client on `path`, or an HTTP client when a server host is configured."""
    settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if host:
        return chromadb.HttpClient(host=host, port=port, settings=settings)
    if path is None:
        raise IndexError_("an embedded Chroma store needs a path")
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=settings)


class ChromaVectorStore:
    """One collection of unit vectors with passage ids; exact enough at lecture scale."""

    def __init__(self, client: Any, name: str, model_id: str) -> None:
        self._client = client
        self.name = name
        self._collection = client.get_or_create_collection(
            name=name,
            embedding_function=PrecomputedEmbeddings(model_id),
            configuration={"hnsw": {"space": "cosine", "ef_search": 200}},
        )

    def add(self, ids: Sequence[str], vectors: NDArray[np.float32], hashes: Sequence[str]) -> None:
        """Store vectors under passage ids, with the content hash as metadata."""
        for start in range(0, len(ids), _BATCH):
            end = start + _BATCH
            self._collection.add(
                ids=list(ids[start:end]),
                embeddings=vectors[start:end],
                metadatas=[{"hash": h} for h in hashes[start:end]],
            )

    def count(self) -> int:
        """Number of stored vectors."""
        return int(self._collection.count())

    def vectors_by_hash(self) -> dict[str, NDArray[np.float32]]:
        """Every stored vector keyed by content hash (to reuse on an incremental reload)."""
        found: dict[str, NDArray[np.float32]] = {}
        total = self.count()
        for offset in range(0, total, _BATCH):
            batch = self._collection.get(
                include=["embeddings", "metadatas"], limit=_BATCH, offset=offset
            )
            for meta, vector in zip(batch["metadatas"], batch["embeddings"], strict=True):
                found[str(meta["hash"])] = np.asarray(vector, dtype=np.float32)
        return found

    def query(self, vector: NDArray[np.float32], k: int) -> list[tuple[str, float]]:
        """The k nearest passages as (id, cosine similarity), best first."""
        k = min(k, self.count())
        if k <= 0:
            return []
        result = self._collection.query(
            query_embeddings=vector.reshape(1, -1), n_results=k, include=["distances"]
        )
        ids, distances = result["ids"][0], result["distances"][0]
        return [(pid, 1.0 - float(d)) for pid, d in zip(ids, distances, strict=True)]

    def drop(self) -> None:
        """Delete the collection."""
        self._client.delete_collection(self.name)
