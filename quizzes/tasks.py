"""The trainee's side of assignments: /tasks, starting or resuming an attempt, finishing it.

Late attempts are allowed (they are flagged in the results) unless the trainer set a late
cut-off. Every function takes an explicit session and an explicit `now`, and never commits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlmodel import Session, col, select

from core.errors import NotFoundError, ValidationError
from quizzes.assignment_progress import MemberProgress, member_progress
from quizzes.assignments import (
    ASSIGNMENT_MODE,
    assignment_bank,
    everyone_finished,
    load_assignment,
    resolve_questions,
)
from quizzes.cohorts import member_cohorts, membership
from quizzes.models import QuizAttempt, as_utc
from quizzes.questions import QuestionBank
from quizzes.service import finish_attempt, start_attempt
from quizzes.sessions import QuizPlan, ScoreCard, make_plan_item
from quizzes.trainer_models import Assignment, Reveal


class Refusal(StrEnum):
    """Why a trainee cannot start an assignment now."""

    NOT_A_MEMBER = "not_a_member"
    NOT_OPEN_YET = "not_open_yet"
    CLOSED = "closed"
    NO_ATTEMPTS_LEFT = "no_attempts_left"


class AssignmentUnavailableError(ValidationError):
    """The assignment cannot be started; `reason` lets the bot answer politely."""

    def __init__(self, reason: Refusal, detail: str) -> None:
        self.reason = reason
        super().__init__(detail)


@dataclass(frozen=True)
class AssignmentStart:
    """The attempt to run, whether it was already open, and a bank holding its questions."""

    attempt: QuizAttempt
    resumed: bool
    bank: QuestionBank


@dataclass(frozen=True)
class AssignmentFinish:
    """A finished assignment attempt as the learner and the trainer need to hear about it."""

    assignment_id: int
    trainer_id: int
    card: ScoreCard
    passed: bool
    late: bool
    reveal_answers: bool
    everyone_finished: bool


@dataclass(frozen=True)
class Task:
    """One line of a trainee's /tasks list."""

    assignment_id: int
    cohort_name: str
    title: str
    due_at: datetime
    attempts_used: int
    attempts_allowed: int
    in_progress_attempt_id: int | None
    best_percent: int | None
    overdue: bool

    @property
    def attempts_left(self) -> int:
        """Attempts the trainee may still start."""
        return max(self.attempts_allowed - self.attempts_used, 0)


def start_assignment_attempt(
    *,
    session: Session,
    assignment_id: int,
    user_id: int,
    chat_id: int,
    bank: QuestionBank,
    now: datetime,
    rng: random.Random,
) -> AssignmentStart:
    """Start (or resume) the member's attempt at the assignment.

    Raises:
        AssignmentUnavailableError: not a member, not open yet, closed, or no attempts left.

    """
    assignment = load_assignment(session=session, assignment_id=assignment_id)
    full_bank = assignment_bank(session=session, bank=bank, assignment=assignment)
    progress = _startable_progress(session, assignment, user_id, as_utc(now))
    if progress.in_progress_attempt_id is not None:
        open_attempt = session.get(QuizAttempt, progress.in_progress_attempt_id)
        if open_attempt is not None:
            return AssignmentStart(open_attempt, True, full_bank)
    _refuse_if_used_up(assignment, progress)
    questions = resolve_questions(session=session, bank=bank, question_ids=assignment.question_ids)
    items = tuple(make_plan_item(q, position, rng) for position, q in enumerate(questions))
    plan = QuizPlan(items, topic=None, mode=ASSIGNMENT_MODE)
    attempt = start_attempt(
        session=session, user_id=user_id, chat_id=chat_id, plan=plan,
        started_at=now, assignment_id=assignment_id,
    )  # fmt: skip
    return AssignmentStart(attempt, False, full_bank)


