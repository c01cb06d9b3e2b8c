"""What every importer shares: the report, bilingual problems, and one question check.

Importers are pure: text in, an ImportReport out. A report with any error must import
nothing (see quizzes.importers.store.save_import).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field

from quizzes.questions import (
    DEFAULT_DOC,
    EXPLANATION_MAX_CHARS,
    EXPLANATION_MAX_LINE_FEEDS,
    MAX_OPTIONS,
    MIN_OPTIONS,
    OPTION_MAX_CHARS,
    QUESTION_MAX_CHARS,
    STANDARD_OPTIONS,
    Difficulty,
    Kind,
    Question,
    SlideRef,
    Text,
    telegram_length,
)

DEFAULT_TOPIC = "imported"
# What a trainer sees for questions imported without a topic: "นำเข้า (3)" / "Imported (3)".
DEFAULT_TOPIC_TITLE = Text("นำเข้า", "Imported")
DEFAULT_DIFFICULTY: Difficulty = "medium"
TOPIC_MAX_CHARS = 60
MAX_UPLOAD_BYTES = 512 * 1024
MAX_QUESTIONS = 300

SlideChecker = Callable[[str, int], bool]


def topic_label(topic: str, title: Text) -> Text:
    """The title to show for a topic; the default one of imports in the user's language."""
    if topic == DEFAULT_TOPIC and title.th == topic:
        return DEFAULT_TOPIC_TITLE
    return title


KnownSlides = SlideChecker | Collection[tuple[str, int]] | None


@dataclass(frozen=True)
class ImportProblem:
    """One thing wrong with an uploaded file; line 0 means the file as a whole."""

    line: int
    message: Text

    def describe(self, lang: str = "th") -> str:
        """`line 4: ...` in the reader's language."""
        if self.line <= 0:
            return self.message.get(lang)
        where = f"line {self.line}" if lang == "en" else f"บรรทัด {self.line}"
        return f"{where}: {self.message.get(lang)}"


