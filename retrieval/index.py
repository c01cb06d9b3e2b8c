"""A loaded index version: passages, their vectors (from Chroma) and a BM25 index."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from core.errors import IndexError_
from knowledge import thai
from retrieval.glossary import bilingual_pairs
from retrieval.keyword import BM25Index, char_trigrams, with_bigrams
from retrieval.passages import Passage
from retrieval.questions import question_share
from retrieval.unit_classifier import CLASSIFIER_VIEWS, UnitClassifier, fit_unit_classifier
from retrieval.units import Unit, View
from retrieval.vector_store import ChromaVectorStore, collection_name, make_client
from retrieval.versions import MANIFEST

LEXICAL = "lexical.json"
OFF_TOPIC = "off_topic.json"
OFF_TOPIC_VECTORS = "off_topic.npy"
# Words that name participation levels (the IAP2 spectrum the lecture teaches, Thai and
# English); a unit with this many of them lays the levels out in full.
LEVEL_NAMES = ("inform", "consult", "involve", "collaborate", "empower")
LEVEL_WORDS = re.compile(rf"ระดับ|\b(?:levels?|{'|'.join(LEVEL_NAMES)})\b", re.I)
LEVEL_WORDS_FULL = 5.0


def level_shares(units: list[Unit], lecture_docs: frozenset[str]) -> NDArray[np.float32]:
    """Per unit, its level words over LEVEL_WORDS_FULL (at most 1); 0 outside lectures.

    The levels are the lecture's own taxonomy: an uploaded document that says "level" or
    "information" often must not draw, or be answered for, "which level is our practice?".
    """
    counts = [
        len(LEVEL_WORDS.findall(f"{u.heading} {u.plain}")) if u.doc in lecture_docs else 0
        for u in units
    ]
    shares: NDArray[np.float32] = np.minimum(
        np.asarray(counts, dtype=np.float32) / LEVEL_WORDS_FULL, 1.0
    ).astype(np.float32)
    return shares


def names_every_level(unit: Unit) -> bool:
    """Whether a unit lays out the whole ladder: all five level names appear in it."""
    words = set(re.findall(r"[a-z]+", f"{unit.heading} {unit.plain}".lower()))
    return all(name in words for name in LEVEL_NAMES)


@dataclass(frozen=True)
class StoreConfig:
    """Where vectors live: embedded Chroma under the version folder, or a Chroma server."""

    host: str | None = None
    port: int = 8000

    def open(self, version_dir: Path, model_id: str, version: str) -> ChromaVectorStore:
        """Open (or create) the collection of one version."""
        path = None if self.host else version_dir / "chroma"
        client = make_client(path=path, host=self.host, port=self.port)
        return ChromaVectorStore(client, collection_name(model_id, version), model_id)


def _units(manifest: dict[str, Any], passages: list[Passage]) -> list[Unit]:
    """The manifest's units; an older version without them gets units joined from passages."""
    stored = manifest.get("units")
    if stored:
        return [Unit.from_record(r) for r in stored]
    joined: dict[str, Unit] = {}
    for p in passages:
        found = joined.get(p.unit_key)
        text = f"{found.text}\n{p.text}" if found else p.text
        joined[p.unit_key] = Unit(p.unit_key, p.doc, p.title, p.unit, p.number, p.heading, text)
    return list(joined.values())


def _off_topic(version_dir: Path) -> tuple[list[str], NDArray[np.float32]] | None:
    """Known off-topic texts and their vectors, when the version has any."""
    if not (version_dir / OFF_TOPIC).is_file():
        return None
    texts = json.loads((version_dir / OFF_TOPIC).read_text(encoding="utf-8"))
    vectors = np.load(version_dir / OFF_TOPIC_VECTORS).astype(np.float32)
    return texts, vectors