def finish_assignment_attempt(
    *, session: Session, attempt_id: int, now: datetime
) -> AssignmentFinish:
    """Close the attempt and say whether it passed, was late, and completed the cohort."""
    attempt = session.get(QuizAttempt, attempt_id)
    if attempt is None or attempt.assignment_id is None:
        raise NotFoundError(f"no assignment attempt {attempt_id}")
    card = finish_attempt(session=session, attempt_id=attempt_id, finished_at=now)
    assignment = load_assignment(session=session, assignment_id=attempt.assignment_id)
    finished_at = as_utc(attempt.finished_at or now)
    return AssignmentFinish(
        assignment_id=attempt.assignment_id, trainer_id=assignment.trainer_id, card=card,
        passed=100 * card.correct >= assignment.pass_mark * card.total,
        late=finished_at > as_utc(assignment.due_at),
        reveal_answers=answers_revealed(assignment, finished_at),
        everyone_finished=everyone_finished(session=session, assignment_id=attempt.assignment_id),
    )  # fmt: skip


def answers_revealed(assignment: Assignment, now: datetime) -> bool:
    """Whether learners may see the right answers now."""
    if assignment.reveal == Reveal.IMMEDIATELY.value:
        return True
    return as_utc(now) >= as_utc(assignment.due_at)


def open_tasks(*, session: Session, user_id: int, now: datetime) -> list[Task]:
    """The member's assignments that are open and can still be started or resumed."""
    moment = as_utc(now)
    tasks = []
    for cohort in member_cohorts(session=session, user_id=user_id):
        for assignment in _cohort_assignments(session, cohort.id or 0):
            progress = member_progress(session=session, assignment=assignment).get(user_id)
            task = _task(assignment, cohort.name, progress or MemberProgress(), moment)
            if task is not None:
                tasks.append(task)
    return sorted(tasks, key=lambda task: (task.due_at, task.assignment_id))


def _startable_progress(
    session: Session, assignment: Assignment, user_id: int, now: datetime
) -> MemberProgress:
    """The member's progress, after checking membership and the window."""
    if membership(session=session, cohort_id=assignment.cohort_id, user_id=user_id) is None:
        raise AssignmentUnavailableError(Refusal.NOT_A_MEMBER, "not a member of this cohort")
    if now < as_utc(assignment.opens_at):
        raise AssignmentUnavailableError(Refusal.NOT_OPEN_YET, "the assignment is not open yet")
    cutoff = assignment.late_cutoff_at
    if cutoff is not None and now >= as_utc(cutoff):
        raise AssignmentUnavailableError(Refusal.CLOSED, "the assignment is closed")
    return member_progress(session=session, assignment=assignment).get(user_id, MemberProgress())


def _refuse_if_used_up(assignment: Assignment, progress: MemberProgress) -> None:
    if progress.attempts_used >= assignment.attempts_allowed:
        detail = f"all {assignment.attempts_allowed} attempt(s) used"
        raise AssignmentUnavailableError(Refusal.NO_ATTEMPTS_LEFT, detail)


def _task(
    assignment: Assignment, cohort_name: str, progress: MemberProgress, now: datetime
) -> Task | None:
    """The task line, or None when the member can neither start nor resume it now."""
    cutoff = assignment.late_cutoff_at
    window_open = as_utc(assignment.opens_at) <= now and (cutoff is None or now < as_utc(cutoff))
    can_start = window_open and progress.attempts_used < assignment.attempts_allowed
    if not can_start and progress.in_progress_attempt_id is None:
        return None
    return Task(
        assignment_id=assignment.id or 0, cohort_name=cohort_name, title=assignment.title,
        due_at=as_utc(assignment.due_at), attempts_used=progress.attempts_used,
        attempts_allowed=assignment.attempts_allowed,
        in_progress_attempt_id=progress.in_progress_attempt_id,
        best_percent=progress.best_percent(len(assignment.question_ids)),
        overdue=now > as_utc(assignment.due_at),
    )  # fmt: skip


def _cohort_assignments(session: Session, cohort_id: int) -> list[Assignment]:
    statement = select(Assignment).where(Assignment.cohort_id == cohort_id)
    return list(session.exec(statement.order_by(col(Assignment.due_at))))
