r"""Questions from a Moodle GIFT file: multiple choice and true/false (what a quiz poll can ask).

Supported: `::title::` (ignored), `// comments` on their own line, `$CATEGORY:` (its last
part becomes the topic), `[moodle]`/`[plain]`/`[markdown]`/`[html]` markers (dropped),
`{=right ~wrong ~wrong}` with `#feedback` per answer and `####general feedback`, `{T}`/`{F}`/
`{TRUE}`/`{FALSE}`, the missing-word form (`text {...} text` shows `_____`), and the escapes
`\~ \= \# \{ \} \: \n`. Questions are separated by blank lines. Every other GIFT question
type (short answer, matching, numerical, essay, description, weighted answers) is rejected with
its line number, because a Telegram quiz poll has exactly one right option.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from quizzes.importers.common import (
    DEFAULT_TOPIC,
    TOPIC_MAX_CHARS,
    ImportProblem,
    ImportReport,
    KnownSlides,
    check_question,
    finish_report,
    make_question,
    problem,
    true_false_options,
)
from quizzes.questions import Question, Text

FORMAT = "gift"
BLANK = "_____"
_MARKER = re.compile(r"^\s*\[(html|moodle|plain|markdown)\]", re.IGNORECASE)
_TRUE_FALSE = re.compile(r"^(TRUE|FALSE|T|F)\s*(#.*)?$", re.IGNORECASE | re.DOTALL)
_WEIGHT = re.compile(r"^\s*%-?\d+(\.\d+)?%")
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


class _GiftError(Exception):
    """A question cannot be imported; `offset` points into the block for the line number."""

    def __init__(self, offset: int, th: str, en: str) -> None:
        self.offset = offset
        self.text = Text(th, en)
        super().__init__(en)


@dataclass(frozen=True)
class _Block:
    """The lines of one question (comments removed), joined, with each line's start offset."""

    text: str
    starts: tuple[int, ...]
    numbers: tuple[int, ...]

    def line_at(self, offset: int) -> int:
        """The file line holding character `offset` of the block."""
        return self.numbers[max(bisect.bisect_right(self.starts, offset) - 1, 0)]


@dataclass(frozen=True)
class _Answer:
    offset: int
    right: bool
    text: str
    feedback: str


def parse_gift(
    text: str,
    *,
    source_name: str = "questions.gift",
    default_topic: str = DEFAULT_TOPIC,
    known_slides: KnownSlides = None,
) -> ImportReport:
    """Parse a GIFT file; each unsupported or malformed question is reported with its line."""
    topic = default_topic
    questions: list[Question] = []
    errors: list[ImportProblem] = []
    for block in _blocks(text):
        if block.text.startswith("$CATEGORY:"):
            topic = _category(block, errors) or topic
            continue
        try:
            question = _question(block, topic, source_name)
        except _GiftError as error:
            errors.append(ImportProblem(block.line_at(error.offset), error.text))
            continue
        errors += check_question(question, known_slides)
        questions.append(question)
    return finish_report(source_name, FORMAT, questions, errors)


def _blocks(text: str) -> Iterator[_Block]:
    """Runs of non-blank lines; whole-line `//` comments are left out."""
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if line.lstrip().startswith("//"):
            continue
        if line.strip():
            lines.append((number, line))
        elif lines:
            yield _join(lines)
            lines = []
    if lines:
        yield _join(lines)


def _join(lines: list[tuple[int, str]]) -> _Block:
    starts, offset = [], 0
    for _, line in lines:
        starts.append(offset)
        offset += len(line) + 1
    text = "\n".join(line for _, line in lines)
    return _Block(text, tuple(starts), tuple(number for number, _ in lines))


def _category(block: _Block, errors: list[ImportProblem]) -> str | None:
    """The topic named by a `$CATEGORY: a/b/c` line (its last part)."""
    path = block.text.split("\n", 1)[0].removeprefix("$CATEGORY:").strip()
    topic = " ".join(path.rstrip("/").split("/")[-1].split())
    if not topic or len(topic) > TOPIC_MAX_CHARS:
        th = f"ชื่อหมวด $CATEGORY ต้องไม่ว่างและยาวไม่เกิน {TOPIC_MAX_CHARS} ตัวอักษร"
        en = f"$CATEGORY needs a name of 1 to {TOPIC_MAX_CHARS} characters"
        errors.append(problem(block.numbers[0], th, en))
        return None
    if "\n" in block.text:
        th, en = "ต้องเว้นบรรทัดว่างหลัง $CATEGORY", "leave a blank line after $CATEGORY"
        errors.append(problem(block.numbers[1], th, en))
    return topic


def _question(block: _Block, topic: str, source_name: str) -> Question:
    """One GIFT question as a Question; raises _GiftError for anything a poll cannot ask."""
    source = block.text
    start = _after_title(source)
    opening = _find(source, "{", start)
    if opening < 0:
        th = "ไม่มีคำตอบใน { } (รองรับเฉพาะปรนัยและถูก/ผิด)"
        raise _GiftError(start, th, "no answers in { }: only multiple choice and true/false")
    closing = _find(source, "}", opening + 1)
    if closing < 0:
        raise _GiftError(opening, "ไม่มีวงเล็บปีกกาปิด }", "the answer block has no closing }")
    if _find(source, "{", closing + 1) >= 0:
        th, en = "มีชุดคำตอบ { } มากกว่าหนึ่งชุด", "more than one answer block { }"
        raise _GiftError(closing + 1, th, en)
    text = _question_text(source[start:opening], source[closing + 1 :])
    if not text:
        raise _GiftError(start, "ไม่มีข้อความคำถาม", "the question has no text")
    options, correct, feedback = _answers(source, opening + 1, closing)
    return make_question(
        line=block.numbers[0], source_name=source_name, text=Text(text, text),
        options=options, correct=correct,
        explanation=Text(feedback, feedback) if feedback else None, topic=topic,
    )  # fmt: skip


