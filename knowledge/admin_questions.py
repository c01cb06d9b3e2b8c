"""Test questions admins add to the knowledge base's gate (beside the shipped golden set)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, Session, SQLModel, col, select

from core.errors import ValidationError
from core.timestamps import UTCDateTime, utc_now

MAX_QUESTION_CHARS = 500
MAX_EXPECTED_CHARS = 300


class KbTestQuestion(SQLModel, table=True):
    """A question the live and every staged version must answer from the expected text."""

    __tablename__ = "kb_test_question"

    id: int | None = Field(default=None, primary_key=True)
    question: str = Field(sa_column=Column(Text, nullable=False))
    # A passage containing any of these (whitespace ignored) counts as a hit.
    expected: list[str] = Field(default_factory=list, sa_column=Column(JSON))
    lang: str = "th"
    added_by: str = ""
    added_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


def add_test_question(
    *, session: Session, question: str, expected: list[str], lang: str, added_by: str
) -> KbTestQuestion:
    """Store a test question after checking it is usable.

    Raises:
        ValidationError: The question or the expected text is empty or too long.

    """
    question = question.strip()
    expected = [text.strip() for text in expected if text.strip()]
    if not question or not expected:
        raise ValidationError("a test question needs the question and the expected text")
    if len(question) > MAX_QUESTION_CHARS or any(len(e) > MAX_EXPECTED_CHARS for e in expected):
        raise ValidationError("the test question or its expected text is too long")
    row = KbTestQuestion(question=question, expected=expected, lang=lang, added_by=added_by)
    session.add(row)
    session.flush()
    return row


def list_test_questions(*, session: Session) -> list[KbTestQuestion]:
    """Every admin test question, oldest first."""
    return list(session.exec(select(KbTestQuestion).order_by(col(KbTestQuestion.id))).all())


def remove_test_question(*, session: Session, question_id: int) -> KbTestQuestion | None:
    """Delete one test question; returns it, or None when there is no such id."""
    row = session.get(KbTestQuestion, question_id)
    if row is not None:
        session.delete(row)
        session.flush()
    return row
