"""Answers and assessment results as plain, JSON-serialisable records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any

from checklist.definition import MaturityLevel, Text
from core.stored import known_fields, stamped

DONT_KNOW = "dont_know"
# The shape of a stored result (`AssessmentResult.to_dict`); rows without "v" are shape 0,
# which has the same keys. Raise it when the shape changes, and keep reading the old ones.
RESULT_SHAPE = 1


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
        """A JSON-ready dict with its shape version (stored with a finished assessment)."""
        return stamped(asdict(self), RESULT_SHAPE)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> AssessmentResult:
        """Rebuild a stored result of any shape version; missing optional parts get defaults."""
        maturity = raw.get("maturity")
        level_check = raw.get("level_check")
        return cls(
            checklist_id=str(raw.get("checklist_id", "")),
            checklist_version=int(raw.get("checklist_version", 0)),
            sections=tuple(_section(s) for s in raw.get("sections", ())),
            overall=raw.get("overall"),
            maturity=_maturity(maturity) if maturity else None,
            maturity_capped=bool(raw.get("maturity_capped", False)),
            level_check=_level_check(level_check) if level_check else _NO_LEVEL_CHECK,
            items=tuple(_item(i) for i in raw.get("items", ())),
        )


_NO_LEVEL_CHECK = LevelCheck(None, None, False, Text("", ""), ())


def _text(raw: Mapping[str, str] | None) -> Text:
    raw = raw or {}
    return Text(th=str(raw.get("th", "")), en=str(raw.get("en", "")))


def _item(raw: Mapping[str, Any]) -> ItemResult:
    values = {"value": None, "score": None, "weight": 1.0, "section_id": ""}
    return ItemResult(**{**values, **known_fields(raw, fields(ItemResult))})


def _section(raw: Mapping[str, Any]) -> SectionScore:
    return SectionScore(
        section_id=raw["section_id"],
        title=_text(raw.get("title")),
        score=raw.get("score"),
        answered=int(raw.get("answered", 0)),
        total=int(raw.get("total", 0)),
        gaps=tuple(raw.get("gaps", ())),
    )


def _maturity(raw: Mapping[str, Any]) -> MaturityLevel:
    return MaturityLevel(
        id=raw["id"],
        min_score=float(raw.get("min_score", 0.0)),
        label=_text(raw.get("label")),
        description=_text(raw.get("description")),
        slides=tuple(raw.get("slides", ())),
        requires_level=raw.get("requires_level"),
    )


def _level_check(raw: Mapping[str, Any]) -> LevelCheck:
    return LevelCheck(
        claimed=raw.get("claimed"),
        shown=raw.get("shown"),
        flagged=bool(raw.get("flagged", False)),
        message=_text(raw.get("message")),
        slides=tuple(raw.get("slides", ())),
    )
