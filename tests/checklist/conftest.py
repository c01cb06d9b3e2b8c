"""Fixtures for checklist tests: the bundled definition and the lecture's slide numbers."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from checklist.definition import Checklist, load_checklist
from checklist.results import Answer
from knowledge.loaders import load_document

ROOT = Path(__file__).resolve().parents[2]
LECTURE = ROOT / "knowledge" / "sources" / "participatory-governance.md"
LECTURE_DOC = "participatory-governance.md"

AnswerMaker = Callable[..., dict[str, Answer]]


_MARKUP = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+|[*_|#`>]|^\s*-{3,}\s*$", re.MULTILINE)


def flat(text: str) -> str:
    """Text without Markdown markup (list marks, emphasis, table pipes) or any whitespace."""
    return re.sub(r"\s+", "", _MARKUP.sub(" ", text)).replace("---", "")


def lecture_slides() -> dict[int, str]:
    """Slide number -> slide title and text, read through the knowledge loader."""
    document = load_document(LECTURE, LECTURE.parent)
    return {
        section.locator.number: f"{section.heading}\n\n{section.text}".strip()
        for section in document.sections
        if section.locator.unit == "slide"
    }


@pytest.fixture(scope="session")
def slides() -> dict[int, str]:
    """The lecture's slides (1..23)."""
    return lecture_slides()


@pytest.fixture(scope="session")
def known_slides(slides: dict[int, str]) -> set[tuple[str, int]]:
    """(doc id, slide) pairs that exist."""
    return {(LECTURE_DOC, number) for number in slides}


@pytest.fixture(scope="session")
def checklist() -> Checklist:
    """The bundled checklist definition."""
    return load_checklist()


@pytest.fixture
def answers() -> AnswerMaker:
    """Build an answers mapping: answers(c_open="yes", f_illusion="no")."""

    def make(**values: str) -> dict[str, Answer]:
        return {item_id: Answer(value) for item_id, value in values.items()}

    return make


@pytest.fixture
def best_answers(checklist: Checklist) -> dict[str, Answer]:
    """Every rating item answered the best way (pitfalls absent)."""
    rated = [item for item in checklist.items() if item.scored]
    return {item.id: Answer("no" if item.reverse else "yes") for item in rated}
