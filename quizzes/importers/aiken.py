"""Questions from an Aiken file: the question, lettered options, then `ANSWER: <letter>`.

```
What does the trainer revisit first?
A. The slides
B) The attendance sheet
ANSWER: A
```

Options are lettered A, B, C ... (or Thai ก, ข, ค ...) with `.` or `)`, in order. The question
may span several lines; blank lines between questions are optional. `คำตอบ:` may stand for
`ANSWER:`. Aiken has no explanations or topics: every question gets `default_topic`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from quizzes.importers.common import (
    DEFAULT_TOPIC,
    ImportProblem,
    ImportReport,
    KnownSlides,
    check_question,
    finish_report,
    make_question,
    problem,
)
from quizzes.questions import Question, Text

FORMAT = "aiken"
ALPHABETS = ("ABCDEFGHIJKL", "กขคงจฉชซฌญฎฏ")
_OPTION = re.compile(r"^\s*([A-Za-zก-ฮ])\s*[.)]\s+(\S.*?)\s*$")
_ANSWER = re.compile(r"^\s*(ANSWER|คำตอบ)\s*[:：]\s*(.*?)\s*$", re.IGNORECASE)


@dataclass
class _Draft:
    """A question being read: its text lines, then its options."""

    line: int
    text: list[str] = field(default_factory=list)
    letters: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)


def parse_aiken(
    text: str,
    *,
    source_name: str = "questions.txt",
    default_topic: str = DEFAULT_TOPIC,
    known_slides: KnownSlides = None,
) -> ImportReport:
    """Parse an Aiken file; each malformed question is reported with its line."""
    questions: list[Question] = []
    errors: list[ImportProblem] = []
    for item in _read(text, source_name, default_topic):
        if isinstance(item, Question):
            errors += check_question(item, known_slides)
            questions.append(item)
        else:
            errors.append(item)
    return finish_report(source_name, FORMAT, questions, errors)


def _read(text: str, source_name: str, topic: str) -> Iterator[Question | ImportProblem]:
    """Walk the lines: question text, options, ANSWER; yield a question or a problem each."""
    draft: _Draft | None = None
    for number, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        answer, option = _ANSWER.match(line), _OPTION.match(line)
        if answer:
            yield _finish(draft, answer.group(2), number, source_name, topic)
            draft = None
        elif option and draft is not None and draft.text:
            yield from _add_option(draft, option, number)
        elif draft is not None and draft.options:
            yield _no_answer(draft)
            draft = _Draft(number, [line])
        elif draft is None:
            draft = _Draft(number, [line])
        else:
            draft.text.append(line)
    if draft is not None:
        yield _no_answer(draft)


def _add_option(draft: _Draft, option: re.Match[str], number: int) -> Iterator[ImportProblem]:
    letter = option.group(1).upper()
    expected = _expected_letter(draft, letter)
    if letter != expected:
        th = f"ตัวเลือก '{letter}' ไม่เรียงตามลำดับ ควรเป็น '{expected}'"
        yield problem(number, th, f"option {letter!r} is out of order; expected {expected!r}")
    draft.letters.append(letter)
    draft.options.append(option.group(2))


def _expected_letter(draft: _Draft, letter: str) -> str:
    """The letter the next option should carry, in the alphabet the first option used."""
    first = draft.letters[0] if draft.letters else letter
    alphabet = next((a for a in ALPHABETS if first in a), ALPHABETS[0])
    position = len(draft.letters)
    return alphabet[position] if position < len(alphabet) else "?"


def _finish(
    draft: _Draft | None, given: str, number: int, source_name: str, topic: str
) -> Question | ImportProblem:
    """The question an ANSWER line closes, or why it cannot be one."""
    if draft is None or not draft.options:
        th = "พบบรรทัด ANSWER แต่ไม่มีคำถามหรือตัวเลือกก่อนหน้า"
        return problem(number, th, "ANSWER line without a question and options before it")
    letter = given.strip().rstrip(".)").upper()
    if letter not in draft.letters:
        listed = ", ".join(draft.letters)
        th = f"คำตอบ '{given}' ไม่ตรงกับตัวเลือกใด ({listed})"
        return problem(number, th, f"answer {given!r} is not one of the options ({listed})")
    text = " ".join(draft.text)
    return make_question(
        line=draft.line, source_name=source_name, text=Text(text, text),
        options=[Text(option, option) for option in draft.options],
        correct=draft.letters.index(letter), topic=topic,
    )  # fmt: skip


def _no_answer(draft: _Draft) -> ImportProblem:
    if not draft.options:
        th = "คำถามนี้ไม่มีตัวเลือก (A. ...) และบรรทัด ANSWER"
        return problem(draft.line, th, "question has no options (A. ...) and no ANSWER line")
    th = "คำถามนี้ไม่มีบรรทัด ANSWER: ตามหลังตัวเลือก"
    return problem(draft.line, th, "question has no 'ANSWER:' line after its options")
