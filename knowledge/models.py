"""What a source document and its passages look like, independent of file format."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

Unit = Literal["slide", "page", "section"]

UNIT_LABELS: dict[str, dict[Unit, str]] = {
    "th": {"slide": "สไลด์", "page": "หน้า", "section": "ส่วนที่"},
    "en": {"slide": "Slide", "page": "Page", "section": "Section"},
}


@dataclass(frozen=True)
class Locator:
    """Where a passage sits in its document: slide 14, page 3, section 2."""

    unit: Unit
    number: int

    def label(self, lang: str = "th") -> str:
        """Human label such as "สไลด์ 14" (Thai) or "Slide 14" (English)."""
        names = UNIT_LABELS.get(lang, UNIT_LABELS["th"])
        return f"{names[self.unit]} {self.number}"


@dataclass(frozen=True)
class Section:
    """One slide, page or headed section of a document, before chunking."""

    locator: Locator
    text: str
    heading: str = ""


@dataclass
class SourceDocument:
    """A loaded file: its path relative to the source folder, title, metadata and sections."""

    doc: str
    title: str
    sections: list[Section]
    metadata: dict[str, str] = field(default_factory=dict)
    # Text the file carries that is known NOT to be content (a slide site's list of other
    # presentations): never indexed or cited, but kept as examples of off-topic questions.
    off_topic: list[str] = field(default_factory=list)
    # Questions each unit answers (multi-vector retrieval): written beside the lecture
    # (`X.questions.yaml`), or an upload's own test questions.
    questions: dict[Locator, list[str]] = field(default_factory=dict)
    # An English rendering of each unit, fact by fact (`translations:` in `X.questions.yaml`),
    # so English questions find Thai material by meaning and by keyword.
    translations: dict[Locator, list[str]] = field(default_factory=dict)


def content_hash(text: str) -> str:
    """Stable hash of a passage's text, used to skip re-embedding unchanged chunks."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Chunk:
    """A passage small enough to embed, carrying everything a citation needs."""

    doc: str
    title: str
    locator: Locator
    text: str
    ordinal: int = 0
    heading: str = ""

    @property
    def content_hash(self) -> str:
        """Hash of the text (the embedding cache key together with the model id)."""
        return content_hash(self.text)

    @property
    def chunk_id(self) -> str:
        """Unique, stable id: document, locator, position within the section."""
        return f"{self.doc}::{self.locator.unit}:{self.locator.number}:{self.ordinal}"

    @property
    def label(self) -> str:
        """Thai citation label, e.g. "สไลด์ 14"."""
        return self.locator.label("th")