class KnowledgeIndex:
    """One complete, read-only index version, held in memory for fast queries."""

    def __init__(
        self,
        version: str,
        model_id: str,
        passages: list[Passage],
        vectors: NDArray[np.float32],
        lexical_tokens: list[list[str]],
        manifest: dict[str, Any],
        off_topic: tuple[list[str], NDArray[np.float32]] | None = None,
        view_vectors: NDArray[np.float32] | None = None,
    ) -> None:
        self.version = version
        self.model_id = model_id
        self.passages = passages
        self.vectors = vectors
        self.bm25 = BM25Index([with_bigrams(tokens) for tokens in lexical_tokens])
        self.manifest = manifest
        self.off_topic, self.off_topic_vectors = off_topic or ([], np.zeros((0, 0), np.float32))
        self.units = _units(manifest, passages)
        self.unit_position = {unit.key: i for i, unit in enumerate(self.units)}
        self.views = [View.from_record(r) for r in manifest.get("views", [])]
        self.views = [v for v in self.views if v.unit_key in self.unit_position]
        dim = vectors.shape[1] if vectors.ndim == 2 else 0
        self.view_vectors = (
            view_vectors if view_vectors is not None else np.zeros((0, dim), np.float32)
        )
        self.passage_unit = np.array(
            [self.unit_position[p.unit_key] for p in passages], dtype=np.int64
        )
        self.view_unit = np.array(
            [self.unit_position[v.unit_key] for v in self.views], dtype=np.int64
        )
        self.view_kinds = np.array([v.kind for v in self.views], dtype=object)
        # Each unit's and each view's document, for per-document signals and the agenda cap.
        self.unit_docs = np.array([u.doc for u in self.units], dtype=str)
        self.view_docs = self.unit_docs[self.view_unit] if len(self.views) else self.unit_docs[:0]
        self.view_terms = [with_bigrams(thai.search_tokens(v.text)) for v in self.views]
        self.view_bm25 = BM25Index(self.view_terms)

    @classmethod
    def load(cls, version_dir: Path, store: StoreConfig) -> KnowledgeIndex:
        """Read a version folder; vectors come from its Chroma collection."""
        manifest = json.loads((version_dir / MANIFEST).read_text(encoding="utf-8"))
        passages = [Passage.from_record(r) for r in manifest["passages"]]
        tokens = json.loads((version_dir / LEXICAL).read_text(encoding="utf-8"))
        model_id, version = manifest["model_id"], manifest["version"]
        by_key = store.open(version_dir, model_id, version).vectors_by_hash()
        try:
            rows = [by_key[p.embedding_key(model_id)] for p in passages]
        except KeyError as exc:
            raise IndexError_(f"index version {version} is missing vectors") from exc
        dim = int(manifest.get("dimension", 0))
        vectors = np.vstack(rows).astype(np.float32) if rows else np.zeros((0, dim), np.float32)
        views = [View.from_record(r) for r in manifest.get("views", [])]
        try:
            view_rows = [by_key[v.embedding_key(model_id)] for v in views]
        except KeyError as exc:
            raise IndexError_(f"index version {version} is missing view vectors") from exc
        view_vectors = (
            np.vstack(view_rows).astype(np.float32)
            if view_rows
            else np.zeros((0, dim), np.float32)
        )
        off_topic = _off_topic(version_dir)
        return cls(version, model_id, passages, vectors, tokens, manifest, off_topic, view_vectors)

    def view_vectors_by_key(self) -> dict[str, NDArray[np.float32]]:
        """View vectors keyed by their embedding key (reused by the next build)."""
        return {
            v.embedding_key(self.model_id): self.view_vectors[i] for i, v in enumerate(self.views)
        }

    def unit_of(self, passage: Passage) -> Unit:
        """The whole unit a passage was cut from."""
        return self.units[self.unit_position[passage.unit_key]]

    @cached_property
    def unit_question_share(self) -> NDArray[np.float32]:
        """Per unit, the largest question share of its passages (agenda/question slides)."""
        share = np.zeros(len(self.units), dtype=np.float32)
        if len(self.passages):
            np.maximum.at(share, self.passage_unit, self.question_share)
        return share

    @cached_property
    def question_share(self) -> NDArray[np.float32]:
        """Per passage, the share of its text that is questions (stored at build time)."""
        stored = self.manifest.get("question_share")
        if stored is not None and len(stored) == len(self.passages):
            return np.asarray(stored, dtype=np.float32)
        return np.array([question_share(p.text) for p in self.passages], dtype=np.float32)

    @cached_property
    def units_with_questions(self) -> NDArray[np.bool_]:
        """Units that have question views (the ranker applies to these)."""
        found = np.zeros(len(self.units), dtype=bool)
        asked = self.view_kinds == "question"
        found[self.view_unit[asked]] = True
        return found

    @cached_property
    def unit_classifier(self) -> UnitClassifier | None:
        """Question -> unit classifier over the views of units with written questions."""
        chosen = (
            np.isin(self.view_kinds, CLASSIFIER_VIEWS) & self.units_with_questions[self.view_unit]
        )
        rows = np.flatnonzero(chosen)
        return fit_unit_classifier(
            self.view_vectors[rows],
            [self.view_terms[i] for i in rows],
            self.view_unit[rows].tolist(),
        )

    @cached_property
    def lecturer_units(self) -> NDArray[np.bool_]:
        """Units that name their document's lecturer (metadata `lecturer`): who gave the talk."""
        documents = self.manifest.get("documents", {})
        names: dict[str, str] = {}
        for doc, meta in documents.items():
            name = str(meta.get("lecturer", "")).split("(")[0]
            if "".join(name.split()):
                names[doc] = "".join(name.split())
        return np.array(
            [u.doc in names and names[u.doc] in "".join(u.plain.split()) for u in self.units],
            dtype=bool,
        )

    @cached_property
    def level_units(self) -> NDArray[np.float32]:
        """Per unit, how much it lays out the lecture's participation levels (0-1)."""
        return level_shares(self.units, self.lecture_docs)

    @cached_property
    def ladder_units(self) -> frozenset[str]:
        """Keys of the lecture units that lay out all five participation levels (slides 8, 9)."""
        return frozenset(
            u.key for u in self.units if u.doc in self.lecture_docs and names_every_level(u)
        )

    @cached_property
    def char_bm25(self) -> BM25Index:
        """BM25 over character trigrams of each unit (heading and words): robust to typos."""
        return BM25Index([char_trigrams(f"{u.heading} {u.plain}") for u in self.units])

    @cached_property
    def doc_positions(self) -> dict[str, NDArray[np.int64]]:
        """Per document, the positions of its passages."""
        grouped: dict[str, list[int]] = {}
        for passage in self.passages:
            grouped.setdefault(passage.doc, []).append(passage.position)
        return {doc: np.array(rows, dtype=np.int64) for doc, rows in grouped.items()}

    @cached_property
    def doc_vocabulary(self) -> dict[str, frozenset[str]]:
        """Per document, the words of its passages and views (for per-document coverage)."""
        words: dict[str, set[str]] = {}
        for passage in self.passages:
            words.setdefault(passage.doc, set()).update(thai.search_tokens(passage.search_text))
        for view in self.views:
            doc = self.units[self.unit_position[view.unit_key]].doc
            words.setdefault(doc, set()).update(thai.search_tokens(view.text))
        return {doc: frozenset(found) for doc, found in words.items()}

    @cached_property
    def doc_stems(self) -> dict[str, frozenset[str]]:
        """Per document, the English stems of its words (coverage of reworded questions)."""
        return {
            doc: frozenset(thai.english_stem(word) for word in words)
            for doc, words in self.doc_vocabulary.items()
        }

    @cached_property
    def doc_language(self) -> dict[str, str]:
        """Per document, the language most of its text is in ("th" or "en")."""
        texts: dict[str, list[str]] = {}
        for passage in self.passages:
            texts.setdefault(passage.doc, []).append(passage.text)
        return {doc: thai.detect_language(" ".join(parts)[:4000]) for doc, parts in texts.items()}

    @cached_property
    def has_english_documents(self) -> bool:
        """Whether any document is mostly English (Thai questions then get English terms)."""
        return "en" in self.doc_language.values()

    @cached_property
    def lecture_docs(self) -> frozenset[str]:
        """Documents that are lectures (their metadata names a lecturer): "from the lecture"."""
        documents = self.manifest.get("documents", {})
        return frozenset(doc for doc, meta in documents.items() if meta.get("lecturer"))

    @cached_property
    def bilingual_pairs(self) -> dict[str, str]:
        """English -> Thai terms the material itself pairs, for English questions."""
        return bilingual_pairs(p.text for p in self.passages)

    def __len__(self) -> int:
        return len(self.passages)

    def dense_scores(self, query_vector: NDArray[np.float32]) -> NDArray[np.float32]:
        """Exact cosine similarity to every passage (cheap at this scale, no HNSW misses)."""
        if not self.passages:
            return np.zeros(0, dtype=np.float32)
        return self.vectors @ query_vector.astype(np.float32)

    def lexical_scores(self, query: str) -> NDArray[np.float32]:
        """BM25 score of every passage for a question."""
        return self.bm25.scores(with_bigrams(thai.search_tokens(query)))

    def documents(self) -> list[dict[str, Any]]:
        """Per-document summary: path, title, passage count."""
        summary: dict[str, dict[str, Any]] = {}
        for passage in self.passages:
            entry = summary.setdefault(
                passage.doc, {"doc": passage.doc, "title": passage.title, "passages": 0}
            )
            entry["passages"] += 1
        return list(summary.values())
