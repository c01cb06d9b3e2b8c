"""Passages as the index stores them: a chunk plus the text each retriever sees."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from knowledge.models import Chunk, Locator, content_hash


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
        """Citation label, e.g. "สไลด์ 14" or "Slide 14"."""
        return self.locator.label(lang)

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
