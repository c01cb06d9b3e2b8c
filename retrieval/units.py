"""Whole units (slides, pages, sections) and the extra "views" by which each one is found.

Multi-vector retrieval (LangChain's MultiVectorRetriever idea): a unit is indexed by its
text chunks, by its heading, and by the questions it answers. Answers quote the whole unit
with its structure, never a chunk cut from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

from knowledge.models import Locator, SourceDocument, content_hash
from knowledge.structure import is_structured, plain_text
from retrieval.passages import unit_key

ViewKind = Literal["heading", "question", "line", "translation"]
# Question and heading views are read as queries ("query: " prefix): question-to-question
# similarity; a line (one list item, table cell or paragraph line) is read as a passage.
QUERY_VIEWS: frozenset[str] = frozenset({"question", "heading"})
# Views that say what a unit is asked about (the "view" features); lines and English
# renderings (read as passages) have features of their own.
ASKED_VIEWS: tuple[str, ...] = ("question", "heading")
MIN_LINE_CHARS = 12


@dataclass(frozen=True)
class Unit:
    """One slide, page or section: its structured text (light Markdown) and heading."""

    key: str
    doc: str
    title: str
    unit: str
    number: int
    heading: str
    text: str

    @property
    def locator(self) -> Locator:
        """Where the unit sits in its document."""
        return Locator(self.unit, self.number)  # type: ignore[arg-type]

    @property
    def plain(self) -> str:
        """The unit's words without markup, its heading first (what a search hit shows)."""
        body = plain_text(self.text)
        heading = self.heading.strip()
        if heading and not _is_number_only(heading, self.unit, self.number):
            return f"{heading}\n{body}" if body else heading
        return body

    def to_record(self) -> dict[str, Any]:
        """JSON-ready form for the index manifest."""
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Unit:
        """Inverse of `to_record`."""
        return cls(**record)


@dataclass(frozen=True)
class View:
    """Another way to find a unit: its heading or a question it answers."""

    unit_key: str
    kind: ViewKind
    text: str

    def embedding_key(self, model_id: str) -> str:
        """Cache key of this view's vector (views are embedded as queries)."""
        return content_hash(f"{model_id}\nview:{self.kind}\n{self.text}")

    def to_record(self) -> dict[str, Any]:
        """JSON-ready form for the index manifest."""
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> View:
        """Inverse of `to_record`."""
        return cls(**record)


def _is_number_only(heading: str, unit: str, number: int) -> bool:
    """Whether a heading only numbers its unit ("Slide 3"), saying nothing about it."""
    return "".join(heading.split()).lower() in {f"{unit}{number}", f"สไลด์{number}"}


def units_of(documents: Iterable[SourceDocument]) -> list[Unit]:
    """Every section of every document as a unit, in order."""
    return [
        Unit(
            key=unit_key(d.doc, s.locator.unit, s.locator.number),
            doc=d.doc,
            title=d.title,
            unit=s.locator.unit,
            number=s.locator.number,
            heading=s.heading,
            text=s.text,
        )
        for d in documents
        for s in d.sections
        if s.text.strip()
    ]


def views_of(documents: Sequence[SourceDocument]) -> list[View]:
    """Heading, question, line and English views of every unit (number-only headings skipped)."""
    views: list[View] = []
    for document in documents:
        present = {section.locator for section in document.sections if section.text.strip()}
        for section in document.sections:
            if section.locator not in present:
                continue
            key = unit_key(document.doc, section.locator.unit, section.locator.number)
            if section.heading.strip():
                views.append(View(key, "heading", section.heading.strip()))
            for question in document.questions.get(section.locator, []):
                if question.strip():
                    views.append(View(key, "question", question.strip()))
            views.extend(View(key, "line", line) for line in unit_lines_of(section.text))
            views.extend(
                View(key, "translation", line.strip())
                for line in document.translations.get(section.locator, [])
                if line.strip()
            )
    return list(dict.fromkeys(views))


def unit_lines_of(text: str) -> list[str]:
    """A structured unit's list items and table cells, each worth finding on its own.

    Plain paragraphs get none: their chunks already carry every sentence, and embedding
    each line again would slow every upload for little gain.
    """
    if not is_structured(text):
        return []
    lines = [line.strip() for line in plain_text(text).splitlines()]
    lines = [line for line in lines if len(line) >= MIN_LINE_CHARS]
    return lines if len(lines) > 1 else []


def attach_questions(
    documents: Sequence[SourceDocument], pairs: Iterable[tuple[str, Sequence[str]]]
) -> list[SourceDocument]:
    """Documents with extra questions (an admin's test questions) on the units that answer them.

    A question goes to every unit whose plain text contains one of its expected texts
    (whitespace ignored), so an uploaded document is found by the questions admins ask of it.
    """
    squashed = [
        [(s.locator, "".join(plain_text(s.text).split())) for s in d.sections] for d in documents
    ]
    added: list[dict[Locator, list[str]]] = [{} for _ in documents]
    for question, expected in pairs:
        wanted = ["".join(e.split()) for e in expected if "".join(e.split())]
        for position, sections in enumerate(squashed):
            for locator, text in sections:
                if any(w in text for w in wanted):
                    added[position].setdefault(locator, []).append(question)
    return [
        replace(d, questions=_merged(d.questions, extra)) if extra else d
        for d, extra in zip(documents, added, strict=True)
    ]


def _merged(
    base: dict[Locator, list[str]], extra: dict[Locator, list[str]]
) -> dict[Locator, list[str]]:
    merged = {locator: list(questions) for locator, questions in base.items()}
    for locator, questions in extra.items():
        merged[locator] = list(dict.fromkeys([*merged.get(locator, []), *questions]))
    return merged
