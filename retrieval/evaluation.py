"""Retrieval and refusal metrics on the shipped eval sets (pure functions + set loaders)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.models import Locator, Section, SourceDocument

MAX_HIT_PASSAGE_CHARS = 1500
KS = (1, 3, 5)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class LectureItem:
    """One lecture-style question: gold strings, or unanswerable."""

    id: str
    question: str
    answerable: bool
    gold: tuple[str, ...]
    lang: str = "th"


@dataclass(frozen=True)
class CorpusQuery:
    """One corpus-style question with the ids of the passages that answer it."""

    id: str
    question: str
    gold_ids: tuple[str, ...]


@dataclass
class Metrics:
    """hit@k, MRR and refusal figures for one run."""

    answerable: int = 0
    hits: dict[int, int] = field(default_factory=lambda: dict.fromkeys(KS, 0))
    reciprocal_ranks: float = 0.0
    unanswerable: int = 0
    refused_unanswerable: int = 0
    refused_answerable: int = 0

    def add_ranking(self, first_hit_rank: int | None) -> None:
        """Record where the first relevant passage came (1-based), or None."""
        self.answerable += 1
        if first_hit_rank is None:
            return
        self.reciprocal_ranks += 1.0 / first_hit_rank
        for k in KS:
            if first_hit_rank <= k:
                self.hits[k] += 1

    def summary(self) -> dict[str, Any]:
        """Rounded figures for printing and JSON."""
        n = max(self.answerable, 1)
        out: dict[str, Any] = {f"hit@{k}": round(self.hits[k] / n, 4) for k in KS}
        out["mrr"] = round(self.reciprocal_ranks / n, 4)
        out["answerable"] = self.answerable
        if self.unanswerable:
            out["unanswerable"] = self.unanswerable
            out["refusal_accuracy"] = round(self.refused_unanswerable / self.unanswerable, 4)
        if self.answerable and (self.unanswerable or self.refused_answerable):
            out["false_refusals"] = round(self.refused_answerable / self.answerable, 4)
        return out


def squash(text: str) -> str:
    """Remove all whitespace, as the gold-matching rule requires."""
    return _SPACE.sub("", text)


def is_lecture_hit(passage_text: str, gold: Sequence[str]) -> bool:
    """A passage of at most 1,500 characters containing any gold string."""
    if len(passage_text) > MAX_HIT_PASSAGE_CHARS:
        return False
    body = squash(passage_text)
    return any(squash(g) and squash(g) in body for g in gold)


def first_hit_rank(flags: Iterable[bool]) -> int | None:
    """1-based rank of the first True, or None."""
    for rank, flag in enumerate(flags, start=1):
        if flag:
            return rank
    return None


def unique_in_order(values: Iterable[str]) -> list[str]:
    """Drop repeats, keeping first occurrences (passages -> documents)."""
    return list(dict.fromkeys(values))


def load_lecture_set(path: Path) -> list[LectureItem]:
    """Read a lecture-style JSONL set."""
    items = []
    for row in _jsonl(path):
        items.append(
            LectureItem(
                str(row["id"]),
                row["question"],
                bool(row.get("answerable", True)),
                tuple(row.get("gold", [])),
                row.get("lang", "th"),
            )
        )
    return items


def load_corpus_queries(path: Path) -> list[CorpusQuery]:
    """Read corpus-style queries (`qid`, `question`, `gold_ids`)."""
    return [
        CorpusQuery(str(r.get("qid", r.get("id"))), r["question"], tuple(map(str, r["gold_ids"])))
        for r in _jsonl(path)
    ]


def load_corpus_documents(path: Path) -> list[SourceDocument]:
    """Each corpus passage becomes a one-section document whose `doc` is its id."""
    documents = []
    for row in _jsonl(path):
        section = Section(Locator("section", 1), row["text"])
        documents.append(SourceDocument(str(row["id"]), row.get("title", ""), [section]))
    return documents


def _jsonl(path: Path) -> list[dict[str, Any]]:
    """Parse a JSON-lines file, skipping blank lines."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
