"""Fixtures for the quiz tests: tiny banks written to tmp_path, a real SQLite engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy.engine import Engine

import quizzes.models  # noqa: F401  (registers the quiz tables on SQLModel's metadata)
from core.db import create_tables, make_engine
from quizzes.questions import DEFAULT_DOC, Question, SlideRef, Text

LECTURE_SLIDES = frozenset((DEFAULT_DOC, n) for n in range(1, 24))


def _entry(qid: str, **overrides: Any) -> dict[str, Any]:
    """A valid mcq bank entry as YAML would hold it; overrides replace fields."""
    base: dict[str, Any] = {
        "id": qid,
        "kind": "mcq",
        "difficulty": "easy",
        "slides": [4],
        "question": {"th": "คำถามข้อหนึ่ง", "en": "Question one"},
        "options": [
            {"th": "ถูก", "en": "Right", "correct": True},
            {"th": "ผิดหนึ่ง", "en": "Wrong one"},
            {"th": "ผิดสอง", "en": "Wrong two"},
        ],
        "explanation": {"th": "เพราะว่า", "en": "Because"},
        "explanation_long": {"th": "เพราะว่ายาว", "en": "Because, at length"},
    }
    base.update(overrides)
    return base


@pytest.fixture
def bank_entry() -> Callable[..., dict[str, Any]]:
    """Factory for valid bank entries: bank_entry("x-1", difficulty="hard")."""
    return _entry


@pytest.fixture
def write_bank(tmp_path: Path) -> Callable[..., Path]:
    """Write one bank file (topic + entries) into tmp_path/bank and return the folder."""

    def write(entries: list[dict[str, Any]], topic: str = "t1", name: str = "a.yaml") -> Path:
        folder = tmp_path / "bank"
        folder.mkdir(exist_ok=True)
        data = {"topic": topic, "title": {"th": "หัวข้อ", "en": "Topic"}, "questions": entries}
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        (folder / name).write_text(text, encoding="utf-8")
        return folder

    return write


@pytest.fixture
def make_question() -> Callable[..., Question]:
    """Build a Question directly, without YAML."""

    def make(
        qid: str,
        topic: str = "t1",
        difficulty: str = "easy",
        options: int = 4,
        correct: int = 0,
        kind: str = "mcq",
    ) -> Question:
        order = tuple(range(options)) if kind == "ordering" else None
        return Question(
            id=qid,
            kind=kind,  # type: ignore[arg-type]
            topic=topic,
            difficulty=difficulty,  # type: ignore[arg-type]
            text=Text("ข้อ " + qid, "Q " + qid),
            options=tuple(Text(f"ตัวเลือก {i}", f"option {i}") for i in range(options)),
            correct=None if kind == "ordering" else correct,
            order=order,
            explanation=Text("อธิบาย", "why"),
            explanation_long=Text("อธิบายยาว", "why, long"),
            sources=(SlideRef(DEFAULT_DOC, 4),),
        )

    return make


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A SQLite file in tmp_path, so tests can reopen it like a restarted bot."""
    return f"sqlite:///{tmp_path / 'quiz.sqlite3'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """A real engine with the quiz tables created."""
    engine = make_engine(db_url)
    create_tables(engine)
    yield engine
    engine.dispose()
