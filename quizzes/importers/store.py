"""Imported questions in the database, apart from the built-in bank (ids `imp-<row id>`)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlmodel import Session, col, select

from core.errors import NotFoundError, ValidationError
from core.stored import stamped
from quizzes.importers.common import ImportReport
from quizzes.models import as_utc, utc_now
from quizzes.questions import Difficulty, Kind, Question, SlideRef, Text
from quizzes.trainer_models import ImportedQuestion, imported_question_id, imported_row_id

# The shape of `ImportedQuestion.data`; rows without "v" (shape 0) have the same keys.
QUESTION_SHAPE = 1


@dataclass(frozen=True)
class ImportBatch:
    """One imported file: its batch id, the new question ids, where it came from."""

    batch: str
    source_name: str
    source_format: str
    question_ids: tuple[str, ...]
    created_at: datetime
    active: bool = True


def save_import(
    *, session: Session, owner_id: int, report: ImportReport, at: datetime | None = None
) -> ImportBatch:
    """Store every question of a clean report; a report with any error stores nothing.

    Raises:
        ValidationError: the report has errors or no questions.

    """
    if not report.ok:
        raise ValidationError(f"{report.source_name}: not imported ({len(report.errors)} errors)")
    batch, moment = uuid.uuid4().hex, as_utc(at or utc_now())
    rows = [_row(owner_id, batch, report, question, moment) for question in report.questions]
    session.add_all(rows)
    session.flush()
    for row in rows:
        row.data = {**row.data, "id": imported_question_id(_row_id(row))}
        session.add(row)
    session.flush()
    ids = tuple(imported_question_id(_row_id(row)) for row in rows)
    return ImportBatch(batch, report.source_name, report.source_format, ids, moment)


def imported_questions(*, session: Session, owner_id: int) -> list[Question]:
    """The owner's active imported questions, oldest first."""
    statement = (
        select(ImportedQuestion)
        .where(ImportedQuestion.owner_id == owner_id, col(ImportedQuestion.active))
        .order_by(col(ImportedQuestion.id))
    )
    return [question_from_row(row) for row in session.exec(statement)]


def imported_by_ids(*, session: Session, question_ids: Iterable[str]) -> dict[str, Question]:
    """Imported questions by id, retired ones included (assignments keep working)."""
    row_ids = [rid for qid in question_ids if (rid := imported_row_id(qid)) is not None]
    if not row_ids:
        return {}
    statement = select(ImportedQuestion).where(col(ImportedQuestion.id).in_(row_ids))
    questions = (question_from_row(row) for row in session.exec(statement))
    return {question.id: question for question in questions}


def import_batches(*, session: Session, owner_id: int) -> list[ImportBatch]:
    """The owner's imported files, newest first."""
    statement = (
        select(ImportedQuestion)
        .where(ImportedQuestion.owner_id == owner_id)
        .order_by(col(ImportedQuestion.id))
    )
    grouped: dict[str, list[ImportedQuestion]] = {}
    for row in session.exec(statement):
        grouped.setdefault(row.batch, []).append(row)
    batches = [_batch(rows) for rows in grouped.values()]
    return sorted(batches, key=lambda batch: batch.created_at, reverse=True)


def retire_batch(*, session: Session, owner_id: int, batch: str) -> int:
    """Stop offering a file's questions for new assignments; returns how many were retired."""
    statement = select(ImportedQuestion).where(
        ImportedQuestion.owner_id == owner_id, ImportedQuestion.batch == batch
    )
    rows = list(session.exec(statement))
    if not rows:
        raise NotFoundError(f"no imported file {batch!r}")
    for row in rows:
        row.active = False
        session.add(row)
    session.flush()
    return len(rows)


def question_to_data(question: Question) -> dict[str, Any]:
    """A Question as JSON-ready data (field names as in quizzes.questions.Question)."""
    return stamped({
        "id": question.id, "kind": question.kind, "topic": question.topic,
        "difficulty": question.difficulty, "text": _text_data(question.text),
        "options": [_text_data(option) for option in question.options],
        "correct": question.correct,
        "order": None if question.order is None else list(question.order),
        "explanation": _text_data(question.explanation),
        "explanation_long": _text_data(question.explanation_long),
        "sources": [[ref.doc, ref.slide] for ref in question.sources],
        "shuffle": question.shuffle, "file": question.file, "line": question.line,
    }, QUESTION_SHAPE)  # fmt: skip


def question_from_data(data: dict[str, Any]) -> Question:
    """The Question that question_to_data wrote, of any shape version (0: before "v")."""
    order = data.get("order")
    return Question(
        id=str(data["id"]), kind=cast(Kind, data["kind"]), topic=str(data["topic"]),
        difficulty=cast(Difficulty, data.get("difficulty", "medium")),
        text=_text(data["text"]),
        options=tuple(_text(option) for option in data.get("options", ())),
        correct=data.get("correct"), order=None if order is None else tuple(order),
        explanation=_text(data.get("explanation")),
        explanation_long=_text(data.get("explanation_long")),
        sources=tuple(
            SlideRef(str(doc), int(slide)) for doc, slide in data.get("sources", ())
        ),
        shuffle=bool(data.get("shuffle", True)), file=str(data.get("file", "")),
        line=int(data.get("line", 0)),
    )  # fmt: skip


def question_from_row(row: ImportedQuestion) -> Question:
    """The stored question, with the id its row gives it."""
    return question_from_data({**row.data, "id": imported_question_id(_row_id(row))})


def _row(
    owner_id: int, batch: str, report: ImportReport, question: Question, at: datetime
) -> ImportedQuestion:
    return ImportedQuestion(
        owner_id=owner_id, batch=batch, source_name=report.source_name,
        source_format=report.source_format, source_line=question.line, topic=question.topic,
        data=question_to_data(question), created_at=at,
    )  # fmt: skip


def _batch(rows: Collection[ImportedQuestion]) -> ImportBatch:
    first = next(iter(rows))
    ids = tuple(imported_question_id(_row_id(row)) for row in rows)
    active = any(row.active for row in rows)
    return ImportBatch(
        first.batch, first.source_name, first.source_format, ids, first.created_at, active
    )


def _text_data(text: Text) -> dict[str, str]:
    return {"th": text.th, "en": text.en}


def _text(data: dict[str, str] | None) -> Text:
    data = data or {}
    return Text(str(data.get("th", "")), str(data.get("en", "")))


def _row_id(row: ImportedQuestion) -> int:
    if row.id is None:
        raise ValidationError("imported question has no id yet; flush the session first")
    return row.id
