"""Questions each unit answers: the file beside a document, read, checked and attached."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from core.errors import CorruptFileError
from knowledge.loaders import load_directory, load_document
from knowledge.managed import ManagedSources, SourceSet
from knowledge.models import Locator
from knowledge.thai import detect_language
from knowledge.unit_questions import is_questions_file, load_unit_questions, questions_path

SOURCES = Path(__file__).resolve().parents[2] / "knowledge" / "sources"
LECTURE = SOURCES / "participatory-governance.md"
CONTENT_SLIDES = [1, 4, 5, *range(7, 24)]
OUTLINE_SLIDES = [2, 3, 6]
DECK = "---\ntitle: คู่มือ\n---\n\n## สไลด์ 1: ความหมาย\n\nข้อความ\n\n## สไลด์ 2\n\n- ข้อ\n"


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_lecture_comes_with_its_questions():
    questions = load_document(LECTURE, SOURCES).questions
    assert set(questions) == {Locator("slide", n) for n in [*CONTENT_SLIDES, *OUTLINE_SLIDES]}
    for number in CONTENT_SLIDES:
        asked = questions[Locator("slide", number)]
        languages = [detect_language(question) for question in asked]
        assert len(asked) >= 8, number
        assert languages.count("th") >= 5 and languages.count("en") >= 3, number
    for number in OUTLINE_SLIDES:
        assert 1 <= len(questions[Locator("slide", number)]) <= 5


def test_the_lecture_questions_file_repeats_no_question():
    units = yaml.safe_load(questions_path(LECTURE).read_text(encoding="utf-8"))["units"]
    for unit, asked in units.items():
        assert len(asked) == len(set(asked)), unit


def test_the_lecture_questions_are_not_the_slide_text_itself():
    document = load_document(LECTURE, SOURCES)
    texts = {section.locator: section.text for section in document.sections}
    for locator, asked in document.questions.items():
        for question in asked:
            assert question not in texts[locator] or len(question) < 40, question


def test_a_document_gets_the_questions_written_beside_it(tmp_path):
    deck = _write(tmp_path, "deck.md", DECK)
    _write(
        tmp_path,
        "deck.questions.yaml",
        "units:\n  slide 1:\n    - '  คู่มือนี้ให้ความหมาย\n      ว่าอะไร '\n    - What does it define?\n"
        "    - What does it define?\n  สไลด์ 2:\n    - มีข้ออะไรบ้าง\n",
    )
    document = load_document(deck, tmp_path)
    assert document.questions == {
        Locator("slide", 1): ["คู่มือนี้ให้ความหมาย ว่าอะไร", "What does it define?"],
        Locator("slide", 2): ["มีข้ออะไรบ้าง"],
    }


def test_a_document_without_the_file_has_no_questions(tmp_path):
    assert load_document(_write(tmp_path, "deck.md", DECK), tmp_path).questions == {}


def test_the_questions_file_is_not_a_document(tmp_path):
    _write(tmp_path, "deck.md", DECK)
    _write(tmp_path, "deck.questions.yaml", "units:\n  slide 2:\n    - มีข้ออะไรบ้าง\n")
    documents, errors = load_directory(tmp_path)
    assert errors == []  # not an "unsupported file" error either
    assert [document.doc for document in documents] == ["deck.md"]
    assert documents[0].questions == {Locator("slide", 2): ["มีข้ออะไรบ้าง"]}
    managed = ManagedSources(tmp_path / "managed", tmp_path)
    assert managed.base_documents(SourceSet()) == {"deck.md"}


def test_the_shipped_folder_loads_one_document_and_no_errors():
    documents, errors = load_directory(SOURCES)
    assert errors == []
    assert all(not document.doc.endswith(".yaml") for document in documents)


def test_naming_convention():
    assert questions_path(Path("a/deck.md")) == Path("a/deck.questions.yaml")
    assert questions_path(Path("report.v2.pdf")) == Path("report.v2.questions.yaml")
    assert is_questions_file(Path("deck.questions.yaml"))
    assert not is_questions_file(Path("deck.yaml"))
    assert not is_questions_file(Path(".questions.yaml"))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("units: [1, 2", "invalid YAML at line"),
        ("slide 1:\n  - คำถาม\n", "'units:' mapping"),
        ("units: {}\n", "'units:' mapping"),
        ("units:\n  chapter 1:\n    - คำถาม\n", "'chapter 1' is not a unit"),
        ("units:\n  slide 0:\n    - คำถาม\n", "'slide 0' is not a unit"),
        ("units:\n  slide 9:\n    - คำถาม\n", "'slide 9': the document has no such unit"),
        ("units:\n  slide 1: คำถาม\n", "'slide 1': expected a non-empty list"),
        ("units:\n  slide 1: []\n", "'slide 1': expected a non-empty list"),
        ("units:\n  slide 1:\n    - ''\n", "every question must be non-empty text"),
        ("units:\n  slide 1:\n    - 42\n", "every question must be non-empty text"),
        ("units:\n  slide 1:\n    - {q: x}\n", "every question must be non-empty text"),
        ("units:\n  slide 1: [ก]\n  Slide 1: [ข]\n", "'Slide 1': the unit appears twice"),
        (f"units:\n  slide 1:\n    - {'ก' * 501}\n", "over 500"),
        ("units:\n  slide 1: [ก]\ntranslations: [x]\n", "'translations:' to map unit -> lines"),
        ("units:\n  slide 1: [ก]\ntranslations:\n  slide 9: [x]\n", "'slide 9': the document"),
        ("units:\n  slide 1: [ก]\ntranslations:\n  slide 2: []\n", "'slide 2': expected"),
    ],
)
def test_a_bad_file_is_a_clear_error(tmp_path, text, reason):
    path = _write(tmp_path, "deck.questions.yaml", text)
    with pytest.raises(CorruptFileError) as raised:
        load_unit_questions(path, {Locator("slide", 1), Locator("slide", 2)})
    assert reason in raised.value.reason
    assert raised.value.path == path


def test_a_bad_questions_file_fails_its_document_by_name(tmp_path):
    _write(tmp_path, "deck.md", DECK)
    _write(tmp_path, "deck.questions.yaml", "units:\n  slide 7:\n    - คำถาม\n")
    documents, errors = load_directory(tmp_path)
    assert documents == []
    assert len(errors) == 1 and isinstance(errors[0], CorruptFileError)
    assert "deck.questions.yaml" in str(errors[0]) and "slide 7" in str(errors[0])


def test_a_units_english_rendering_is_loaded_beside_its_questions(tmp_path):
    _write(tmp_path, "deck.md", DECK)
    _write(
        tmp_path,
        "deck.questions.yaml",
        "units:\n  slide 1:\n    - คำถาม\ntranslations:\n  slide 1:\n    - The first fact.\n",
    )
    (document,), errors = load_directory(tmp_path)
    assert errors == []
    assert document.questions == {Locator("slide", 1): ["คำถาม"]}
    assert document.translations == {Locator("slide", 1): ["The first fact."]}


def test_units_are_checked_only_when_given(tmp_path):
    path = _write(tmp_path, "x.questions.yaml", "units:\n  page 12:\n    - หน้า 12 พูดถึงอะไร\n")
    assert load_unit_questions(path) == {Locator("page", 12): ["หน้า 12 พูดถึงอะไร"]}


def test_a_reload_of_the_shipped_folder_reports_no_unsupported_file(tmp_path):
    documents, errors = ManagedSources(tmp_path, SOURCES).load(SourceSet())
    assert errors == []
    (lecture,) = [d for d in documents if d.doc == "participatory-governance.md"]
    assert len(lecture.questions[Locator("slide", 11)]) >= 8
