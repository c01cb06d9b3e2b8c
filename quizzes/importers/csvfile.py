"""Questions from a CSV file (as Excel or Google Sheets save it), one question per row.

Columns (the first row names them, in any order; case and spaces do not matter):

- `question_th`, `question_en`: the question; at least one of them.
- `options` (or `options_th`), `options_en`: the options separated by `|`; `options_en`
  is optional and must have as many options.
- `correct`: the right option as a number from 1, a letter A-J, or a Thai letter ก-ญ.
- `explanation` (or `explanation_th`), `explanation_en`: optional, shown after answering.
- `topic`: optional topic id (a built-in one such as `levels` joins that topic).
- `difficulty`: optional `easy`/`medium`/`hard` (or ง่าย/ปานกลาง/ยาก); default medium.
- `slides`: optional lecture slide numbers separated by `;` or `,` (e.g. `4;5`).

The delimiter may be a comma, a semicolon or a tab (whichever the header row uses).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

from quizzes.importers.common import (
    DEFAULT_DIFFICULTY,
    DEFAULT_TOPIC,
    TOPIC_MAX_CHARS,
    ImportProblem,
    ImportReport,
    KnownSlides,
    bilingual,
    check_question,
    failed_report,
    finish_report,
    make_question,
    problem,
)
from quizzes.questions import Difficulty, Question, Text

if TYPE_CHECKING:
    from _csv import Reader

_T = TypeVar("_T")

FORMAT = "csv"
COLUMNS = (
    "question_th", "question_en", "options", "options_en", "correct",
    "explanation", "explanation_en", "topic", "difficulty", "slides",
)  # fmt: skip
ALIASES = {"options_th": "options", "explanation_th": "explanation", "question": "question_th"}
OPTION_SEPARATOR = "|"
LATIN_LETTERS = "ABCDEFGHIJ"
THAI_LETTERS = "กขคงจฉชซฌญ"
DIFFICULTY_WORDS: dict[str, Difficulty] = {
    "easy": "easy", "medium": "medium", "hard": "hard",
    "ง่าย": "easy", "ปานกลาง": "medium", "กลาง": "medium", "ยาก": "hard",
}  # fmt: skip


TEMPLATE_ROWS = (
    ",".join(COLUMNS),
    "การมีส่วนร่วมระดับใดให้ประชาชนเป็นผู้ตัดสินใจ,Which level lets the public decide?,"
    "ให้ข้อมูลข่าวสาร|ปรึกษาหารือ|เสริมอำนาจ,Inform|Consult|Empower,3,"
    "ระดับเสริมอำนาจมอบการตัดสินใจให้ประชาชน,Empower hands the decision to the public,"
    "levels,medium,8",
)


def csv_template() -> bytes:
    """A sample file trainers can fill in (UTF-8 with BOM so Excel keeps the Thai)."""
    return ("\r\n".join(TEMPLATE_ROWS) + "\r\n").encode("utf-8-sig")


class _RowError(Exception):
    """One field of a row is unusable; carries the bilingual message."""

    def __init__(self, th: str, en: str) -> None:
        self.text = Text(th, en)
        super().__init__(en)


def parse_csv(
    text: str, *, source_name: str = "questions.csv", known_slides: KnownSlides = None
) -> ImportReport:
    """Parse a questions CSV; every problem is reported with its line, nothing is dropped."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        return failed_report(source_name, FORMAT, "ไฟล์ว่างหรือไม่มีแถวหัวตาราง", "no header row")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(lines[0]))
    header = [_column(name) for name in next(reader)]
    header_errors = _header_problems(header)
    if header_errors:
        return ImportReport(source_name, FORMAT, (), tuple(header_errors))
    questions: list[Question] = []
    errors: list[ImportProblem] = []
    for line, row in _records(reader):
        cells = dict(zip(header, row, strict=False))
        question, row_errors = _row_question(line, cells, source_name)
        if len(row) > len(header) and any(cell.strip() for cell in row[len(header) :]):
            row_errors.append(problem(line, "มีช่องเกินจำนวนหัวตาราง", "more cells than columns"))
        if question is not None and not row_errors:
            row_errors = check_question(question, known_slides)
            questions.append(question)
        errors += row_errors
    return finish_report(source_name, FORMAT, questions, errors)


def _delimiter(header_line: str) -> str:
    """The delimiter the header uses most among comma, semicolon and tab."""
    return max(",;\t", key=header_line.count)


def _column(name: str) -> str:
    key = "_".join(name.strip().lstrip("\ufeff").lower().split())
    return ALIASES.get(key, key)


def _header_problems(header: list[str]) -> list[ImportProblem]:
    found: list[ImportProblem] = []
    unknown = [name for name in header if name and name not in COLUMNS]
    if unknown:
        listed = ", ".join(unknown)
        th = f"ไม่รู้จักคอลัมน์: {listed} (คอลัมน์ที่ใช้ได้: {', '.join(COLUMNS)})"
        found.append(problem(1, th, f"unknown column(s): {listed}; known: {', '.join(COLUMNS)}"))
    missing = [name for name in ("options", "correct") if name not in header]
    if "question_th" not in header and "question_en" not in header:
        missing.insert(0, "question_th")
    if missing:
        th = f"ไม่มีคอลัมน์ที่จำเป็น: {', '.join(missing)}"
        found.append(problem(1, th, f"missing required column(s): {', '.join(missing)}"))
    return found


