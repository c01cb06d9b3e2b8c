"""Pure comparison of a repeat assessment with the previous one of the same project."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from checklist.definition import Text
from checklist.results import AssessmentResult

Direction = Literal["improved", "declined", "same", "unknown"]
TOLERANCE = 0.05  # score points; float noise is not a change


@dataclass(frozen=True)
class SectionChange:
    """A section's score before and after."""

    section_id: str
    title: Text
    before: float | None
    after: float | None
    direction: Direction

    @property
    def delta(self) -> float | None:
        """Change in points (None when either side has no score)."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class ItemChange:
    """An item whose answer changed between the two runs."""

    item_id: str
    section_id: str
    before: str | None
    after: str | None
    before_score: float | None
    after_score: float | None
    direction: Direction


@dataclass(frozen=True)
class Comparison:
    """What improved and what declined since the previous assessment."""

    overall_before: float | None
    overall_after: float | None
    maturity_before: str | None
    maturity_after: str | None
    shown_level_before: str | None
    shown_level_after: str | None
    sections: tuple[SectionChange, ...]
    improved: tuple[ItemChange, ...]
    declined: tuple[ItemChange, ...]
    newly_known: tuple[ItemChange, ...]
    newly_unknown: tuple[ItemChange, ...]

    @property
    def overall_delta(self) -> float | None:
        """Change of the overall score in points."""
        if self.overall_before is None or self.overall_after is None:
            return None
        return self.overall_after - self.overall_before


def direction(before: float | None, after: float | None) -> Direction:
    """Whether a score went up, down, stayed, or cannot be compared."""
    if before is None or after is None:
        return "unknown"
    if after - before > TOLERANCE:
        return "improved"
    if before - after > TOLERANCE:
        return "declined"
    return "same"


def compare(previous: AssessmentResult, current: AssessmentResult) -> Comparison:
    """Compare two results of the same checklist, item by item and section by section."""
    changed = _item_changes(previous, current)
    return Comparison(
        overall_before=previous.overall,
        overall_after=current.overall,
        maturity_before=previous.maturity.id if previous.maturity else None,
        maturity_after=current.maturity.id if current.maturity else None,
        shown_level_before=previous.level_check.shown,
        shown_level_after=current.level_check.shown,
        sections=tuple(_section_changes(previous, current)),
        improved=tuple(c for c in changed if c.direction == "improved"),
        declined=tuple(c for c in changed if c.direction == "declined"),
        newly_known=tuple(
            c for c in changed if c.before_score is None and c.after_score is not None
        ),
        newly_unknown=tuple(
            c for c in changed if c.before_score is not None and c.after_score is None
        ),
    )


def _section_changes(previous: AssessmentResult, current: AssessmentResult) -> list[SectionChange]:
    changes = []
    for after in current.sections:
        before = previous.section(after.section_id)
        before_score = before.score if before else None
        changes.append(
            SectionChange(
                section_id=after.section_id,
                title=after.title,
                before=before_score,
                after=after.score,
                direction=direction(before_score, after.score),
            )
        )
    return changes


def _item_changes(previous: AssessmentResult, current: AssessmentResult) -> list[ItemChange]:
    """Items whose answer changed (items new to the definition are left out)."""
    changes = []
    for after in current.items:
        before = previous.item(after.item_id)
        if before is None or before.value == after.value:
            continue
        change = ItemChange(
            item_id=after.item_id,
            section_id=after.section_id,
            before=before.value,
            after=after.value,
            before_score=before.score,
            after_score=after.score,
            direction=direction(before.score, after.score),
        )
        changes.append(change)
    return changes
