"""Pending knowledge-base changes in the database: one at a time, surviving restarts.

A change is claimed (`claim_slot`) before its version is built and holds the single slot
until it is published, cancelled or expired, so a second admin is told to wait. The row
remembers who staged which version on top of which live version, with its preview and gate
results, so a confirm button still works after the bot restarts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import JSON, BigInteger, Column, Text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, col, select

from core.db import session_scope
from core.errors import IndexBusyError, RuamKitError
from core.stored import stamped
from core.timestamps import UTCDateTime, utc_now
from retrieval.gate import GateResult
from retrieval.preview import StagePreview

ACTIVE = 1  # the value of `slot` while a change is building or waiting for its admin
STAGING_TTL = timedelta(minutes=30)  # after this, another admin may take the slot over
# The shape of the report, preview and gate JSON; rows without "v" (shape 0) have the same
# keys, and their readers (`from_dict`) take missing keys as empty.
STAGING_SHAPE = 1


class StagingStatus(StrEnum):
    """Where a staged change stands."""

    BUILDING = "building"
    PENDING = "pending"
    PUBLISHED = "published"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    FAILED = "failed"


class KbStaging(SQLModel, table=True):
    """One staged change (add or remove a document) and what became of it."""

    __tablename__ = "kb_staging"

    id: int | None = Field(default=None, primary_key=True)
    actor_id: int | None = Field(default=None, sa_column=Column(BigInteger, nullable=True))
    actor: str = ""
    action: str = "add"  # add, remove
    target: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    file_name: str = ""
    version: str | None = None
    base_version: str | None = None
    status: str = StagingStatus.BUILDING
    # Unique: only one row can hold ACTIVE; finished rows hold NULL (NULLs never collide).
    slot: int | None = Field(default=None, unique=True)
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    report: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    preview: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    gate: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))


def claim_slot(
    engine: Engine,
    *,
    actor_id: int | None,
    actor: str,
    action: str,
    target: str,
    file_name: str = "",
) -> KbStaging | None:
    """Take the single slot for a new change; None when another change holds it."""
    row = KbStaging(
        actor_id=actor_id,
        actor=actor,
        action=action,
        target=target,
        file_name=file_name,
        slot=ACTIVE,
    )
    try:
        with session_scope(engine) as session:
            session.add(row)
            session.flush()
    except IntegrityError:
        return None
    return row


def active_change(*, session: Session) -> KbStaging | None:
    """The change holding the slot, if any."""
    return session.exec(select(KbStaging).where(KbStaging.slot == ACTIVE)).first()


def get_change(*, session: Session, staging_id: int) -> KbStaging | None:
    """A staged change by id."""
    return session.get(KbStaging, staging_id)


def finish_change(*, session: Session, staging_id: int, status: StagingStatus) -> KbStaging:
    """Close a change with its final status and free the slot."""
    row = session.get(KbStaging, staging_id)
    if row is None:
        raise LookupError(f"no staged change {staging_id}")
    row.status, row.slot, row.finished_at = status, None, utc_now()
    session.add(row)
    session.flush()
    return row


def mark_pending(
    *,
    session: Session,
    staging_id: int,
    version: str,
    base_version: str | None,
    results: dict[str, dict[str, Any]],
) -> KbStaging:
    """Record the built version and its report, preview and gate results."""
    row = session.get(KbStaging, staging_id)
    if row is None:
        raise LookupError(f"no staged change {staging_id}")
    row.status, row.version, row.base_version = StagingStatus.PENDING, version, base_version
    row.report, row.preview, row.gate = (
        stamped(results[part], STAGING_SHAPE) for part in ("report", "preview", "gate")
    )
    session.add(row)
    session.flush()
    return row


def is_stale(row: KbStaging, *, builder_alive: bool, now: datetime | None = None) -> bool:
    """A building change whose builder died, or a pending one left past the TTL."""
    if row.status == StagingStatus.BUILDING:
        return not builder_alive
    created = row.created_at
    return (now or utc_now()) - created > STAGING_TTL


def recent_changes(*, session: Session, limit: int = 20) -> list[KbStaging]:
    """The newest staged changes first."""
    query = select(KbStaging).order_by(col(KbStaging.id).desc()).limit(limit)
    return list(session.exec(query).all())


@dataclass(frozen=True)
class Actor:
    """Who makes a change: a Telegram admin (id and name) or the command line (no id)."""

    id: int | None
    name: str

    @property
    def label(self) -> str:
        """How the actor appears in the history and the audit log."""
        return f"{self.name} ({self.id})" if self.id is not None else self.name


class KnowledgeBaseBusyError(IndexBusyError):
    """Another change is being built or waits for its admin; `holder` made it."""

    def __init__(self, holder: KbStaging | None) -> None:
        self.holder = holder
        who = holder.actor if holder is not None else "another process"
        super().__init__(f"the knowledge base is being changed by {who}; please wait")


class StaleChangeError(RuamKitError):
    """A confirm or cancel that cannot apply; `code` says why.

    Codes: ``gone`` (no such pending change: finished, expired or never existed),
    ``not_yours`` (another admin's change), ``changed`` (the live version moved since).
    """

    MESSAGES: ClassVar[dict[str, str]] = {
        "gone": "this change is no longer waiting for confirmation",
        "not_yours": "this change belongs to another admin",
        "changed": "the knowledge base changed since this preview; stage it again",
    }

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(self.MESSAGES[code])


class NothingToChangeError(RuamKitError):
    """The staged version would be identical to the live one."""


@dataclass(frozen=True)
class StagedChange:
    """A change waiting for its admin: what it changes and what the gate found."""

    staging_id: int
    action: str
    target: str
    version: str
    preview: StagePreview
    gate: GateResult
    actor: str = ""

    @classmethod
    def from_row(cls, row: KbStaging) -> StagedChange:
        """Rebuild from the database row (after a restart, say)."""
        assert row.id is not None and row.version is not None
        return cls(
            row.id,
            row.action,
            row.target,
            row.version,
            StagePreview.from_dict(row.preview),
            GateResult.from_dict(row.gate),
            row.actor,
        )
