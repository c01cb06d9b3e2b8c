"""Answers and assessment results as plain, JSON-serialisable records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from checklist.definition import MaturityLevel, Text

DONT_KNOW = "dont_know"


@dataclass(frozen=True)
class Answer:
    """One answer: a rating value, a choice id or free text, plus an optional evidence note."""

    value: str
    evidence: str | None = None


@dataclass(frozen=True)
class ItemResult:
    """How one rating item scored; score is None when unknown or skipped."""

    item_id: str
    section_id: str
    value: str | None
    score: float | None
    weight: float


@dataclass(frozen=True)
class SectionScore:
    """A section's 0-100 score over its answered items; gaps are unknown or skipped items."""

    section_id: str
    title: Text
    score: float | None
    answered: int
    total: int
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class LevelCheck:
    """The claimed participation level against the level the answers show."""

    claimed: str | None
    shown: str | None
    flagged: bool
    message: Text
    slides: tuple[int, ...]


@dataclass(frozen=True)
class AssessmentResult:
    """Everything the report and history need, independent of the definition file."""

    checklist_id: str
    checklist_version: int
    sections: tuple[SectionScore, ...]
    overall: float | None
    maturity: MaturityLevel | None
    maturity_capped: bool
    level_check: LevelCheck
    items: tuple[ItemResult, ...]

    def section(self, section_id: str) -> SectionScore | None:
        """The score of one section, or None if it has no scored items."""
        return next((s for s in self.sections if s.section_id == section_id), None)

    def item(self, item_id: str) -> ItemResult | None:
        """The result of one rating item, or None if it is not scored."""
        return next((i for i in self.items if i.item_id == item_id), None)

    @property
    def gaps(self) -> tuple[str, ...]:
        """Items answered "don't know" or skipped, in asking order."""
        return tuple(gap for section in self.sections for gap in section.gaps)

    @property
    def coverage(self) -> float:
        """Share of rating items answered with yes / partly / no (0..1)."""
        total = sum(s.total for s in self.sections)
        return sum(s.answered for s in self.sections) / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (stored with a finished assessment)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> AssessmentResult:
        """Rebuild a result stored with `to_dict`."""
        maturity = raw.get("maturity")
        return cls(
            checklist_id=raw["checklist_id"],
            checklist_version=int(raw["checklist_version"]),
            sections=tuple(_section(s) for s in raw["sections"]),
            overall=raw["overall"],
            maturity=_maturity(maturity) if maturity else None,
            maturity_capped=bool(raw["maturity_capped"]),
            level_check=_level_check(raw["level_check"]),
            items=tuple(ItemResult(**i) for i in raw["items"]),
        )


def _text(raw: Mapping[str, str]) -> Text:
    return Text(th=raw["th"], en=raw["en"])


def _section(raw: Mapping[str, Any]) -> SectionScore:
    return SectionScore(
        section_id=raw["section_id"],
        title=_text(raw["title"]),
        score=raw["score"],
        answered=int(raw["answered"]),
        total=int(raw["total"]),
        gaps=tuple(raw["gaps"]),
    )


def _maturity(raw: Mapping[str, Any]) -> MaturityLevel:
    return MaturityLevel(
        id=raw["id"],
        min_score=float(raw["min_score"]),
        label=_text(raw["label"]),
        description=_text(raw["description"]),
        slides=tuple(raw["slides"]),
        requires_level=raw.get("requires_level"),
    )


def _level_check(raw: Mapping[str, Any]) -> LevelCheck:
    return LevelCheck(
        claimed=raw["claimed"],
        shown=raw["shown"],
        flagged=bool(raw["flagged"]),
        message=_text(raw["message"]),
        slides=tuple(raw["slides"]),
    )
