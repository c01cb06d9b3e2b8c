"""Every answer the bot gave, with the user's 👍/👎, and its CSV export for reviewers."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any, TextIO

from sqlalchemy import JSON, BigInteger, Column, Text
from sqlmodel import Field, Session, SQLModel, col, select

from core.dates import DEFAULT_TIMEZONE, format_iso_local
from core.users import User, UTCDateTime, utc_now

CSV_COLUMNS = (
    "id",
    "time",
    "user_id",
    "user_name",
    "lang",
    "question",
    "answer",
    "found",
    "citations",
    "feedback",
    "feedback_time",
)


class Feedback(StrEnum):
    """A user's verdict on one answer."""

    UP = "up"
    DOWN = "down"


class AnswerRecord(SQLModel, table=True):
    """One question and the answer given, kept for feedback and review."""

    __tablename__ = "answer_record"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(sa_column=Column(BigInteger, index=True, nullable=False))
    chat_id: int = Field(sa_column=Column(BigInteger, nullable=False))
    question: str = Field(sa_column=Column(Text, nullable=False))
    answer: str = Field(sa_column=Column(Text, nullable=False))
    # Each citation as {doc, title, unit, number, label, text}: the sources button shows these.
    citations: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON))
    found: bool = True
    lang: str = "th"
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    feedback: str | None = None
    feedback_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # How the answer was composed ("extractive" or "llm") and the retrieval confidence, so a
    # reviewer can tell a weak match from a bad composition; None on rows older than 0002.
    mode: str | None = Field(default=None, max_length=16)
    confidence: float | None = None


def record_answer(
    *,
    session: Session,
    user_id: int,
    chat_id: int,
    question: str,
    answer: str,
    citations: Sequence[Mapping[str, Any]],
    found: bool,
    lang: str,
    mode: str | None = None,
    confidence: float | None = None,
) -> AnswerRecord:
    """Store an answer as given and return it with its id."""
    record = AnswerRecord(
        user_id=user_id,
        chat_id=chat_id,
        question=question,
        answer=answer,
        citations=[dict(c) for c in citations],
        found=found,
        lang=lang,
        mode=mode,
        confidence=confidence,
    )
    session.add(record)
    session.flush()
    return record


def get_answer_for(*, session: Session, answer_id: int, user_id: int) -> AnswerRecord | None:
    """The answer with this id if it was given to this user (a forged id yields None)."""
    record = session.get(AnswerRecord, answer_id)
    return record if record is not None and record.user_id == user_id else None


def set_feedback(
    *, session: Session, answer_id: int, user_id: int, feedback: Feedback
) -> AnswerRecord | None:
    """Store 👍/👎 on the user's own answer; None (and no change) for anyone else's."""
    record = get_answer_for(session=session, answer_id=answer_id, user_id=user_id)
    if record is None:
        return None
    record.feedback = feedback.value
    record.feedback_at = utc_now()
    session.add(record)
    session.flush()
    return record


def export_csv(
    *, session: Session, out: TextIO, rated_only: bool = False, tz: str = DEFAULT_TIMEZONE
) -> int:
    """Write answers (oldest first) as CSV rows to `out`; returns how many were written.

    Times are local to `tz` (the TIMEZONE setting), and the time headers name the zone.
    """
    query = select(AnswerRecord, User).join(
        User, col(User.telegram_id) == col(AnswerRecord.user_id), isouter=True
    )
    if rated_only:
        query = query.where(col(AnswerRecord.feedback).is_not(None))
    writer = csv.writer(out)
    writer.writerow([f"{c} ({tz})" if c.endswith("time") else c for c in CSV_COLUMNS])
    count = 0
    for record, user in session.exec(query.order_by(col(AnswerRecord.id))):
        writer.writerow(csv_row(record, user.first_name if user else "", tz))
        count += 1
    return count


def csv_row(record: AnswerRecord, user_name: str, tz: str = DEFAULT_TIMEZONE) -> list[str]:
    """One export row: citations as their labels, times local to `tz`."""
    labels = "; ".join(str(c.get("label", "")) for c in record.citations or [])
    return [
        str(record.id),
        _time(record.created_at, tz),
        str(record.user_id),
        user_name,
        record.lang,
        record.question,
        record.answer,
        "yes" if record.found else "no",
        labels,
        record.feedback or "",
        _time(record.feedback_at, tz),
    ]


def _time(moment: datetime | None, tz: str) -> str:
    return format_iso_local(moment, tz) if moment else ""
