"""Where a trainer stands in the /assign form or an /import, kept in the database.

One row per trainer: the step they are at, the answers so far (JSON) and a short token that
the form's buttons carry, so a button from an older form is recognised as stale. The row
survives restarts, so a trainer can go on after the bot was redeployed. Typed text or an
uploaded file counts as form input only within an hour of the last step; after that it goes
to the question answerer as usual.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger
from sqlmodel import Field, Session, SQLModel

from core.stored import stamped
from core.timestamps import UTCDateTime, as_utc, utc_now

INPUT_WINDOW = timedelta(hours=1)
TOKEN_CHARS = 6
# The shape of `TrainerDraft.data` (the keys in bot/handlers/trainer_form.py); a row
# without "v" is shape 0, the same keys. Readers take a missing key as "not answered yet".
DRAFT_SHAPE = 1


class Step(StrEnum):
    """The form's steps; the ones in TEXT_STEPS also take typed text."""

    COHORT = "cohort"
    TOPICS = "topics"
    COUNT = "count"
    PASS_MARK = "pass"
    OPENS = "opens"
    DUE = "due"
    ATTEMPTS = "attempts"
    REVEAL = "reveal"
    REMINDERS = "reminders"
    CONFIRM = "confirm"
    TITLE = "title"
    IMPORT = "import"
    FILE = "file"  # a question file sent outside /import awaits a button (kb_file_choice)


TEXT_STEPS = frozenset({Step.OPENS, Step.DUE, Step.TITLE})


class TrainerDraft(SQLModel, table=True):
    """A trainer's unfinished form (one at a time)."""

    __tablename__ = "bot_trainer_draft"

    telegram_id: int = Field(
        sa_type=BigInteger, primary_key=True, sa_column_kwargs={"autoincrement": False}
    )
    token: str = Field(max_length=16)
    step: str = Field(max_length=16)
    data: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    updated_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


def get_draft(*, session: Session, telegram_id: int) -> TrainerDraft | None:
    """The trainer's form, if one is open."""
    return session.get(TrainerDraft, telegram_id)


def new_draft(
    *, session: Session, telegram_id: int, step: Step, data: dict[str, Any] | None = None
) -> TrainerDraft:
    """Start a fresh form (replacing any older one) with a new button token."""
    draft = get_draft(session=session, telegram_id=telegram_id) or TrainerDraft(
        telegram_id=telegram_id, token="", step=step
    )
    draft.token = secrets.token_hex(TOKEN_CHARS // 2)
    return save_draft(session=session, draft=draft, step=step, data=data or {})


def save_draft(
    *, session: Session, draft: TrainerDraft, step: Step, data: dict[str, Any]
) -> TrainerDraft:
    """Move the form to `step` with these answers."""
    draft.step = step.value
    draft.data = stamped(data, DRAFT_SHAPE)  # a new object, so SQLAlchemy sees the change
    draft.updated_at = utc_now()
    session.add(draft)
    session.flush()
    return draft


def clear_draft(*, session: Session, telegram_id: int) -> None:
    """Forget the trainer's form."""
    draft = get_draft(session=session, telegram_id=telegram_id)
    if draft is not None:
        session.delete(draft)
        session.flush()


def awaits(draft: TrainerDraft | None, steps: frozenset[Step], now: datetime) -> bool:
    """Whether the form waits for input of one of `steps` and was touched recently."""
    if draft is None or draft.step not in steps:
        return False
    return as_utc(draft.updated_at) >= as_utc(now) - INPUT_WINDOW
