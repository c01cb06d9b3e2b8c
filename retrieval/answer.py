"""The answer object and the extractive composer (no LLM needed)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from knowledge import thai
from retrieval import prompts
from retrieval.keyword import BM25Index
from retrieval.passages import Passage
from retrieval.questions import looks_like_question
from retrieval.search import SearchHit, SearchResult

MAX_SENTENCES = 3
MAX_PASSAGES = 2
# A second passage is cited only when its fused score is close to the best one's.
SECOND_PASSAGE_RATIO = 0.75
MAX_SENTENCE_CHARS = 400


@dataclass(frozen=True)
class Citation:
    """A cited passage: `{doc, title, unit, number, label, text}`."""

    doc: str
    title: str
    unit: str
    number: int
    label: str
    text: str

    @classmethod
    def from_passage(cls, passage: Passage, lang: str = "th") -> Citation:
        """Cite a passage with a label in the reply's language."""
        return cls(
            passage.doc,
            passage.title,
            passage.unit,
            passage.number,
            passage.label(lang),
            passage.text,
        )


@dataclass
class Answer:
    """`{found, answer, citations}`, plus the language and topics offered on refusal."""

    found: bool
    answer: str
    citations: list[Citation] = field(default_factory=list)
    lang: str = "th"
    suggestions: list[str] = field(default_factory=list)
    confidence: float = 0.0
    mode: str = "extractive"

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of `ruamkit ask --json`."""
        return {
            "found": self.found,
            "answer": self.answer,
            "citations": [asdict(c) for c in self.citations],
            "lang": self.lang,
            "suggestions": self.suggestions,
            "confidence": round(self.confidence, 4),
            "mode": self.mode,
        }


def refusal(lang: str, suggestions: list[str], confidence: float = 0.0) -> Answer:
    """A polite "the lecture does not cover this" that cites nothing."""
    return Answer(
        found=False,
        answer=prompts.refusal_text(lang, suggestions),
        citations=[],
        lang=lang,
        suggestions=suggestions,
        confidence=confidence,
    )


def select_passages(result: SearchResult) -> list[SearchHit]:
    """The best hit, and the runner-up when it scores nearly as well (distinct slide)."""
    if not result.hits:
        return []
    best = result.hits[0]
    chosen = [best]
    for hit in result.hits[1:]:
        if len(chosen) >= MAX_PASSAGES:
            break
        close = best.score > 0 and hit.score >= SECOND_PASSAGE_RATIO * best.score
        if close and hit.passage.locator != best.passage.locator:
            chosen.append(hit)
    return chosen


def _sentence_scores(
    sentences: list[str], query_tokens: list[str], bm25: BM25Index
) -> list[float]:
    """Idf-weighted overlap of each sentence with the question's terms."""
    wanted = {t: bm25.idf(t) for t in query_tokens}
    scores = []
    for sentence in sentences:
        present = set(thai.search_tokens(sentence))
        scores.append(sum(w for t, w in wanted.items() if t in present))
    return scores


def best_sentences(
    passage: Passage, query_tokens: list[str], bm25: BM25Index, limit: int
) -> list[str]:
    """The passage's most relevant sentences, in their original order."""
    sentences = [s.strip() for s in thai.sentence_split(passage.text) if s.strip()]
    if not sentences:
        return [passage.text[:MAX_SENTENCE_CHARS]]
    statements = [s for s in sentences if not looks_like_question(s)]
    sentences = statements or sentences
    scores = _sentence_scores(sentences, query_tokens, bm25)
    if max(scores, default=0.0) <= 0:
        chosen = list(range(min(limit, len(sentences))))
    else:
        ranked = np.argsort(-np.asarray(scores), kind="stable")[:limit]
        chosen = sorted(i for i in ranked.tolist() if scores[i] > 0)
    return [_clip(_with_continuation(sentences, i)) for i in chosen]


# A Thai sentence ending in one of these words runs on into the next one.
CONTINUATIONS = ("ว่า", "คือ", "และ", "หรือ", "ได้แก่", "เช่น", "โดย", "ของ", "ที่")


def _with_continuation(sentences: list[str], index: int) -> str:
    """The sentence, joined with the next when the splitter cut it mid-thought."""
    sentence = sentences[index]
    if sentence.endswith(CONTINUATIONS) and index + 1 < len(sentences):
        return f"{sentence} {sentences[index + 1]}"
    return sentence


def _clip(sentence: str) -> str:
    """Keep quoted sentences readable in a chat bubble."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return sentence
    return sentence[:MAX_SENTENCE_CHARS].rsplit(" ", 1)[0] + " …"


def compose_extractive(
    result: SearchResult, bm25: BM25Index, lang: str, confidence: float
) -> Answer:
    """Answer with the most relevant sentences of the best passages, citing each one."""
    hits = select_passages(result)
    lines: list[tuple[str, str]] = []
    budget = MAX_SENTENCES
    for position, hit in enumerate(hits):
        take = budget if position == len(hits) - 1 else max(1, budget - 1)
        for sentence in best_sentences(hit.passage, result.query_tokens, bm25, take):
            lines.append((sentence, hit.passage.label(lang)))
        budget = max(1, budget - take)
    citations = [Citation.from_passage(hit.passage, lang) for hit in hits]
    text = prompts.extractive_text(lang, lines)
    return Answer(True, text, citations, lang, [], confidence, "extractive")
