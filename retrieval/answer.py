"""The answer object and the extractive composer (no LLM needed).

The extractive answer is built from whole units: a one-line lead in the user's language,
the relevant part of the best unit with its structure (the full list for a list question,
both sides of a comparison), then its citation. Plain text: lists as "• " / "1. " lines.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from knowledge import thai
from knowledge.structure import Block, block_display_lines, parse_blocks
from retrieval import prompts
from retrieval.glossary import glosses_for
from retrieval.keyword import BM25Index
from retrieval.kinds import QuestionKind, question_kind
from retrieval.passages import Passage
from retrieval.search import SearchHit, SearchResult

MAX_UNITS = 2
# A second unit of the same document is quoted when its ranker score is within this margin
# of the best one's (a wider margin for comparisons, which often span two slides). Chosen on
# the golden train split with the refitted ranker: margin 1.0 / 1.5 / 2.0 / 2.5 gave key
# content 0.864 / 0.876 / 0.884 / 0.888 for replies of 543 / 573 / 606 / 666 characters.
SECOND_UNIT_MARGIN = 2.0
COMPARISON_MARGIN = 2.5
MAX_UNIT_CHARS = 1200
# An agenda or question-only unit is never quoted second (it announces, it does not answer).
AGENDA_SHARE = 0.5


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


def select_units(
    result: SearchResult, kind: QuestionKind, ladder: frozenset[str] = frozenset()
) -> list[SearchHit]:
    """The best unit, and the runner-up when it scores nearly as well (or for a comparison).

    `ladder`, for a "which level is our practice?" question, holds the units that lay out all
    the levels: when the best unit is not one of them, the best-ranked one follows it, so the
    official sees the whole ladder to place their practice on.
    """
    hits = [hit for hit in result.hits if _has_body(hit)]
    if not hits:
        return []
    best, chosen = hits[0], [hits[0]]
    if ladder and best.passage.unit_key not in ladder:
        rungs = [hit for hit in hits[1:] if hit.passage.unit_key in ladder]
        if rungs:
            return [best, rungs[0]]
    margin = COMPARISON_MARGIN if kind == "comparison" else SECOND_UNIT_MARGIN
    for hit in hits[1:]:
        if len(chosen) >= MAX_UNITS:
            break
        same_doc = hit.passage.doc == best.passage.doc
        agenda = kind != "outline" and hit.question_share >= AGENDA_SHARE
        if same_doc and not agenda and hit.score >= best.score - margin:
            chosen.append(hit)
    return chosen


def _has_body(hit: SearchHit) -> bool:
    """Whether a unit has more than a heading to quote (a heading alone answers nothing)."""
    blocks = parse_blocks(hit.unit_text or hit.passage.text)
    return any(block.kind != "subheading" for block in blocks)


def _block_score(block: Block, wanted: dict[str, float]) -> float:
    """Idf-weighted overlap of a block's words with the question's."""
    present = set(thai.search_tokens("\n".join(block_display_lines(block))))
    return sum(weight for token, weight in wanted.items() if token in present)


def unit_lines(unit_text: str, query_tokens: list[str], bm25: BM25Index) -> list[str]:
    """The unit's display lines: all of it when short, else its most relevant whole blocks."""
    blocks = parse_blocks(unit_text)
    lines = [line for block in blocks for line in block_display_lines(block)]
    if sum(len(line) for line in lines) <= MAX_UNIT_CHARS:
        return lines
    wanted = {token: bm25.idf(token) for token in query_tokens}
    ranked = sorted(range(len(blocks)), key=lambda i: -_block_score(blocks[i], wanted))
    keep: set[int] = set()
    used = 0
    for i in ranked:
        size = sum(len(line) for line in block_display_lines(blocks[i]))
        if keep and used + size > MAX_UNIT_CHARS:
            continue
        keep.add(i)
        used += size
        if i > 0 and blocks[i - 1].kind == "subheading":
            keep.add(i - 1)  # a list keeps the sub-heading that names it
    return [line for i in sorted(keep) for line in block_display_lines(blocks[i])]


def compose_extractive(
    result: SearchResult,
    bm25: BM25Index,
    lang: str,
    confidence: float,
    *,
    lecture_docs: frozenset[str] = frozenset(),
    ladder: frozenset[str] = frozenset(),
) -> Answer:
    """Answer from whole units: a lead, each unit's relevant part, its citation."""
    kind = question_kind(result.question)
    hits = select_units(result, kind, ladder)
    if not hits:
        return refusal(lang, prompts.topics(lang), confidence)
    parts: list[str] = []
    for position, hit in enumerate(hits):
        passage = hit.passage
        source = prompts.source_name(lang, passage.title, passage.doc in lecture_docs)
        label = passage.label(lang)
        if position == 0:
            parts.append(prompts.lead(lang, kind, source, label))
        else:
            parts.append(prompts.also(lang, source, label))
        heading = passage.heading if passage.unit != "section" else ""
        lines = unit_lines(hit.unit_text or passage.text, result.query_tokens, bm25)
        if heading and lines and "".join(heading.split()) not in "".join(lines[0].split()):
            lines.insert(0, heading)
        parts.append("\n".join(lines))
        parts.append(f"[{label}]")
    text = "\n".join(parts)
    if lang == "en":
        glosses = glosses_for("\n".join(h.unit_text or h.passage.text for h in hits))
        if glosses:
            text += "\n" + prompts.gloss_block(glosses)
    citations = [Citation.from_passage(hit.passage, lang) for hit in hits]
    return Answer(True, text, citations, lang, [], confidence, "extractive")