def _records(reader: Reader) -> Iterator[tuple[int, list[str]]]:
    """Non-empty rows with the line each starts on (quoted cells may span lines)."""
    line = reader.line_num + 1
    for row in reader:
        if any(cell.strip() for cell in row):
            yield line, row
        line = reader.line_num + 1


def _row_question(
    line: int, cells: dict[str, str], source_name: str
) -> tuple[Question | None, list[ImportProblem]]:
    """The row's question, or one problem per unusable field."""
    errors: list[ImportProblem] = []

    def read(parse: Callable[[], _T]) -> _T | None:
        try:
            return parse()
        except _RowError as error:
            errors.append(ImportProblem(line, error.text))
            return None

    text = read(lambda: _required_text(cells, "question_th", "question_en", "คำถาม", "question"))
    options = read(lambda: _options(cells))
    count = len(options) if options else len(LATIN_LETTERS)
    correct = read(lambda: _correct(cells.get("correct", ""), count))
    topic = read(lambda: _topic(cells.get("topic", "")))
    difficulty = read(lambda: _difficulty(cells.get("difficulty", "")))
    slides = read(lambda: _slides(cells.get("slides", "")))
    if errors or text is None or options is None or correct is None:
        return None, errors
    question = make_question(
        line=line, source_name=source_name, text=text, options=options, correct=correct,
        explanation=bilingual(cells.get("explanation"), cells.get("explanation_en")),
        topic=topic or DEFAULT_TOPIC, difficulty=difficulty or DEFAULT_DIFFICULTY,
        slides=slides or [],
    )  # fmt: skip
    return question, errors


def _required_text(cells: dict[str, str], th_key: str, en_key: str, th: str, en: str) -> Text:
    text = bilingual(cells.get(th_key), cells.get(en_key))
    if text is None:
        raise _RowError(f"ไม่มี{th}", f"{en} is empty")
    return text


def _options(cells: dict[str, str]) -> list[Text]:
    thai = _split_options(cells.get("options", ""))
    english = _split_options(cells.get("options_en", "")) or thai
    if not thai:
        raise _RowError("ไม่มีตัวเลือก", "options are empty")
    if len(english) != len(thai):
        th = f"ตัวเลือกภาษาอังกฤษมี {len(english)} ข้อ แต่ภาษาไทยมี {len(thai)} ข้อ"
        raise _RowError(th, f"options_en has {len(english)} options, options has {len(thai)}")
    return [Text(t, e) for t, e in zip(thai, english, strict=True)]


def _split_options(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(OPTION_SEPARATOR)] if cell.strip() else []


def _correct(cell: str, count: int) -> int:
    """The 0-based right option from `2`, `B` or `ข`."""
    value = cell.strip().rstrip(".)").upper()
    index = -1
    if value.isdigit():
        index = int(value) - 1
    elif len(value) == 1 and value in LATIN_LETTERS + THAI_LETTERS:
        index = (LATIN_LETTERS + THAI_LETTERS).index(value) % len(LATIN_LETTERS)
    if not 0 <= index < count:
        th = f"คำตอบที่ถูก '{cell.strip()}' ไม่ตรงกับตัวเลือกใด (ใส่ 1-{count} หรือ A, B, ...)"
        raise _RowError(th, f"correct answer {cell.strip()!r} is not one of options 1-{count}")
    return index


def _topic(cell: str) -> str:
    topic = " ".join(cell.split()) or DEFAULT_TOPIC
    if len(topic) > TOPIC_MAX_CHARS:
        raise _RowError(
            f"ชื่อหัวข้อยาวเกิน {TOPIC_MAX_CHARS} ตัวอักษร",
            f"topic is longer than {TOPIC_MAX_CHARS} characters",
        )
    return topic


def _difficulty(cell: str) -> Difficulty:
    word = cell.strip().lower()
    if not word:
        return DEFAULT_DIFFICULTY
    if word not in DIFFICULTY_WORDS:
        th = f"ระดับความยาก '{cell.strip()}' ต้องเป็น easy, medium หรือ hard (ง่าย/ปานกลาง/ยาก)"
        raise _RowError(th, f"difficulty {cell.strip()!r} must be easy, medium or hard")
    return DIFFICULTY_WORDS[word]


def _slides(cell: str) -> list[int]:
    parts = [part for part in re.split(r"[,;|\s]+", cell.strip()) if part]
    if not all(part.isdigit() for part in parts):
        th = f"เลขสไลด์ '{cell.strip()}' ต้องเป็นตัวเลขคั่นด้วย ; เช่น 4;5"
        raise _RowError(th, f"slides {cell.strip()!r} must be numbers separated by ';'")
    return [int(part) for part in parts]
