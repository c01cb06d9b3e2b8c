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
    """One lecture-style question: gold strings (and slides, key phrases), or unanswerable."""

    id: str
    question: str
    answerable: bool
    gold: tuple[str, ...]
    lang: str = "th"
    slides: tuple[int, ...] = ()
    key: tuple[str, ...] = ()
    split: str = ""
    kind: str = ""


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

    # Answer-level counts (over answerable questions): the reply contains a key phrase,
    # cites a gold unit, is written in the question's language (English questions apart).
    answered: int = 0
    key_content: int = 0
    cites_gold: int = 0
    english: int = 0
    english_in_english: int = 0

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
        if self.answered:
            out["key_content"] = round(self.key_content / self.answered, 4)
            out["cites_gold"] = round(self.cites_gold / self.answered, 4)
        if self.english:
            out["english_answered_in_english"] = round(self.english_in_english / self.english, 4)
        return out

    def add_answer(self, item: LectureItem, answer: dict[str, Any], answer_lang: str) -> None:
        """Record one reply to an answerable question (`answer` as `ask --json` prints it)."""
        self.answered += 1
        self.key_content += int(contains_key(str(answer.get("answer", "")), item.key or item.gold))
        self.cites_gold += int(cites_gold(answer.get("citations", []), item))
        if item.lang == "en":
            self.english += 1
            self.english_in_english += int(answer_lang == "en")


def squash(text: str) -> str:
    """Remove all whitespace, as the gold-matching rule requires."""
    return _SPACE.sub("", text)


def is_lecture_hit(passage_text: str, gold: Sequence[str]) -> bool:
    """A passage of at most 1,500 characters containing any gold string."""
    if len(passage_text) > MAX_HIT_PASSAGE_CHARS:
        return False
    body = squash(passage_text)
    return any(squash(g) and squash(g) in body for g in gold)


_LIST_MARK = re.compile(r"^\s*(?:[•◦\-*]|\d{1,3}[.)])\s+", re.M)


def answer_words(text: str) -> str:
    """An answer's words without list markers or whitespace (for key-phrase matching)."""
    return squash(_LIST_MARK.sub("", text))


def contains_key(answer_text: str, keys: Sequence[str]) -> bool:
    """Whether the reply contains any key phrase, whitespace and list markers ignored."""
    body = answer_words(answer_text)
    return any(squash(k) and squash(k) in body for k in keys)


def is_gold_unit(number: int, unit: str, text: str, item: LectureItem) -> bool:
    """A cited or retrieved unit is gold: one of the item's slides, or holding a gold string."""
    if item.slides and unit == "slide" and number in item.slides:
        return True
    return is_lecture_hit(text, item.gold)


def cites_gold(citations: Sequence[dict[str, Any]], item: LectureItem) -> bool:
    """Whether any citation of a reply is a gold unit."""
    return any(
        is_gold_unit(int(c.get("number", 0)), str(c.get("unit", "")), str(c.get("text", "")), item)
        for c in citations
    )


def first_hit_rank(flags: Iterable[bool]) -> int | None:
    """1-based rank of the first True, or None."""
    for rank, flag in enumerate(flags, start=1):
        if flag:
            return rank
    return None


def unique_in_order(values: Iterable[str]) -> list[str]:
    """Drop repeats, keeping first occurrences (passages -> documents)."""
    return list(dict.fromkeys(values))


def load_lecture_set(path: Path, split: str | None = None) -> list[LectureItem]:
    """Read a lecture-style JSONL set (only one split of it when `split` is given)."""
    items = []
    for row in _jsonl(path):
        if split and row.get("split", "") != split:
            continue
        items.append(
            LectureItem(
                str(row["id"]),
                row["question"],
                bool(row.get("answerable", True)),
                tuple(row.get("gold", [])),
                row.get("lang", "th"),
                tuple(int(n) for n in row.get("slides", [])),
                tuple(row.get("key", [])),
                str(row.get("split", "")),
                str(row.get("kind", "")),
            )
        )
    return items


def splits_of(path: Path) -> list[str]:
    """The splits a set declares (["train", "test"]), or [] for a set without splits."""
    found = {str(row.get("split", "")) for row in _jsonl(path)} - {""}
    return sorted(found, key=lambda name: (name != "test", name))


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