@dataclass(frozen=True)
class ImportReport:
    """Questions parsed from one file and every problem found; errors mean import nothing."""

    source_name: str
    source_format: str
    questions: tuple[Question, ...] = ()
    errors: tuple[ImportProblem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """Whether the file can be imported: no errors and at least one question."""
        return not self.errors and bool(self.questions)

    def describe(self, lang: str = "th", limit: int = 30) -> str:
        """The report a trainer reads: a verdict line, then errors by line (at most `limit`)."""
        if self.ok:
            return _verdict_ok(self, lang)
        lines = [_verdict_failed(self, lang)]
        lines += [problem.describe(lang) for problem in self.errors[:limit]]
        hidden = len(self.errors) - limit
        if hidden > 0:
            lines.append(f"... and {hidden} more" if lang == "en" else f"... และอีก {hidden} ข้อ")
        return "\n".join(lines)


def problem(line: int, th: str, en: str) -> ImportProblem:
    """A problem at `line` in both languages."""
    return ImportProblem(line, Text(th, en))


def failed_report(source_name: str, source_format: str, th: str, en: str) -> ImportReport:
    """A report for a file that cannot be read at all."""
    return ImportReport(source_name, source_format, (), (problem(0, th, en),))


def finish_report(
    source_name: str,
    source_format: str,
    questions: Sequence[Question],
    errors: list[ImportProblem],
) -> ImportReport:
    """The report, with whole-file checks: at least one question, not too many, no repeats."""
    errors = errors + list(_repeated_questions(questions))
    if not questions and not errors:
        errors.append(problem(0, "ไม่พบคำถามในไฟล์", "the file holds no questions"))
    if len(questions) > MAX_QUESTIONS:
        th = f"มีคำถาม {len(questions)} ข้อ เกินกว่าที่รับได้ ({MAX_QUESTIONS} ข้อต่อไฟล์)"
        errors.append(problem(0, th, f"{len(questions)} questions; at most {MAX_QUESTIONS}"))
    ordered = tuple(sorted(errors, key=lambda p: p.line))
    return ImportReport(source_name, source_format, tuple(questions), ordered)


def make_question(
    *,
    line: int,
    source_name: str,
    text: Text,
    options: Sequence[Text],
    correct: int,
    explanation: Text | None = None,
    topic: str = DEFAULT_TOPIC,
    difficulty: Difficulty = DEFAULT_DIFFICULTY,
    slides: Sequence[int] = (),
) -> Question:
    """A multiple-choice (or true/false) Question with a provisional id `new-<line>`."""
    kind: Kind = "true_false" if _is_true_false(options) else "mcq"
    right = options[correct] if 0 <= correct < len(options) else Text("", "")
    why = explanation or Text(f"คำตอบที่ถูกคือ: {right.th}", f"The right answer is: {right.en}")
    return Question(
        id=f"new-{line}", kind=kind, topic=topic, difficulty=difficulty, text=text,
        options=tuple(options), correct=correct, order=None, explanation=why,
        explanation_long=why, sources=tuple(SlideRef(DEFAULT_DOC, s) for s in slides),
        shuffle=kind == "mcq", file=source_name, line=line,
    )  # fmt: skip


def true_false_options() -> tuple[Text, ...]:
    """The bank's own True/False options, so imported ones look like built-in ones."""
    return tuple(text for _, text in STANDARD_OPTIONS["true_false"])


def check_question(question: Question, known_slides: KnownSlides = None) -> list[ImportProblem]:
    """Telegram quiz-poll limits, distinct options and slide numbers, at the question's line."""
    exists = _slide_checker(known_slides)
    messages = [*_limit_messages(question), *_slide_messages(question, exists)]
    return [ImportProblem(question.line, message) for message in messages]


def bilingual(th: str | None, en: str | None) -> Text | None:
    """Text from a Thai and an English version; one missing copies the other."""
    th, en = (th or "").strip(), (en or "").strip()
    if not th and not en:
        return None
    return Text(th or en, en or th)


def _limit_messages(question: Question) -> Iterator[Text]:
    yield from _length("คำถาม", "question", question.text, QUESTION_MAX_CHARS)
    count = len(question.options)
    if not MIN_OPTIONS <= count <= MAX_OPTIONS:
        th = f"มีตัวเลือก {count} ข้อ ต้องมี {MIN_OPTIONS} ถึง {MAX_OPTIONS} ข้อ"
        yield Text(th, f"has {count} options; a quiz poll needs {MIN_OPTIONS} to {MAX_OPTIONS}")
    for number, option in enumerate(question.options, start=1):
        yield from _length(f"ตัวเลือกที่ {number}", f"option {number}", option, OPTION_MAX_CHARS)
    for lang in ("th", "en"):
        texts = question.option_texts(lang)
        if len(set(texts)) != len(texts):
            yield Text("มีตัวเลือกซ้ำกัน", "two options have the same text")
            break
    yield from _explanation_messages(question)


def _explanation_messages(question: Question) -> Iterator[Text]:
    yield from _length("คำอธิบาย", "explanation", question.explanation, EXPLANATION_MAX_CHARS)
    feeds = max(question.explanation.get(lang).count("\n") for lang in ("th", "en"))
    if feeds > EXPLANATION_MAX_LINE_FEEDS:
        th = f"คำอธิบายขึ้นบรรทัดใหม่เกิน {EXPLANATION_MAX_LINE_FEEDS} ครั้ง"
        yield Text(th, f"explanation has more than {EXPLANATION_MAX_LINE_FEEDS} line breaks")


def _length(name_th: str, name_en: str, text: Text, most: int) -> Iterator[Text]:
    """A message when either language is empty or longer than Telegram allows."""
    for lang in ("th", "en"):
        length = telegram_length(text.get(lang))
        if length == 0:
            yield Text(f"{name_th}ว่างเปล่า", f"{name_en} is empty")
            return
        if length > most:
            th = f"{name_th}ยาว {length} ตัวอักษร เกินขีดจำกัดของ Telegram ({most})"
            yield Text(th, f"{name_en} is {length} characters; Telegram allows {most}")
            return


def _slide_messages(question: Question, exists: SlideChecker | None) -> Iterator[Text]:
    for doc, slide in question.sources:
        if slide < 1 or (exists is not None and not exists(doc, slide)):
            yield Text(f"ไม่มีสไลด์ที่ {slide} ในบทเรียน", f"the lecture has no slide {slide}")


def _repeated_questions(questions: Sequence[Question]) -> Iterator[ImportProblem]:
    seen: dict[str, int] = {}
    for question in questions:
        key = " ".join(question.text.th.split()).casefold()
        first = seen.setdefault(key, question.line)
        if first != question.line:
            th = f"คำถามซ้ำกับบรรทัด {first}"
            yield problem(question.line, th, f"same question as line {first}")


def _is_true_false(options: Sequence[Text]) -> bool:
    return tuple(options) == true_false_options()


def _slide_checker(known: KnownSlides) -> SlideChecker | None:
    if known is None or callable(known):
        return known
    pairs = frozenset(known)
    return lambda doc, slide: (doc, slide) in pairs


def _verdict_ok(report: ImportReport, lang: str) -> str:
    count = len(report.questions)
    if lang == "en":
        return f"{report.source_name}: {count} question(s) ready to import, no errors."
    return f"{report.source_name}: พร้อมนำเข้า {count} ข้อ ไม่พบข้อผิดพลาด"


def _verdict_failed(report: ImportReport, lang: str) -> str:
    count = len(report.errors)
    if lang == "en":
        return f"{report.source_name}: {count} error(s); nothing was imported. Fix and resend:"
    return f"{report.source_name}: พบข้อผิดพลาด {count} จุด จึงยังไม่นำเข้าคำถามใด ๆ โปรดแก้ไขแล้วส่งใหม่:"
