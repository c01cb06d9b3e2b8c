"""Quiz tables: attempts, the items asked in each, and Leitner practice cards."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, UniqueConstraint
from sqlmodel import Field, SQLModel

# Re-exported: other modules import the timestamp helpers from here.
from core.timestamps import UTCDateTime as UTCDateTime
from core.timestamps import as_utc as as_utc
from core.timestamps import utc_now as utc_now


class AttemptStatus(StrEnum):
    """Life cycle of an attempt."""

    IN_PROGRESS = "in_progress"
    FINISHED = "finished"
    ABANDONED = "abandoned"


class QuizAttempt(SQLModel, table=True):
    """One learner's run through one quiz (or practice round)."""

    __tablename__ = "quiz_attempt"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_type=BigInteger, index=True)
    chat_id: int = Field(sa_type=BigInteger)
    topic: str | None = None
    mode: str = "quiz"
    length: int
    status: str = Field(default=AttemptStatus.IN_PROGRESS.value, index=True)
    # Reserved for trainer assignments; no foreign key until that table exists.
    assignment_id: int | None = Field(default=None, index=True)
    started_at: datetime = Field(sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    score: int | None = None


class QuizAttemptItem(SQLModel, table=True):
    """One question asked in an attempt, with how it was shown and how it was answered.

    The topic and the answer key are copied from the bank when the quiz starts, so grading
    and results stay right even if the bank changes while a quiz is open.
    """

    __tablename__ = "quiz_attempt_item"
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="quiz_attempt.id", index=True)
    position: int
    question_id: str = Field(index=True)
    topic: str
    kind: str
    option_order: list[int] = Field(sa_type=JSON)
    answer_key: list[int] = Field(sa_type=JSON)
    poll_id: str | None = Field(default=None, unique=True)
    message_id: int | None = Field(default=None, sa_type=BigInteger)
    chosen_index: int | None = None
    chosen_order: list[int] | None = Field(default=None, sa_type=JSON)
    correct: bool | None = None
    answered_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class LeitnerCard(SQLModel, table=True):
    """A question a learner got wrong, in a Leitner box, due for practice at `due_at`."""

    __tablename__ = "quiz_leitner_card"
    __table_args__ = (UniqueConstraint("user_id", "question_id"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_type=BigInteger, index=True)
    question_id: str
    box: int = 1
    due_at: datetime = Field(sa_type=UTCDateTime, index=True)
    updated_at: datetime = Field(sa_type=UTCDateTime)


def json_ints(value: Any) -> list[int]:
    """A JSON column read back as a list of ints (tolerates None)."""
    return [int(item) for item in value or []]
