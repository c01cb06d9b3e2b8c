"""Checklist tables: projects, their assessments, and every answer as soon as it is given."""

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


class AssessmentStatus(StrEnum):
    """Life cycle of an assessment."""

    IN_PROGRESS = "in_progress"
    FINISHED = "finished"


class ChecklistProject(SQLModel, table=True):
    """A project an official assesses, possibly many times."""

    __tablename__ = "checklist_project"

    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(sa_type=BigInteger, index=True)
    name: str = Field(max_length=200)
    agency: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)


class ChecklistAssessment(SQLModel, table=True):
    """One run through the checklist for a project; resumable while in progress."""

    __tablename__ = "checklist_assessment"

    id: int | None = Field(default=None, primary_key=True)
    project_id: int = Field(foreign_key="checklist_project.id", index=True)
    checklist_id: str = Field(max_length=32)
    checklist_version: int
    status: str = Field(default=AssessmentStatus.IN_PROGRESS, max_length=16, index=True)
    started_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # None once every item has been visited: the conversation offers to finish.
    current_item: str | None = Field(default=None, max_length=32)
    result: dict[str, Any] | None = Field(default=None, sa_type=JSON)


class ChecklistAnswer(SQLModel, table=True):
    """One answer, saved the moment it is given (one row per assessment and item)."""

    __tablename__ = "checklist_answer"
    __table_args__ = (UniqueConstraint("assessment_id", "item_id", name="uq_checklist_answer"),)

    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="checklist_assessment.id", index=True)
    item_id: str = Field(max_length=32)
    value: str = Field(max_length=500)
    evidence: str | None = Field(default=None, max_length=1000)
    answered_at: datetime = Field(default_factory=utc_now, sa_type=UTCDateTime)
