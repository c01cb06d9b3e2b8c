"""Quiz persistence: attempts, poll answers and Leitner cards, all kept in the database.

Every function takes an explicit session and never commits: the caller's `session_scope`
decides. A bot that restarts can resume any quiz from these rows alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlmodel import Session, col, select

from core.errors import NotFoundError, ValidationError
from quizzes.models import (
    AttemptStatus,
    QuizAttempt,
    QuizAttemptItem,
    as_utc,
    json_ints,
    utc_now,
)
from quizzes.progress import (
    AttemptSummary,
    UserResults,
    due_practice,
    results_for_user,
    review_card,
)
from quizzes.questions import QuestionBank
from quizzes.sessions import Answer, PlanItem, QuizPlan, ScoreCard, score

__all__ = [
    "AnswerOutcome",
    "AttemptSummary",
    "Rejected",
    "UserResults",
    "abandon_attempt",
    "attempt_items",
    "attempt_score",
    "current_attempt",
    "due_practice",
    "finish_attempt",
    "next_item",
    "plan_item_for",
    "record_answer",
    "record_item_answer",
    "record_poll",
    "results_for_user",
    "start_attempt",
]


class Rejected(StrEnum):
    """Why an answer was ignored; nothing in the database changed."""

    UNKNOWN_POLL = "unknown_poll"
    UNKNOWN_ITEM = "unknown_item"
    NOT_YOUR_QUIZ = "not_your_quiz"
    ALREADY_ANSWERED = "already_answered"
    ATTEMPT_CLOSED = "attempt_closed"
    INVALID_CHOICE = "invalid_choice"


@dataclass(frozen=True)
class AnswerOutcome:
    """An accepted answer: whether it was right and how far the attempt has got."""

    attempt_id: int
    item_id: int
    position: int
    question_id: str
    correct: bool
    answered: int
    total: int

    @property
    def attempt_complete(self) -> bool:
        """Whether every item of the attempt now has an answer."""
        return self.answered >= self.total


def start_attempt(
    *,
    session: Session,
    user_id: int,
    chat_id: int,
    plan: QuizPlan,
    started_at: datetime | None = None,
    assignment_id: int | None = None,
) -> QuizAttempt:
    """Store a new attempt with its items; the learner's open attempt, if any, is abandoned."""
    if not plan.items:
        raise ValidationError("cannot start a quiz without questions")
    at = as_utc(started_at or utc_now())
    _abandon_open_attempts(session, user_id, at)
    attempt = QuizAttempt(
        user_id=user_id, chat_id=chat_id, topic=plan.topic, mode=plan.mode,
        length=len(plan.items), assignment_id=assignment_id, started_at=at,
    )  # fmt: skip
    session.add(attempt)
    session.flush()
    session.add_all(_item_row(_id(attempt), item) for item in plan.items)
    session.flush()
    return attempt


def record_poll(
    *, session: Session, attempt_item_id: int, poll_id: str, message_id: int | None
) -> QuizAttemptItem:
    """Remember which poll (and message) shows an item, so its answer can be matched later."""
    item = session.get(QuizAttemptItem, attempt_item_id)
    if item is None:
        raise NotFoundError(f"no quiz item {attempt_item_id}")
    item.poll_id, item.message_id = poll_id, message_id
    session.add(item)
    session.flush()
    return item


def record_answer(
    *,
    session: Session,
    poll_id: str,
    user_id: int,
    option_ids: Sequence[int],
    answered_at: datetime,
) -> AnswerOutcome | Rejected:
    """Grade a poll answer; a forged or stale one changes nothing and says why."""
    statement = select(QuizAttemptItem).where(QuizAttemptItem.poll_id == poll_id)
    item = session.exec(statement).first()
    if item is None:
        return Rejected.UNKNOWN_POLL
    return _answer_item(session, item, user_id, option_ids, as_utc(answered_at))


def record_item_answer(
    *,
    session: Session,
    attempt_item_id: int,
    user_id: int,
    shown_choice: Sequence[int],
    answered_at: datetime,
) -> AnswerOutcome | Rejected:
    """Grade an answer given outside a poll (e.g. an ordering built with buttons)."""
    item = session.get(QuizAttemptItem, attempt_item_id)
    if item is None:
        return Rejected.UNKNOWN_ITEM
    return _answer_item(session, item, user_id, shown_choice, as_utc(answered_at))


def current_attempt(*, session: Session, user_id: int) -> QuizAttempt | None:
    """The learner's open attempt, if any (the newest one)."""
    statement = (
        select(QuizAttempt)
        .where(QuizAttempt.user_id == user_id)
        .where(QuizAttempt.status == AttemptStatus.IN_PROGRESS.value)
        .order_by(col(QuizAttempt.id).desc())
    )
    return session.exec(statement).first()


def attempt_items(*, session: Session, attempt_id: int) -> list[QuizAttemptItem]:
    """The items of an attempt in asking order."""
    statement = (
        select(QuizAttemptItem)
        .where(QuizAttemptItem.attempt_id == attempt_id)
        .order_by(col(QuizAttemptItem.position))
    )
    return list(session.exec(statement))


def next_item(*, session: Session, attempt_id: int) -> QuizAttemptItem | None:
    """The first unanswered item of an attempt, or None when all are answered."""
    items = attempt_items(session=session, attempt_id=attempt_id)
    return next((item for item in items if item.answered_at is None), None)


