"""The test-question gate: a staged version must find what the live one finds.

Each test question carries expected text (the golden set's gold spans, or what an admin
typed). A question is a hit when one of the top `GATE_K` passages of the same hybrid search
the answers use contains that text. The gate compares hits on the live and the staged
version; a question found live but not staged is a regression.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

import knowledge
from retrieval.embeddings import Embedder
from retrieval.evaluation import is_lecture_hit, load_lecture_set
from retrieval.hybrid import SearchConfig
from retrieval.index import KnowledgeIndex
from retrieval.search import HybridSearcher, SearchResult

GOLDEN_SET = Path(knowledge.__file__).resolve().parent / "golden" / "lecture.jsonl"
GATE_K = 3
QUERY_BATCH = 32


@dataclass(frozen=True)
class GateQuestion:
    """A question and the text a passage must contain for the search to count as a hit."""

    id: str
    question: str
    expected: tuple[str, ...]
    lang: str = "th"
    origin: str = "golden"  # or "admin"


class Searcher(Protocol):
    """Ranks the passages of an index version (retrieval.search.HybridSearcher fits)."""

    def search(self, index: KnowledgeIndex, question: str, k: int = 5) -> SearchResult:
        """The k best passages for a question."""
        ...


def golden_questions(path: Path = GOLDEN_SET) -> list[GateQuestion]:
    """The answerable questions of a lecture-style set (those with expected text)."""
    return [
        GateQuestion(item.id, item.question, item.gold, item.lang)
        for item in load_lecture_set(path)
        if item.answerable and item.gold
    ]


def found_by(
    searcher: Searcher, index: KnowledgeIndex, questions: Sequence[GateQuestion], k: int = GATE_K
) -> frozenset[str]:
    """Ids of the questions whose expected text is in one of the top-k passages."""
    hits = set()
    for question in questions:
        result = searcher.search(index, question.question, k)
        if any(is_lecture_hit(hit.passage.text, question.expected) for hit in result.hits[:k]):
            hits.add(question.id)
    return frozenset(hits)


@dataclass(frozen=True)
class GateResult:
    """Hits on the live and the staged version, and the questions that changed."""

    total: int
    live_hits: int
    staged_hits: int
    regressions: tuple[GateQuestion, ...]
    fixed: tuple[GateQuestion, ...]

    @property
    def live_rate(self) -> float:
        """hit@k of the live version."""
        return self.live_hits / self.total if self.total else 0.0

    @property
    def staged_rate(self) -> float:
        """hit@k of the staged version."""
        return self.staged_hits / self.total if self.total else 0.0

    @property
    def passed(self) -> bool:
        """The staged version finds at least as many as the live one."""
        return self.staged_hits >= self.live_hits

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (kept with a pending change)."""
        return {
            "total": self.total,
            "live_hits": self.live_hits,
            "staged_hits": self.staged_hits,
            "regressions": [_question_dict(q) for q in self.regressions],
            "fixed": [_question_dict(q) for q in self.fixed],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GateResult:
        """Inverse of `to_dict`."""
        return cls(
            int(data["total"]),
            int(data["live_hits"]),
            int(data["staged_hits"]),
            tuple(_question(item) for item in data.get("regressions", [])),
            tuple(_question(item) for item in data.get("fixed", [])),
        )


def compare(
    questions: Sequence[GateQuestion], live_hits: frozenset[str], staged_hits: frozenset[str]
) -> GateResult:
    """The gate's verdict from the two sets of hits."""
    return GateResult(
        total=len(questions),
        live_hits=len(live_hits),
        staged_hits=len(staged_hits),
        regressions=tuple(q for q in questions if q.id in live_hits and q.id not in staged_hits),
        fixed=tuple(q for q in questions if q.id in staged_hits and q.id not in live_hits),
    )


class QuestionGate:
    """Runs the gate with the answers' search; the live version's hits are remembered."""

    def __init__(
        self, embedder: Callable[[], Embedder], config: SearchConfig | None = None
    ) -> None:
        self._embedder = embedder  # deferred: building the gate must not load the model
        self._config = config
        self._searcher: HybridSearcher | None = None
        self._live: dict[tuple[str, str], frozenset[str]] = {}

    @property
    def searcher(self) -> HybridSearcher:
        """The hybrid search the answers use, embedding each test question once."""
        if self._searcher is None:
            self._searcher = HybridSearcher(CachedQueries(self._embedder()), self._config)
        return self._searcher

    def run(
        self,
        live: KnowledgeIndex | None,
        staged: KnowledgeIndex,
        questions: Sequence[GateQuestion],
    ) -> GateResult:
        """Compare the staged version with the live one (nothing live: nothing to lose)."""
        self._prime(questions)
        live_hits = self._live_hits(live, questions) if live is not None else frozenset()
        return compare(questions, live_hits, found_by(self.searcher, staged, questions))

    def _prime(self, questions: Sequence[GateQuestion]) -> None:
        """Embed the questions in batches up front: one by one is ten times slower."""
        texts = [question.question for question in questions]
        for start in range(0, len(texts), QUERY_BATCH):
            self.searcher.embedder.embed_queries(texts[start : start + QUERY_BATCH])

    def _live_hits(
        self, live: KnowledgeIndex, questions: Sequence[GateQuestion]
    ) -> frozenset[str]:
        key = (live.version, _fingerprint(questions))
        if key not in self._live:
            self._live = {key: found_by(self.searcher, live, questions)}
        return self._live[key]


class CachedQueries:
    """An embedder that remembers question vectors: each test question is embedded once."""

    def __init__(self, embedder: Embedder) -> None:
        self._embedder = embedder
        self.model_id = embedder.model_id
        self.dimension = embedder.dimension
        self.max_tokens = embedder.max_tokens
        self._queries: dict[str, NDArray[np.float32]] = {}

    def embed_passages(
        self, texts: Sequence[str], *, batch_size: int = 32, show_progress: bool = False
    ) -> NDArray[np.float32]:
        """Passages are not cached."""
        return self._embedder.embed_passages(
            texts, batch_size=batch_size, show_progress=show_progress
        )

    def embed_queries(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Question vectors, embedding only new questions."""
        missing = [text for text in dict.fromkeys(texts) if text not in self._queries]
        if missing:
            self._queries.update(zip(missing, self._embedder.embed_queries(missing), strict=True))
        return np.vstack([self._queries[text] for text in texts])

    def count_tokens(self, text: str) -> int:
        """As the wrapped embedder counts."""
        return self._embedder.count_tokens(text)


def _fingerprint(questions: Sequence[GateQuestion]) -> str:
    text = "\n".join(f"{q.id}\t{q.question}\t{'|'.join(q.expected)}" for q in questions)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _question_dict(question: GateQuestion) -> dict[str, Any]:
    return {
        "id": question.id,
        "question": question.question,
        "expected": list(question.expected),
        "lang": question.lang,
        "origin": question.origin,
    }


def _question(data: dict[str, Any]) -> GateQuestion:
    return GateQuestion(
        str(data["id"]),
        str(data["question"]),
        tuple(data.get("expected", [])),
        str(data.get("lang", "th")),
        str(data.get("origin", "golden")),
    )
