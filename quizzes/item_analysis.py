"""Classical item analysis: facility, discrimination (27% groups) and point-biserial (pure).

- Facility = share of the attempts that got the question right (unanswered counts as wrong).
- Discrimination D = facility in the upper group - facility in the lower group; the groups are
  the top and bottom 27% of attempts by total score (rounded half up, at least 1 attempt each
  when there are 2 or more), ranked by score, ties broken by user id.
- Point-biserial r = (M_right - M_wrong) / s * sqrt(p * (1 - p)) with the attempt's total score
  and s its population standard deviation; None when everyone or no one is right.
- Flags (too easy, too hard, negative discrimination) only from MIN_RESPONDENTS attempts up:
  with fewer, one answer more or less swings p by 25 points or more, so nothing is judged.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from statistics import fmean, pstdev

from quizzes.questions import SlideRef, Text

TOO_EASY_ABOVE = 0.9
TOO_HARD_BELOW = 0.2
GROUP_SHARE = 0.27
MIN_RESPONDENTS = 5


class ItemFlag(StrEnum):
    """Why a question deserves a second look."""

    TOO_EASY = "too_easy"
    TOO_HARD = "too_hard"
    NEGATIVE_DISCRIMINATION = "negative_discrimination"


@dataclass(frozen=True)
class QuestionInfo:
    """One question of the assignment, in asking order."""

    question_id: str
    topic: str
    topic_title: Text
    text: Text
    sources: tuple[SlideRef, ...] = ()


@dataclass(frozen=True)
class AttemptRecord:
    """One attempt: `answers` maps question id to right/wrong (missing means unanswered)."""

    user_id: int
    attempt_id: int
    finished: bool
    started_at: datetime
    finished_at: datetime | None
    answers: Mapping[str, bool]

    @property
    def correct(self) -> int:
        """Right answers in this attempt."""
        return sum(self.answers.values())


@dataclass(frozen=True)
class ItemStats:
    """Item analysis of one question."""

    position: int
    question_id: str
    topic: str
    text: Text
    responses: int
    correct: int
    facility: float | None
    discrimination: float | None
    point_biserial: float | None
    flags: tuple[ItemFlag, ...]

    @property
    def judged(self) -> bool:
        """Whether enough people answered for the flags to mean anything."""
        return self.responses >= MIN_RESPONDENTS


def item_analysis(
    questions: Sequence[QuestionInfo], attempts: Sequence[AttemptRecord]
) -> list[ItemStats]:
    """Facility, discrimination and point-biserial for each question over these attempts."""
    totals = [sum(a.answers.get(q.question_id, False) for q in questions) for a in attempts]
    ranked = sorted(range(len(attempts)), key=lambda i: (-totals[i], attempts[i].user_id))
    size = group_size(len(attempts))
    upper, lower = ranked[:size], ranked[len(ranked) - size :]
    stats = []
    for position, question in enumerate(questions, start=1):
        right = [attempts[i].answers.get(question.question_id, False) for i in range(len(totals))]
        stats.append(_item(position, question, right, totals, upper, lower))
    return stats


def group_size(count: int) -> int:
    """Members in each of the upper and lower groups: 27% rounded half up, at least 1."""
    if count < 2:
        return 0
    return max(1, math.floor(GROUP_SHARE * count + 0.5))


def point_biserial(right: Sequence[bool], totals: Sequence[float]) -> float | None:
    """Correlation between getting one item right and the total score."""
    count = len(right)
    spread = pstdev(totals) if count else 0.0
    hits = [t for r, t in zip(right, totals, strict=True) if r]
    misses = [t for r, t in zip(right, totals, strict=True) if not r]
    if count < 2 or not hits or not misses or spread == 0:
        return None
    share = len(hits) / count
    return (fmean(hits) - fmean(misses)) / spread * math.sqrt(share * (1 - share))


def flags_for(
    facility: float | None,
    discrimination: float | None,
    r_pb: float | None,
    responses: int = MIN_RESPONDENTS,
) -> tuple[ItemFlag, ...]:
    """The flags an item earns from its statistics; none from fewer than MIN_RESPONDENTS."""
    flags: list[ItemFlag] = []
    if responses < MIN_RESPONDENTS:
        return ()
    if facility is not None and facility > TOO_EASY_ABOVE:
        flags.append(ItemFlag.TOO_EASY)
    if facility is not None and facility < TOO_HARD_BELOW:
        flags.append(ItemFlag.TOO_HARD)
    if (discrimination is not None and discrimination < 0) or (r_pb is not None and r_pb < 0):
        flags.append(ItemFlag.NEGATIVE_DISCRIMINATION)
    return tuple(flags)


def _item(
    position: int,
    question: QuestionInfo,
    right: list[bool],
    totals: list[int],
    upper: list[int],
    lower: list[int],
) -> ItemStats:
    facility = sum(right) / len(right) if right else None
    discrimination = None
    if upper and lower:
        share = [sum(right[i] for i in group) / len(group) for group in (upper, lower)]
        discrimination = share[0] - share[1]
    r_pb = point_biserial(right, [float(t) for t in totals])
    return ItemStats(
        position=position, question_id=question.question_id, topic=question.topic,
        text=question.text, responses=len(right), correct=sum(right), facility=facility,
        discrimination=discrimination, point_biserial=r_pb,
        flags=flags_for(facility, discrimination, r_pb, len(right)),
    )  # fmt: skip
