"""Read an assignment's attempts from the database into quizzes.analysis, and the leaderboard."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from core.errors import NotFoundError, PermissionDeniedError, ValidationError
from quizzes.analysis import (
    AssignmentInfo,
    AssignmentResults,
    AttemptRecord,
    MemberInfo,
    QuestionInfo,
    analyse_assignment,
)
from quizzes.assignment_progress import member_progress
from quizzes.assignments import get_assignment
from quizzes.cohorts import cohort_members, membership
from quizzes.importers.store import imported_by_ids
from quizzes.models import AttemptStatus, QuizAttempt, QuizAttemptItem
from quizzes.questions import Question, QuestionBank, Text
from quizzes.trainer_models import Assignment, Cohort, imported_row_id


@dataclass(frozen=True)
class LeaderboardEntry:
    """One line of a cohort leaderboard (competition ranking: 1, 2, 2, 4)."""

    rank: int
    user_id: int
    name: str
    points: int


def assignment_results(
    *, session: Session, trainer_id: int, assignment_id: int, bank: QuestionBank
) -> AssignmentResults:
    """Results and item analysis of the trainer's assignment (PermissionDeniedError otherwise)."""
    assignment = get_assignment(
        session=session, trainer_id=trainer_id, assignment_id=assignment_id
    )
    cohort = session.get(Cohort, assignment.cohort_id)
    info = AssignmentInfo(
        assignment_id=assignment_id, title=assignment.title,
        cohort_name=cohort.name if cohort else "", pass_mark=assignment.pass_mark,
        opens_at=assignment.opens_at, due_at=assignment.due_at,
    )  # fmt: skip
    members = [
        MemberInfo(m.user_id, m.first_name or str(m.user_id))
        for m in cohort_members(session=session, cohort_id=assignment.cohort_id)
    ]
    questions = _question_infos(session, bank, assignment)
    return analyse_assignment(info, questions, members, _attempt_records(session, assignment))


def cohort_leaderboard(
    *, session: Session, cohort_id: int, viewer_id: int, limit: int = 10
) -> list[LeaderboardEntry]:
    """Opted-in members ranked by right answers summed over their best attempts.

    Raises:
        PermissionDeniedError: the viewer is neither a member nor the trainer.
        ValidationError: the trainer has not turned the leaderboard on.

    """
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise NotFoundError(f"no cohort {cohort_id}")
    is_member = membership(session=session, cohort_id=cohort_id, user_id=viewer_id) is not None
    if not is_member and cohort.trainer_id != viewer_id:
        raise PermissionDeniedError(f"user {viewer_id} is not in cohort {cohort_id}")
    if not cohort.leaderboard_enabled:
        raise ValidationError("the leaderboard of this cohort is off")
    points = _points(session, cohort_id)
    shown = [
        m for m in cohort_members(session=session, cohort_id=cohort_id) if m.leaderboard_opt_in
    ]
    scored = [(m.user_id, m.first_name or str(m.user_id), points.get(m.user_id, 0)) for m in shown]
    return rank_entries(scored)[:limit]


def rank_entries(scored: Sequence[tuple[int, str, int]]) -> list[LeaderboardEntry]:
    """Rank (user id, name, points) by points, equal points sharing a rank; names break ties."""
    ordered = sorted(scored, key=lambda entry: (-entry[2], entry[1], entry[0]))
    entries: list[LeaderboardEntry] = []
    for index, (user_id, name, points) in enumerate(ordered):
        tied = entries and entries[-1].points == points
        rank = entries[-1].rank if tied else index + 1
        entries.append(LeaderboardEntry(rank, user_id, name, points))
    return entries


def _points(session: Session, cohort_id: int) -> dict[int, int]:
    """Best right answers per assignment, summed per member."""
    statement = select(Assignment).where(Assignment.cohort_id == cohort_id)
    totals: dict[int, int] = {}
    for assignment in session.exec(statement):
        for user_id, progress in member_progress(session=session, assignment=assignment).items():
            totals[user_id] = totals.get(user_id, 0) + (progress.best_correct or 0)
    return totals


def _question_infos(
    session: Session, bank: QuestionBank, assignment: Assignment
) -> list[QuestionInfo]:
    """The frozen questions; one that left the bank keeps its id and the topic it was asked in."""
    imported = imported_by_ids(session=session, question_ids=assignment.question_ids)
    asked_topics = _asked_topics(session, assignment)
    infos = []
    for qid in assignment.question_ids:
        question = imported.get(qid) if imported_row_id(qid) is not None else bank.get(qid)
        infos.append(_info(qid, question, bank, asked_topics.get(qid, "")))
    return infos


def _info(qid: str, question: Question | None, bank: QuestionBank, topic: str) -> QuestionInfo:
    if question is None:
        return QuestionInfo(qid, topic, Text(topic, topic), Text(qid, qid))
    title = Text(bank.topic_title(question.topic, "th"), bank.topic_title(question.topic, "en"))
    return QuestionInfo(qid, question.topic, title, question.text, question.sources)


def _asked_topics(session: Session, assignment: Assignment) -> dict[str, str]:
    statement = (
        select(QuizAttemptItem.question_id, QuizAttemptItem.topic)
        .join(QuizAttempt, col(QuizAttempt.id) == col(QuizAttemptItem.attempt_id))
        .where(QuizAttempt.assignment_id == assignment.id)
    )
    return {qid: topic for qid, topic in session.exec(statement)}


def _attempt_records(session: Session, assignment: Assignment) -> list[AttemptRecord]:
    attempts = list(
        session.exec(select(QuizAttempt).where(QuizAttempt.assignment_id == assignment.id))
    )
    ids = [a.id for a in attempts]
    items = session.exec(select(QuizAttemptItem).where(col(QuizAttemptItem.attempt_id).in_(ids)))
    answers: dict[int, dict[str, bool]] = {}
    for item in items:
        answers.setdefault(item.attempt_id, {})[item.question_id] = bool(item.correct)
    return [
        AttemptRecord(
            user_id=a.user_id,
            attempt_id=a.id or 0,
            finished=a.status == AttemptStatus.FINISHED.value,
            started_at=a.started_at,
            finished_at=a.finished_at,
            answers=answers.get(a.id or 0, {}),
        )
        for a in attempts
    ]