def _after_title(source: str) -> int:
    """Offset just after an optional `::title::`."""
    if not source.lstrip().startswith("::"):
        return 0
    begin = source.index("::") + 2
    end = _find(source, "::", begin)
    if end < 0:
        raise _GiftError(0, "ชื่อข้อ ::title:: ไม่ได้ปิดด้วย ::", "the ::title is not closed by ::")
    return end + 2


def _question_text(before: str, after: str) -> str:
    text = _clean(_MARKER.sub("", before))
    rest = _clean(after)
    return f"{text} {BLANK} {rest}".strip() if rest else text


def _answers(source: str, begin: int, end: int) -> tuple[list[Text], int, str]:
    """Options, the right index and the explanation from the text between { and }."""
    cut = _find(source[:end], "####", begin)
    general = "" if cut < 0 else _clean(source[cut + 4 : end])
    stop = end if cut < 0 else cut
    stripped = source[begin:stop].strip()
    if not stripped:
        raise _GiftError(
            begin, "ไม่รองรับคำถามแบบเรียงความ {}", "essay questions {} are not supported"
        )
    if stripped.startswith("#"):
        raise _GiftError(
            begin, "ไม่รองรับคำถามแบบตัวเลข {#...}", "numerical questions {#...} are not supported"
        )
    true_false = _TRUE_FALSE.match(stripped)
    if true_false:
        right = true_false.group(1).upper().startswith("T")
        # {T#shown when wrong#shown when right}: the second one explains the answer best.
        feedback = (true_false.group(2) or "").lstrip("#").split("#")
        return list(true_false_options()), 0 if right else 1, general or _clean(feedback[-1])
    answers = list(_answer_tokens(source, begin, stop))
    index = _right_index(answers, begin)
    options = [Text(answer.text, answer.text) for answer in answers]
    return options, index, general or answers[index].feedback


def _answer_tokens(source: str, begin: int, end: int) -> Iterator[_Answer]:
    """Each `=answer#feedback` or `~answer#feedback` between begin and end."""
    marks = [i for i in _unescaped(source, begin, end) if source[i] in "=~"]
    if not marks or source[begin : marks[0]].strip():
        th = "คำตอบแต่ละข้อต้องขึ้นต้นด้วย = (ถูก) หรือ ~ (ผิด)"
        raise _GiftError(begin, th, "each answer must start with = (right) or ~ (wrong)")
    for mark, stop in zip(marks, [*marks[1:], end], strict=True):
        yield _answer(source, mark, stop)


def _answer(source: str, mark: int, stop: int) -> _Answer:
    raw = source[mark + 1 : stop]
    if _WEIGHT.match(raw):
        th = "ไม่รองรับคะแนนบางส่วน (%...%): โพลแบบทดสอบมีคำตอบถูกได้ข้อเดียว"
        raise _GiftError(mark, th, "partial-credit weights (%...%) are not supported")
    if source[mark] == "=" and "->" in raw:
        raise _GiftError(
            mark, "ไม่รองรับคำถามแบบจับคู่ (->)", "matching questions (->) are not supported"
        )
    cut = _find(raw, "#", 0)
    text, feedback = (raw, "") if cut < 0 else (raw[:cut], raw[cut + 1 :])
    return _Answer(mark, source[mark] == "=", _clean(text), _clean(feedback))


def _right_index(answers: list[_Answer], begin: int) -> int:
    """The one right answer; short-answer and multi-right blocks are refused."""
    rights = [i for i, answer in enumerate(answers) if answer.right]
    if len(rights) == len(answers):
        th = "ไม่รองรับคำถามแบบเติมคำตอบสั้น (มีแต่ = ไม่มี ~)"
        raise _GiftError(begin, th, "short-answer questions (only = answers) are not supported")
    if len(rights) != 1:
        th = f"ต้องมีคำตอบถูก (=) หนึ่งข้อพอดี พบ {len(rights)} ข้อ"
        raise _GiftError(begin, th, f"needs exactly one right answer (=), found {len(rights)}")
    return rights[0]


def _find(text: str, target: str, start: int) -> int:
    """Index of the first unescaped `target` at or after `start`, or -1."""
    for index in _unescaped(text, start, len(text)):
        if text.startswith(target, index):
            return index
    return -1


def _unescaped(text: str, start: int, end: int) -> Iterator[int]:
    """Indices in [start, end) of characters not escaped by a backslash."""
    index = start
    while index < end:
        if text[index] == "\\":
            index += 2
            continue
        yield index
        index += 1


def _clean(text: str) -> str:
    r"""Unescape GIFT escapes and collapse whitespace (`\n` keeps a line break)."""
    unescaped = _ESCAPE.sub(lambda m: "\x00" if m.group(1) == "n" else m.group(1), text)
    collapsed = " ".join(unescaped.split())
    return collapsed.replace(" \x00 ", "\n").replace("\x00", "\n").strip()
