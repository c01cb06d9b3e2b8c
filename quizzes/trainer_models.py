"""Trainer tables: cohorts and members, assignments, notices sent, imported questions.

Every table is prefixed `trainer_`. Times are stored as naive UTC and read back aware UTC
(`quizzes.models.UTCDateTime`), so SQLite and PostgreSQL behave the same.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from quizzes.models import UTCDateTime, utc_now


class Reveal(StrEnum):
    """When learners see the right answers of an assignment."""

    IMMEDIATELY = "immediately"
    AFTER_DUE = "after_due"


class Cohort(SQLModel, table=True):
    """A group of trainees run by one trainer; joined with its invite code."""

    __tablename__ = "trainer_cohort"

    id: int | None = Field(default=None, primary_key=True)
    trainer_id: int = Field(sa_type=BigInteger, index=True)
    name: str
    invite_code: str = Field(sa_column=Column(String(16), unique=True, index=True, nullable=False))
    is_open: bool = True
    # A Telegram group linked to the cohort: /join inside it needs no code.
    group_chat_id: int | None = Field(
        default=None, sa_column=Column(BigInteger, unique=True, nullable=True)
    )
    leaderboard_enabled: bool = False
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


class CohortMember(SQLModel, table=True):
    """A trainee in a cohort; `leaderboard_opt_in` is their own choice."""

    __tablename__ = "trainer_cohort_member"
    __table_args__ = (UniqueConstraint("cohort_id", "user_id"),)

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="trainer_cohort.id", index=True)
    user_id: int = Field(sa_type=BigInteger, index=True)
    first_name: str = ""
    leaderboard_opt_in: bool = False
    joined_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


class Assignment(SQLModel, table=True):
    """A quiz set for a cohort, with its window, attempts, pass mark and frozen questions."""

    __tablename__ = "trainer_assignment"

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="trainer_cohort.id", index=True)
    trainer_id: int = Field(sa_type=BigInteger, index=True)
    title: str
    topics: list[str] = Field(default_factory=list, sa_type=JSON)
    # Drawn once at creation so every member answers the same questions.
    question_ids: list[str] = Field(default_factory=list, sa_type=JSON)
    pass_mark: int
    opens_at: datetime = Field(sa_type=UTCDateTime)
    due_at: datetime = Field(sa_type=UTCDateTime, index=True)
    # No attempt may start after this; None lets late attempts start at any time.
    late_cutoff_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    attempts_allowed: int = 1
    reveal: str = Reveal.AFTER_DUE.value
    reminder_offsets_s: list[int] = Field(default_factory=list, sa_type=JSON)
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)

    @property
    def question_count(self) -> int:
        """How many questions every member answers."""
        return len(self.question_ids)


class NoticeStatus(StrEnum):
    """Where the delivery of a claimed notice stands."""

    SENDING = "sending"  # a worker claimed it and is sending it (until `next_try_at`)
    RETRY = "retry"  # the last try failed; any worker may try again from `next_try_at`
    SENT = "sent"
    FAILED = "failed"  # the person blocked the bot, or every try failed


class NoticeSent(SQLModel, table=True):
    """One notice (announcement, reminder, trainer summary) claimed once per person.

    The row is the claim: whoever inserts it delivers the notice, and records the outcome
    (`status`, `attempts`, `last_error`); a failed try is taken up again by any worker once
    `next_try_at` has passed, as is a claim whose worker died while sending.
    """

    __tablename__ = "trainer_notice_sent"
    __table_args__ = (UniqueConstraint("assignment_id", "user_id", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int = Field(foreign_key="trainer_assignment.id", index=True)
    user_id: int = Field(sa_type=BigInteger)
    kind: str = Field(max_length=32)
    sent_at: datetime = Field(sa_type=UTCDateTime)  # when it was first claimed
    status: str = Field(default=NoticeStatus.SENT.value, max_length=16, index=True)
    attempts: int = 1
    last_error: str | None = Field(default=None, max_length=500)
    next_try_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ImportedQuestion(SQLModel, table=True):
    """A trainer's uploaded question, kept apart from the built-in bank (id `imp-<row id>`)."""

    __tablename__ = "trainer_imported_question"

    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(sa_type=BigInteger, index=True)
    batch: str = Field(index=True, max_length=32)
    source_name: str
    source_format: str
    source_line: int
    topic: str = Field(index=True)
    # Same shape as quizzes.questions.Question (see quizzes.importers.store).
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    active: bool = True
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


IMPORTED_ID_PREFIX = "imp-"


def imported_question_id(row_id: int) -> str:
    """The quiz id of an imported question row."""
    return f"{IMPORTED_ID_PREFIX}{row_id}"


def imported_row_id(question_id: str) -> int | None:
    """The row id inside an imported question id, or None for a built-in question."""
    if not question_id.startswith(IMPORTED_ID_PREFIX):
        return None
    digits = question_id.removeprefix(IMPORTED_ID_PREFIX)
    return int(digits) if digits.isdigit() else None
