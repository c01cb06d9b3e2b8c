"""Build a new index version from documents, re-embedding only changed passages."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from core.errors import DocumentError
from knowledge import thai
from knowledge.chunking import chunk_documents
from knowledge.models import SourceDocument, content_hash
from retrieval.embeddings import Embedder
from retrieval.index import (
    LEXICAL,
    OFF_TOPIC,
    OFF_TOPIC_VECTORS,
    KnowledgeIndex,
    StoreConfig,
)
from retrieval.passages import Passage
from retrieval.questions import question_share
from retrieval.units import QUERY_VIEWS, View, units_of, views_of
from retrieval.versions import MANIFEST, VersionStore

Progress = Callable[[int, int], None]
# Leave room under the model's 512 tokens for the E5 prefix and special tokens.
TOKEN_HEADROOM = 24


@dataclass
class ReloadReport:
    """What a rebuild changed, per document, and how much embedding it cost."""

    version: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    passages: int = 0
    embedded: int = 0
    reused: int = 0
    errors: list[DocumentError] = field(default_factory=list)
    seconds: float = 0.0
    live: bool = False

    @property
    def has_changes(self) -> bool:
        """Whether the new version differs from the live one."""
        return bool(self.added or self.changed or self.removed)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {
            "version": self.version,
            "added": self.added,
            "changed": self.changed,
            "removed": self.removed,
            "unchanged": self.unchanged,
            "passages": self.passages,
            "embedded": self.embedded,
            "reused": self.reused,
            "errors": [str(e) for e in self.errors],
            "seconds": round(self.seconds, 2),
        }


def make_passages(documents: Sequence[SourceDocument], embedder: Embedder) -> list[Passage]:
    """Chunk documents to the model's token budget and number the passages."""
    max_tokens = max(64, embedder.max_tokens - TOKEN_HEADROOM)
    chunks = chunk_documents(
        list(documents), count_tokens=embedder.count_tokens, max_tokens=max_tokens
    )
    return [Passage.from_chunk(chunk, position) for position, chunk in enumerate(chunks)]


def _document_hashes(passages: Sequence[Passage], model_id: str) -> dict[str, list[str]]:
    """Per document, the ordered embedding keys of its passages (its fingerprint)."""
    fingerprints: dict[str, list[str]] = {}
    for passage in passages:
        fingerprints.setdefault(passage.doc, []).append(
            passage.embedding_key(model_id) + passage.locator.label("en")
        )
    return fingerprints


def diff_documents(
    old: Sequence[Passage],
    new: Sequence[Passage],
    model_id: str,
    extras: tuple[dict[str, str], dict[str, str]] = ({}, {}),
) -> ReloadReport:
    """Classify documents as added, changed, removed or unchanged.

    `extras` are per-document fingerprints of what is not a passage (the off-topic list),
    before and after, so a change there counts too.
    """
    before, after = _document_hashes(old, model_id), _document_hashes(new, model_id)
    for doc, fingerprint in extras[0].items():
        before.setdefault(doc, []).append(fingerprint)
    for doc, fingerprint in extras[1].items():
        after.setdefault(doc, []).append(fingerprint)
    report = ReloadReport(version="")
    report.added = sorted(set(after) - set(before))
    report.removed = sorted(set(before) - set(after))
    both = sorted(set(after) & set(before))
    report.changed = [doc for doc in both if before[doc] != after[doc]]
    report.unchanged = [doc for doc in both if before[doc] == after[doc]]
    return report


def _embed_missing(
    passages: Sequence[Passage],
    embedder: Embedder,
    cache: dict[str, NDArray[np.float32]],
    progress: Progress | None,
) -> tuple[NDArray[np.float32], int]:
    """Vectors for all passages, embedding only keys the cache lacks."""
    keys = [p.embedding_key(embedder.model_id) for p in passages]
    missing = list(dict.fromkeys(k for k in keys if k not in cache))
    texts = {p.embedding_key(embedder.model_id): p.embedding_text for p in passages}
    batch = 256  # large batches let the encoder sort by length and pad less
    for start in range(0, len(missing), batch):
        part = missing[start : start + batch]
        vectors = embedder.embed_passages([texts[k] for k in part])
        cache.update(zip(part, vectors, strict=True))
        if progress:
            progress(min(start + batch, len(missing)), len(missing))
    if not passages:
        return np.zeros((0, embedder.dimension), np.float32), 0
    return np.vstack([cache[k] for k in keys]).astype(np.float32), len(missing)