def plan_item_for(row: QuizAttemptItem, bank: QuestionBank) -> PlanItem:
    """Rebuild the shown question of a stored item (e.g. to re-send it after a restart).

    Raises:
        NotFoundError: the question left the bank or changed its options since.

    """
    question = bank.by_id(row.question_id)
    order = tuple(json_ints(row.option_order))
    if sorted(order) != list(range(len(question.options))):
        raise NotFoundError(f"question {row.question_id!r} changed since the quiz started")
    return PlanItem(row.position, question, order)


def finish_attempt(
    *, session: Session, attempt_id: int, finished_at: datetime | None = None
) -> ScoreCard:
    """Close an open attempt and store its score; an attempt already closed keeps its state."""
    attempt = _attempt(session, attempt_id)
    card = attempt_score(session=session, attempt_id=attempt_id)
    if attempt.status == AttemptStatus.IN_PROGRESS.value:
        attempt.status = AttemptStatus.FINISHED.value
        attempt.finished_at = as_utc(finished_at or utc_now())
        attempt.score = card.correct
        session.add(attempt)
        session.flush()
    return card


def abandon_attempt(*, session: Session, attempt_id: int, at: datetime | None = None) -> None:
    """Close an open attempt without a score (answers given so far are kept)."""
    attempt = _attempt(session, attempt_id)
    if attempt.status == AttemptStatus.IN_PROGRESS.value:
        attempt.status = AttemptStatus.ABANDONED.value
        attempt.finished_at = as_utc(at or utc_now())
        session.add(attempt)
        session.flush()


def attempt_score(*, session: Session, attempt_id: int) -> ScoreCard:
    """Score an attempt from its stored items; unanswered items count as not right."""
    items = attempt_items(session=session, attempt_id=attempt_id)
    return score(Answer(i.question_id, i.topic, i.correct, i.answered_at) for i in items)


def _item_row(attempt_id: int, item: PlanItem) -> QuizAttemptItem:
    """The stored form of a plan item, with a copy of its topic and answer key."""
    question = item.question
    return QuizAttemptItem(
        attempt_id=attempt_id, position=item.position, question_id=question.id,
        topic=question.topic, kind=question.kind, option_order=list(item.option_order),
        answer_key=list(question.answer_key),
    )  # fmt: skip


def _answer_item(
    session: Session, item: QuizAttemptItem, user_id: int, shown: Sequence[int], at: datetime
) -> AnswerOutcome | Rejected:
    """Check that the answer may be taken, then grade and store it."""
    attempt = _attempt(session, item.attempt_id)
    rejection = _rejection(attempt, item, user_id)
    if rejection is not None:
        return rejection
    canonical = _canonical_choice(item, shown)
    if canonical is None:
        return Rejected.INVALID_CHOICE
    correct = canonical == json_ints(item.answer_key)
    _store_answer(session, item, canonical, correct, at)
    review_card(
        session=session, user_id=user_id, question_id=item.question_id, correct=correct, at=at
    )
    return _outcome(session, item, correct)


def _rejection(attempt: QuizAttempt, item: QuizAttemptItem, user_id: int) -> Rejected | None:
    """Why this user may not answer this item now, or None when they may."""
    if attempt.user_id != user_id:
        return Rejected.NOT_YOUR_QUIZ
    if attempt.status != AttemptStatus.IN_PROGRESS.value:
        return Rejected.ATTEMPT_CLOSED
    if item.answered_at is not None:
        return Rejected.ALREADY_ANSWERED
    return None


def _canonical_choice(item: QuizAttemptItem, shown: Sequence[int]) -> list[int] | None:
    """Shown indices mapped to canonical ones; None for a choice of the wrong shape."""
    order = json_ints(item.option_order)
    expected = len(order) if item.kind == "ordering" else 1
    if len(shown) != expected or any(not 0 <= index < len(order) for index in shown):
        return None
    return [order[index] for index in shown]


def _store_answer(
    session: Session, item: QuizAttemptItem, canonical: list[int], correct: bool, at: datetime
) -> None:
    """Write the chosen answer (canonical indices) onto the item."""
    if item.kind == "ordering":
        item.chosen_order = canonical
    else:
        item.chosen_index = canonical[0]
    item.correct, item.answered_at = correct, at
    session.add(item)
    session.flush()


def _outcome(session: Session, item: QuizAttemptItem, correct: bool) -> AnswerOutcome:
    """How far the attempt has got after this answer."""
    items = attempt_items(session=session, attempt_id=item.attempt_id)
    answered = sum(row.answered_at is not None for row in items)
    return AnswerOutcome(
        attempt_id=item.attempt_id, item_id=_id(item), position=item.position,
        question_id=item.question_id, correct=correct, answered=answered, total=len(items),
    )  # fmt: skip


def _abandon_open_attempts(session: Session, user_id: int, at: datetime) -> None:
    """Close every open attempt of the learner (one quiz at a time)."""
    while (attempt := current_attempt(session=session, user_id=user_id)) is not None:
        abandon_attempt(session=session, attempt_id=_id(attempt), at=at)


def _attempt(session: Session, attempt_id: int) -> QuizAttempt:
    """An attempt by id; raises NotFoundError when it does not exist."""
    attempt = session.get(QuizAttempt, attempt_id)
    if attempt is None:
        raise NotFoundError(f"no quiz attempt {attempt_id}")
    return attempt


def _id(row: QuizAttempt | QuizAttemptItem) -> int:
    """The primary key of a flushed row."""
    if row.id is None:
        raise ValidationError("row has no id yet; flush the session first")
    return row.id
