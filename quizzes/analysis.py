"""Results of an assignment and classical item analysis (pure: plain data in, plain data out).

Decisions, so the numbers can be checked by hand:
- Grade: a member's BEST finished attempt counts (ties: the earlier one); pass when
  right answers / questions >= pass mark (exact, not the rounded percent).
- Late: the member's FIRST finished attempt ended after the deadline (they missed it).
- Item analysis and topic weaknesses use each member's FIRST finished attempt, the one not
  coloured by having seen the questions before; an unanswered question counts as wrong.
  The item statistics themselves are defined in quizzes.item_analysis.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from statistics import fmean, median

from quizzes.item_analysis import (
    GROUP_SHARE,
    MIN_RESPONDENTS,
    TOO_EASY_ABOVE,
    TOO_HARD_BELOW,
    AttemptRecord,
    ItemFlag,
    ItemStats,
    QuestionInfo,
    flags_for,
    group_size,
    item_analysis,
    point_biserial,
)
from quizzes.questions import SlideRef, Text

__all__ = [
    "GROUP_SHARE",
    "MIN_RESPONDENTS",
    "TOO_EASY_ABOVE",
    "TOO_HARD_BELOW",
    "AssignmentInfo",
    "AssignmentResults",
    "AttemptRecord",
    "ItemFlag",
    "ItemStats",
    "MemberInfo",
    "MemberResult",
    "MemberStatus",
    "QuestionInfo",
    "TopicResult",
    "analyse_assignment",
    "flags_for",
    "group_size",
    "item_analysis",
    "point_biserial",
    "topic_results",
]


class MemberStatus(StrEnum):
    """Where a member stands with an assignment."""

    FINISHED = "finished"
    STARTED = "started"
    NOT_STARTED = "not_started"


@dataclass(frozen=True)
class AssignmentInfo:
    """The assignment as the results show it."""

    assignment_id: int
    title: str
    cohort_name: str
    pass_mark: int
    opens_at: datetime
    due_at: datetime


@dataclass(frozen=True)
class MemberInfo:
    """A current member of the cohort."""

    user_id: int
    name: str


@dataclass(frozen=True)
class MemberResult:
    """One row of the results table."""

    user_id: int
    name: str
    status: MemberStatus
    attempts: int
    correct: int | None
    total: int
    percent: int | None
    passed: bool | None
    late: bool
    finished_at: datetime | None


@dataclass(frozen=True)
class TopicResult:
    """How the cohort did on one topic, with the slides behind the questions it missed."""

    topic: str
    title: Text
    questions: int
    answers: int
    correct: int
    slides: tuple[SlideRef, ...]

    @property
    def mean_percent(self) -> float | None:
        """Right answers out of answers in this topic, as a percent (None with no answers)."""
        return 100 * self.correct / self.answers if self.answers else None


@dataclass(frozen=True)
class AssignmentResults:
    """Everything /results, the chart and the exports show about one assignment."""

    assignment: AssignmentInfo
    members: tuple[MemberResult, ...]
    items: tuple[ItemStats, ...]
    topics: tuple[TopicResult, ...]

    @property
    def finished(self) -> list[MemberResult]:
        """Members with a finished attempt."""
        return [m for m in self.members if m.status is MemberStatus.FINISHED]

    @property
    def not_finished(self) -> list[MemberResult]:
        """Members who started but never finished, or never started."""
        return [m for m in self.members if m.status is not MemberStatus.FINISHED]

    @property
    def passed_count(self) -> int:
        """How many members passed."""
        return sum(bool(m.passed) for m in self.members)

    @property
    def late_count(self) -> int:
        """How many members finished only after the deadline."""
        return sum(m.late for m in self.members)

    @property
    def mean_percent(self) -> float | None:
        """Mean counted score of finished members, in percent."""
        scores = [100 * (m.correct or 0) / m.total for m in self.finished if m.total]
        return fmean(scores) if scores else None

    @property
    def median_percent(self) -> float | None:
        """Median counted score of finished members, in percent."""
        scores = [100 * (m.correct or 0) / m.total for m in self.finished if m.total]
        return float(median(scores)) if scores else None


def analyse_assignment(
    info: AssignmentInfo,
    questions: Sequence[QuestionInfo],
    members: Sequence[MemberInfo],
    attempts: Sequence[AttemptRecord],
) -> AssignmentResults:
    """Grades for every member, item analysis, and topics weakest first."""
    by_user: dict[int, list[AttemptRecord]] = {}
    for attempt in sorted(attempts, key=lambda a: (a.started_at, a.attempt_id)):
        by_user.setdefault(attempt.user_id, []).append(attempt)
    rows = [_member_row(info, m, by_user.get(m.user_id, []), len(questions)) for m in members]
    firsts = [first for m in members if (first := _first_finished(by_user.get(m.user_id, [])))]
    return AssignmentResults(
        assignment=info,
        members=tuple(sorted(rows, key=_row_order)),
        items=tuple(item_analysis(questions, firsts)),
        topics=tuple(topic_results(questions, firsts)),
    )


def topic_results(
    questions: Sequence[QuestionInfo], attempts: Sequence[AttemptRecord]
) -> list[TopicResult]:
    """Per-topic right answers over these attempts, weakest topic first."""
    results = []
    for topic in dict.fromkeys(q.topic for q in questions):
        own = [q for q in questions if q.topic == topic]
        answers = [a.answers.get(q.question_id, False) for a in attempts for q in own]
        results.append(
            TopicResult(
                topic=topic,
                title=own[0].topic_title,
                questions=len(own),
                answers=len(answers),
                correct=sum(answers),
                slides=_missed_slides(own, attempts),
            )
        )
    return sorted(results, key=_weakest_first)


def _member_row(
    info: AssignmentInfo, member: MemberInfo, attempts: list[AttemptRecord], total: int
) -> MemberResult:
    finished = [a for a in attempts if a.finished]
    first, best = _first_finished(attempts), _best(finished)
    status = MemberStatus.FINISHED if finished else MemberStatus.NOT_STARTED
    if attempts and not finished:
        status = MemberStatus.STARTED
    correct = best.correct if best else None
    late = first is not None and first.finished_at is not None and first.finished_at > info.due_at
    return MemberResult(
        user_id=member.user_id, name=member.name, status=status, attempts=len(attempts),
        correct=correct, total=total,
        percent=None if correct is None else _percent(correct, total),
        passed=None if correct is None else 100 * correct >= info.pass_mark * total,
        late=late, finished_at=best.finished_at if best else None,
    )  # fmt: skip


def _first_finished(attempts: list[AttemptRecord]) -> AttemptRecord | None:
    return next((a for a in attempts if a.finished), None)


def _best(finished: list[AttemptRecord]) -> AttemptRecord | None:
    """The attempt with the most right answers; the earlier one on a tie."""
    return max(finished, key=lambda a: a.correct, default=None)


def _percent(correct: int, total: int) -> int:
    return math.floor(100 * correct / total + 0.5) if total else 0


def _missed_slides(
    questions: list[QuestionInfo], attempts: Sequence[AttemptRecord]
) -> tuple[SlideRef, ...]:
    """Slides of the questions members got wrong, most missed first."""
    misses: Counter[SlideRef] = Counter()
    for question in questions:
        wrong = sum(not a.answers.get(question.question_id, False) for a in attempts)
        misses.update({ref: wrong for ref in question.sources})
    ordered = sorted((ref for ref, n in misses.items() if n), key=lambda r: (-misses[r], r))
    return tuple(ordered)


def _weakest_first(topic: TopicResult) -> tuple[bool, float, str]:
    mean = topic.mean_percent
    return (mean is None, mean if mean is not None else 0.0, topic.topic)


def _row_order(row: MemberResult) -> tuple[int, int, str, int]:
    rank = list(MemberStatus).index(row.status)
    return (rank, -(row.correct or 0), row.name, row.user_id)