def build_version(
    *,
    versions: VersionStore,
    store: StoreConfig,
    embedder: Embedder,
    documents: Sequence[SourceDocument],
    previous: KnowledgeIndex | None,
    source: str,
    progress: Progress | None = None,
) -> ReloadReport:
    """Write a complete new version folder (not yet live) and report what changed."""
    started = time.perf_counter()
    passages = make_passages(documents, embedder)
    old = previous.passages if previous else []
    old_extras = {
        doc: meta.get("off_topic", "") for doc, meta in _previous_documents(previous).items()
    }
    new_extras = {d.doc: _extras_fingerprint(d) for d in documents}
    report = diff_documents(old, passages, embedder.model_id, (old_extras, new_extras))
    cache: dict[str, NDArray[np.float32]] = {}
    if previous is not None and previous.model_id == embedder.model_id:
        cache = {p.embedding_key(previous.model_id): previous.vectors[p.position] for p in old}
    vectors, embedded = _embed_missing(passages, embedder, cache, progress)
    units, views = units_of(documents), views_of(documents)
    view_vectors = _embed_views(views, embedder, previous)
    version = versions.new_version_name()
    folder = versions.path(version)
    folder.mkdir(parents=True)
    _write_vectors(store, folder, embedder.model_id, version, passages, vectors)
    _write_view_vectors(store, folder, embedder.model_id, version, views, view_vectors)
    _write_off_topic(folder, documents, embedder, previous)
    tokens = [thai.search_tokens(p.search_text) for p in passages]
    (folder / LEXICAL).write_text(json.dumps(tokens, ensure_ascii=False), encoding="utf-8")
    manifest = {
        "version": version,
        "model_id": embedder.model_id,
        "dimension": int(vectors.shape[1]) if len(vectors) else embedder.dimension,
        "source": source,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "documents": _document_meta(documents),
        "passages": [p.to_record() for p in passages],
        "question_share": [round(question_share(p.text), 4) for p in passages],
        "units": [u.to_record() for u in units],
        "views": [v.to_record() for v in views],
    }
    _write_json_last(folder / MANIFEST, manifest)
    report.version, report.passages = version, len(passages)
    report.embedded, report.reused = embedded, len(passages) - embedded
    report.seconds = time.perf_counter() - started
    return report


def _embed_views(
    views: Sequence[View], embedder: Embedder, previous: KnowledgeIndex | None
) -> NDArray[np.float32]:
    """Vectors of the views (questions and headings as queries, lines as passages), reused."""
    known: dict[str, NDArray[np.float32]] = {}
    if previous is not None and previous.model_id == embedder.model_id:
        known = previous.view_vectors_by_key()
    keys = [v.embedding_key(embedder.model_id) for v in views]
    missing = list(dict.fromkeys(k for k in keys if k not in known))
    by_key = {v.embedding_key(embedder.model_id): v for v in views}
    queries = [k for k in missing if by_key[k].kind in QUERY_VIEWS]
    passages = [k for k in missing if by_key[k].kind not in QUERY_VIEWS]
    if queries:
        vectors = embedder.embed_queries([by_key[k].text for k in queries])
        known.update(zip(queries, vectors, strict=True))
    if passages:
        vectors = embedder.embed_passages([by_key[k].text for k in passages])
        known.update(zip(passages, vectors, strict=True))
    if not views:
        return np.zeros((0, embedder.dimension), np.float32)
    return np.vstack([known[k] for k in keys]).astype(np.float32)


def _write_view_vectors(
    store: StoreConfig,
    folder: Path,
    model_id: str,
    version: str,
    views: Sequence[View],
    vectors: NDArray[np.float32],
) -> None:
    """Store the view vectors in the version's collection beside the passages'."""
    if not views:
        return
    collection = store.open(folder, model_id, version)
    keys = [v.embedding_key(model_id) for v in views]
    ids = [f"view:{i}:{v.unit_key}" for i, v in enumerate(views)]
    collection.add(ids, vectors, keys)


def _write_off_topic(
    folder: Path,
    documents: Sequence[SourceDocument],
    embedder: Embedder,
    previous: KnowledgeIndex | None,
) -> None:
    """Embed the documents' known off-topic texts (never cited; a refusal yardstick)."""
    texts = list(dict.fromkeys(t for d in documents for t in d.off_topic))
    known: dict[str, NDArray[np.float32]] = {}
    if previous is not None and previous.model_id == embedder.model_id:
        known = dict(zip(previous.off_topic, previous.off_topic_vectors, strict=True))
    missing = [t for t in texts if t not in known]
    if missing:
        known.update(zip(missing, embedder.embed_passages(missing), strict=True))
    vectors = np.vstack([known[t] for t in texts]) if texts else np.zeros((0, 0), np.float32)
    (folder / OFF_TOPIC).write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    np.save(folder / OFF_TOPIC_VECTORS, vectors.astype(np.float32))


def _extras_fingerprint(document: SourceDocument) -> str:
    """A short fingerprint of what a document carries besides passages ("" when nothing).

    Its off-topic list and its views (headings, questions, lines): a change to either alone,
    or to how views are made, is a change to the document, so a reload builds and publishes it.
    """
    views = [f"{v.unit_key}|{v.kind}|{v.text}" for v in views_of([document])]
    extra = "\n".join([*document.off_topic, "\u0000", *views])
    return content_hash(extra)[:16] if document.off_topic or views else ""


def _previous_documents(previous: KnowledgeIndex | None) -> dict[str, dict[str, str]]:
    """The per-document metadata the previous version recorded."""
    return dict(previous.manifest.get("documents", {})) if previous else {}


def _document_meta(documents: Sequence[SourceDocument]) -> dict[str, dict[str, str]]:
    """Titles and metadata of the indexed documents, for listings and change detection."""
    return {
        d.doc: {"title": d.title, **d.metadata, "off_topic": _extras_fingerprint(d)}
        for d in documents
    }


def _write_vectors(
    store: StoreConfig,
    folder: Path,
    model_id: str,
    version: str,
    passages: Sequence[Passage],
    vectors: NDArray[np.float32],
) -> None:
    """Put the version's vectors into its own Chroma collection."""
    collection = store.open(folder, model_id, version)
    keys = [p.embedding_key(model_id) for p in passages]
    ids = [f"{p.position}:{p.passage_id}" for p in passages]
    if ids:
        collection.add(ids, vectors, keys)


def _write_json_last(path: Path, payload: dict[str, Any]) -> None:
    """Write the manifest via a temporary file: its presence marks the version complete."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
