"""A learner's progress in the database: Leitner cards, practice due, past attempts by topic."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from quizzes.leitner import FIRST_BOX, LAST_BOX, due_at, is_due, leitner_next_box
from quizzes.models import LeitnerCard, QuizAttempt, QuizAttemptItem, as_utc, utc_now
from quizzes.sessions import TopicScore


@dataclass(frozen=True)
class AttemptSummary:
    """One past attempt as /myresults lists it."""

    attempt_id: int
    topic: str | None
    mode: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    total: int
    answered: int
    correct: int

    @property
    def percent(self) -> int:
        """Right answers out of all questions of the attempt, as a whole percent."""
        return TopicScore(self.total, self.correct).percent


@dataclass(frozen=True)
class UserResults:
    """A learner's recent attempts, answers by topic, and Leitner boxes."""

    attempts: list[AttemptSummary]
    by_topic: dict[str, TopicScore]
    boxes: dict[int, int]
    due_now: int


def due_practice(
    *, session: Session, user_id: int, now: datetime, limit: int | None = None
) -> list[str]:
    """Ids of the learner's questions due for practice, most overdue first."""
    statement = (
        select(LeitnerCard.question_id)
        .where(LeitnerCard.user_id == user_id)
        .where(LeitnerCard.due_at <= as_utc(now))
        .order_by(col(LeitnerCard.due_at), col(LeitnerCard.box), col(LeitnerCard.question_id))
        .limit(limit)
    )
    return list(session.exec(statement))


def review_card(
    *, session: Session, user_id: int, question_id: str, correct: bool, at: datetime
) -> None:
    """Move the learner's Leitner card for this question; a first wrong answer creates one."""
    statement = select(LeitnerCard).where(
        LeitnerCard.user_id == user_id, LeitnerCard.question_id == question_id
    )
    card = session.exec(statement).first()
    if card is None:
        card = None if correct else _new_card(user_id, question_id, at)
    elif correct and not is_due(as_utc(card.due_at), at):
        card = None  # a right answer before the card is due proves little; keep the schedule
    else:
        card.box = leitner_next_box(card.box, correct)
        card.due_at, card.updated_at = due_at(card.box, at), at
    if card is not None:
        session.add(card)
        session.flush()


def _new_card(user_id: int, question_id: str, at: datetime) -> LeitnerCard:
    """A card in the first box, due at once."""
    return LeitnerCard(
        user_id=user_id, question_id=question_id, box=FIRST_BOX,
        due_at=due_at(FIRST_BOX, at), updated_at=at,
    )  # fmt: skip


def results_for_user(
    *, session: Session, user_id: int, limit: int = 10, now: datetime | None = None
) -> UserResults:
    """Newest attempts first (at most `limit`), right answers by topic over all answers."""
    attempts = _recent_attempts(session, user_id, limit)
    answered = _answered_items(session, user_id)
    cards = list(session.exec(select(LeitnerCard).where(LeitnerCard.user_id == user_id)))
    moment = as_utc(now or utc_now())
    boxes = Counter(card.box for card in cards)
    return UserResults(
        attempts=[_summary(session, attempt) for attempt in attempts],
        by_topic=_by_topic(answered),
        boxes={box: boxes.get(box, 0) for box in range(1, LAST_BOX + 1)},
        due_now=sum(as_utc(card.due_at) <= moment for card in cards),
    )


def _recent_attempts(session: Session, user_id: int, limit: int) -> list[QuizAttempt]:
    statement = (
        select(QuizAttempt)
        .where(QuizAttempt.user_id == user_id)
        .order_by(col(QuizAttempt.started_at).desc(), col(QuizAttempt.id).desc())
        .limit(limit)
    )
    return list(session.exec(statement))


def _answered_items(session: Session, user_id: int) -> list[QuizAttemptItem]:
    """Every answered item of every attempt of the learner."""
    statement = (
        select(QuizAttemptItem)
        .join(QuizAttempt, col(QuizAttempt.id) == col(QuizAttemptItem.attempt_id))
        .where(QuizAttempt.user_id == user_id)
        .where(col(QuizAttemptItem.answered_at).is_not(None))
    )
    return list(session.exec(statement))


def _by_topic(items: list[QuizAttemptItem]) -> dict[str, TopicScore]:
    """Answered and right counts per topic, topics sorted by name."""
    asked = Counter(item.topic for item in items)
    right = Counter(item.topic for item in items if item.correct)
    return {topic: TopicScore(asked[topic], right[topic]) for topic in sorted(asked)}


def _summary(session: Session, attempt: QuizAttempt) -> AttemptSummary:
    """Counts for one attempt from its items."""
    items = list(
        session.exec(select(QuizAttemptItem).where(QuizAttemptItem.attempt_id == attempt.id))
    )
    return AttemptSummary(
        attempt_id=attempt.id or 0, topic=attempt.topic, mode=attempt.mode,
        status=attempt.status, started_at=attempt.started_at, finished_at=attempt.finished_at,
        total=len(items), answered=sum(i.answered_at is not None for i in items),
        correct=sum(bool(i.correct) for i in items),
    )  # fmt: skip
