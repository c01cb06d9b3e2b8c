"""Where each person stands in the checklist conversation, kept in the database.

The assessment's `current_item` says which question is asked; this table adds what the
assessment cannot know: which of a person's assessments they are working on now, and
whether their next text is a new project's name or evidence for an answered item. It
survives restarts, so an official can pause and continue days later. Typed text counts
as checklist input only within an hour of the last checklist step: someone who comes back
the next day and types a question gets an answer, and /checklist picks the thread up again.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import BigInteger
from sqlmodel import Field, Session, SQLModel

from checklist.models import UTCDateTime, utc_now

TEXT_WINDOW = timedelta(hours=1)


class Awaiting(StrEnum):
    """What kind of typed text the conversation waits for besides section A answers."""

    NOTHING = ""
    PROJECT_NAME = "name"
    EVIDENCE = "evidence"


class ChecklistChat(SQLModel, table=True):
    """One row per person: the active assessment and any pending text input."""

    __tablename__ = "bot_checklist_chat"

    telegram_id: int = Field(
        sa_type=BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    assessment_id: int | None = Field(default=None, foreign_key="checklist_assessment.id")
    awaiting: str = Field(default=Awaiting.NOTHING, max_length=16)
    item_id: str | None = Field(default=None, max_length=32)
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


def get_chat(*, session: Session, telegram_id: int) -> ChecklistChat | None:
    """The person's conversation state, if they ever opened the checklist."""
    return session.get(ChecklistChat, telegram_id)


def takes_text(chat: ChecklistChat, now: datetime | None = None) -> bool:
    """Whether the last checklist step was recent enough for typed text to belong to it."""
    return chat.updated_at >= (now or utc_now()) - TEXT_WINDOW


def set_chat(
    *,
    session: Session,
    telegram_id: int,
    assessment_id: int | None,
    awaiting: Awaiting = Awaiting.NOTHING,
    item_id: str | None = None,
) -> ChecklistChat:
    """Record what the person works on now and what text, if any, is expected."""
    chat = get_chat(session=session, telegram_id=telegram_id) or ChecklistChat(
        telegram_id=telegram_id
    )
    chat.assessment_id = assessment_id
    chat.awaiting = awaiting
    chat.item_id = item_id
    chat.updated_at = utc_now()
    session.add(chat)
    session.commit()
    return chat


def clear_awaiting(*, session: Session, telegram_id: int) -> None:
    """Stop waiting for a name or evidence, keeping the active assessment."""
    chat = get_chat(session=session, telegram_id=telegram_id)
    if chat is not None:
        set_chat(session=session, telegram_id=telegram_id, assessment_id=chat.assessment_id)
