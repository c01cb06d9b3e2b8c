"""Read-side glue between the quiz handlers and the quiz tables, with ownership checks.

Everything that changes quiz state goes through `quizzes.service`; these helpers only find
rows for a handler and check that they belong to the person pressing or answering.
`item_for_poll` and `next_due_at` are small queries `quizzes` does not offer (yet).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, select

from bot.context import Services
from core.timestamps import as_utc
from core.users import get_user, resolve_language
from quizzes.models import AttemptStatus, LeitnerCard, QuizAttempt, QuizAttemptItem


def owned_attempt(*, session: Session, attempt_id: int, user_id: int) -> QuizAttempt | None:
    """The attempt when it exists and is this user's; None otherwise."""
    attempt = session.get(QuizAttempt, attempt_id)
    return attempt if attempt is not None and attempt.user_id == user_id else None


def is_open(attempt: QuizAttempt) -> bool:
    """Whether the attempt still takes answers."""
    return attempt.status == AttemptStatus.IN_PROGRESS.value


def open_item(
    *, session: Session, item_id: int, user_id: int
) -> tuple[QuizAttempt, QuizAttemptItem] | None:
    """An unanswered item of this user's open attempt, with the attempt; None otherwise."""
    item = session.get(QuizAttemptItem, item_id)
    if item is None or item.answered_at is not None:
        return None
    attempt = owned_attempt(session=session, attempt_id=item.attempt_id, user_id=user_id)
    return (attempt, item) if attempt is not None and is_open(attempt) else None


def item_for_poll(*, session: Session, poll_id: str) -> QuizAttemptItem | None:
    """The attempt item a quiz poll shows, if the poll is one of ours and still current."""
    statement = select(QuizAttemptItem).where(QuizAttemptItem.poll_id == poll_id)
    return session.exec(statement).first()


def next_due_at(*, session: Session, user_id: int) -> datetime | None:
    """When the learner's next Leitner card is due, or None without cards."""
    statement = (
        select(LeitnerCard.due_at)
        .where(LeitnerCard.user_id == user_id)
        .order_by(col(LeitnerCard.due_at))
        .limit(1)
    )
    moment = session.exec(statement).first()
    return as_utc(moment) if moment is not None else None


def language_of(services: Services, user_id: int) -> str:
    """A user's reply language when the update carries no user (e.g. a closed poll)."""
    with services.session() as session:
        stored = get_user(session=session, telegram_id=user_id)
    chosen = stored.language if stored else None
    return resolve_language(chosen, None, services.settings.default_language)


def item_after(items: Sequence[QuizAttemptItem], position: int) -> QuizAttemptItem | None:
    """The first unanswered item after `position` (items before it were answered or timed out)."""
    return next((i for i in items if i.position > position and i.answered_at is None), None)


def missed(items: Sequence[QuizAttemptItem]) -> list[QuizAttemptItem]:
    """Items answered wrongly or not answered, in asking order."""
    return [item for item in items if item.correct is not True]
