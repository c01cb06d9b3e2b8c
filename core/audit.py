"""The audit log: who changed what, and when (knowledge-base changes and the like)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Text
from sqlmodel import Field, Session, SQLModel, col, select

from core.timestamps import UTCDateTime, utc_now


class AuditEvent(SQLModel, table=True):
    """One change: the actor, a dotted action name, its target and JSON details."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    actor: str = Field(index=True)
    action: str = Field(index=True)
    target: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON))
    at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime, index=True)


def record_event(
    *,
    session: Session,
    actor: str,
    action: str,
    target: str = "",
    detail: Mapping[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to the audit log and return it with its id."""
    event = AuditEvent(actor=actor, action=action, target=target, detail=dict(detail or {}))
    session.add(event)
    session.flush()
    return event


def list_events(
    *, session: Session, prefix: str | None = None, limit: int = 50
) -> list[AuditEvent]:
    """The newest events first; `prefix` keeps actions starting with it (e.g. ``kb.``)."""
    query = select(AuditEvent)
    if prefix:
        query = query.where(col(AuditEvent.action).startswith(prefix))
    query = query.order_by(col(AuditEvent.id).desc()).limit(limit)
    return list(session.exec(query).all())
