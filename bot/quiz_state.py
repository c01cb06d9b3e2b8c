"""A quiz attempt's language and time limit, kept in the database so a restart keeps them.

Closed-poll updates carry no user, so the language to answer in must be found from the
attempt; a timed quiz must stay timed after the bot was redeployed or another worker took
the next answer. One row per attempt, written when the attempt starts.
"""

from __future__ import annotations

from sqlmodel import Field, Session, SQLModel

from quizzes import models as _quiz_tables  # noqa: F401  (quiz_attempt, for the foreign key)


class QuizAttemptOption(SQLModel, table=True):
    """The language an attempt is asked in and its per-question time limit (if any)."""

    __tablename__ = "quiz_attempt_option"

    attempt_id: int = Field(
        foreign_key="quiz_attempt.id", primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    lang: str = Field(max_length=8)
    timer_s: int | None = None


def save_options(*, session: Session, attempt_id: int, lang: str, timer_s: int | None) -> None:
    """Store an attempt's language, and its time limit when one is given (kept otherwise)."""
    row = session.get(QuizAttemptOption, attempt_id)
    if row is None:
        row = QuizAttemptOption(attempt_id=attempt_id, lang=lang)
    row.lang = lang
    if timer_s:
        row.timer_s = timer_s
    session.add(row)


def load_options(*, session: Session, attempt_id: int) -> QuizAttemptOption | None:
    """An attempt's stored language and time limit, if any were stored."""
    return session.get(QuizAttemptOption, attempt_id)
