"""Passages as the index stores them: a chunk plus the text each retriever sees."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from knowledge.models import Chunk, Locator, content_hash


def unit_key(doc: str, unit: str, number: int) -> str:
    """Stable key of one slide, page or section of a document."""
    return f"{doc}::{unit}:{number}"


HEADING_LABEL_CHARS = 60


def unit_label(unit: str, number: int, heading: str, lang: str = "th") -> str:
    """How a unit is cited: slides and pages by number, a headed section by its heading."""
    if unit == "section" and heading.strip():
        heading = " ".join(heading.split())
        if len(heading) > HEADING_LABEL_CHARS:
            heading = heading[: HEADING_LABEL_CHARS - 1].rstrip() + "…"
        return heading
    return Locator(unit, number).label(lang)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Passage:
    """One indexed chunk; `position` is its row in the dense matrix and the BM25 index."""

    position: int
    doc: str
    title: str
    unit: str
    number: int
    ordinal: int
    heading: str
    text: str

    @property
    def locator(self) -> Locator:
        """Where the passage sits in its document."""
        return Locator(self.unit, self.number)  # type: ignore[arg-type]

    def label(self, lang: str = "th") -> str:
        """Citation label: "สไลด์ 14" / "Slide 14", "หน้า 3", or a section's own heading."""
        return unit_label(self.unit, self.number, self.heading, lang)

    @property
    def unit_key(self) -> str:
        """The unit (slide, page, section) this passage belongs to: answers quote whole units."""
        return unit_key(self.doc, self.unit, self.number)

    @property
    def passage_id(self) -> str:
        """Stable id: document, locator and position within the section."""
        return f"{self.doc}::{self.unit}:{self.number}:{self.ordinal}"

    @property
    def embedding_text(self) -> str:
        """What the dense model reads: title, heading (if any), then the passage."""
        return "\n".join(part for part in (self.title, self.heading, self.text) if part)

    @property
    def search_text(self) -> str:
        """What BM25 reads: title, heading and passage, so names in titles match."""
        return "\n".join(part for part in (self.title, self.heading, self.text) if part)

    def embedding_key(self, model_id: str) -> str:
        """Cache key of this passage's vector: unchanged text and model -> same vector."""
        return content_hash(f"{model_id}\n{self.embedding_text}")

    def to_record(self) -> dict[str, Any]:
        """JSON-ready form for the index manifest."""
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Passage:
        """Inverse of `to_record`."""
        return cls(**record)

    @classmethod
    def from_chunk(cls, chunk: Chunk, position: int) -> Passage:
        """Wrap a chunk from the knowledge package."""
        return cls(
            position=position,
            doc=chunk.doc,
            title=chunk.title,
            unit=chunk.locator.unit,
            number=chunk.locator.number,
            ordinal=chunk.ordinal,
            heading=chunk.heading,
            text=chunk.text,
        )
