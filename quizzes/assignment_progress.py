"""How far each member has got with an assignment, read from their quiz attempts."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlmodel import Session, col, select

from quizzes.models import AttemptStatus, QuizAttempt
from quizzes.sessions import TopicScore
from quizzes.trainer_models import Assignment


@dataclass(frozen=True)
class MemberProgress:
    """One member's attempts at one assignment."""

    attempts_used: int = 0
    finished_count: int = 0
    in_progress_attempt_id: int | None = None
    best_correct: int | None = None

    @property
    def finished(self) -> bool:
        """Whether at least one attempt was finished."""
        return self.finished_count > 0

    def best_percent(self, total: int) -> int | None:
        """The best finished score as a whole percent, or None before any finish."""
        if self.best_correct is None:
            return None
        return TopicScore(total, self.best_correct).percent


def member_progress(*, session: Session, assignment: Assignment) -> dict[int, MemberProgress]:
    """Progress by user id, for everyone who started the assignment at least once."""
    statement = (
        select(QuizAttempt)
        .where(QuizAttempt.assignment_id == assignment.id)
        .order_by(col(QuizAttempt.id))
    )
    progress: dict[int, MemberProgress] = {}
    for attempt in session.exec(statement):
        progress[attempt.user_id] = _add(progress.get(attempt.user_id, MemberProgress()), attempt)
    return progress


def _add(progress: MemberProgress, attempt: QuizAttempt) -> MemberProgress:
    """Fold one attempt into a member's progress."""
    used = replace(progress, attempts_used=progress.attempts_used + 1)
    if attempt.status == AttemptStatus.IN_PROGRESS.value:
        return replace(used, in_progress_attempt_id=attempt.id)
    if attempt.status != AttemptStatus.FINISHED.value:
        return used
    best = max(progress.best_correct or 0, attempt.score or 0)
    return replace(used, finished_count=progress.finished_count + 1, best_correct=best)
