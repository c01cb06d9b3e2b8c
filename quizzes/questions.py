"""What a quiz question and the question bank look like (pure data, no I/O)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, NamedTuple, get_args

from core.errors import NotFoundError

LANGS: tuple[str, ...] = ("th", "en")
DEFAULT_DOC = "participatory-governance.md"

Kind = Literal[
    "mcq", "true_false", "gov_or_governance", "level_scenario", "ordering", "factor_or_pitfall"
]
KINDS: tuple[Kind, ...] = get_args(Kind)
Difficulty = Literal["easy", "medium", "hard"]
DIFFICULTIES: tuple[Difficulty, ...] = get_args(Difficulty)

# Telegram quiz-poll limits (Bot API); lengths are counted in UTF-16 code units as Telegram does.
QUESTION_MAX_CHARS = 300
OPTION_MAX_CHARS = 100
MIN_OPTIONS = 2
MAX_OPTIONS = 10  # Telegram now allows 12, but older clients and docs still say 10
EXPLANATION_MAX_CHARS = 200
EXPLANATION_MAX_LINE_FEEDS = 2
# The long explanation is sent as an ordinary message, far below the 4096 limit on purpose.
EXPLANATION_LONG_MAX_CHARS = 1000
# Ids travel in callback data (64 bytes) together with other fields, so keep them short.
ID_MAX_CHARS = 32


def telegram_length(text: str) -> int:
    """Length of `text` as Telegram counts it (UTF-16 code units)."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Text:
    """One piece of user-facing text in Thai and English."""

    th: str
    en: str

    def get(self, lang: str = "th") -> str:
        """The text in `lang`; Thai for any language other than English."""
        return self.en if lang == "en" else self.th


class SlideRef(NamedTuple):
    """A slide of a knowledge-base document that a question is drawn from."""

    doc: str
    slide: int


@dataclass(frozen=True)
class BankProblem:
    """One thing wrong with the question bank, with where it is."""

    file: str
    question_id: str | None
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.file + (f":{self.line}" if self.line else "")
        who = f" [{self.question_id}]" if self.question_id else ""
        return f"{where}{who}: {self.message}"


@dataclass(frozen=True)
class Question:
    """One question; `correct` is the canonical option index, `order` the right sequence."""

    id: str
    kind: Kind
    topic: str
    difficulty: Difficulty
    text: Text
    options: tuple[Text, ...]
    correct: int | None
    order: tuple[int, ...] | None
    explanation: Text
    explanation_long: Text
    sources: tuple[SlideRef, ...]
    shuffle: bool = True
    file: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    @property
    def is_ordering(self) -> bool:
        """Whether the learner puts the options in order instead of picking one."""
        return self.kind == "ordering"

    @property
    def answer_key(self) -> tuple[int, ...]:
        """Canonical right answer: `(correct,)`, or the option indices in the right order."""
        if self.order is not None:
            return self.order
        return () if self.correct is None else (self.correct,)

    def option_texts(self, lang: str = "th") -> list[str]:
        """The options in canonical order, in `lang`."""
        return [option.get(lang) for option in self.options]

    @property
    def slides(self) -> tuple[int, ...]:
        """Slide numbers this question cites."""
        return tuple(ref.slide for ref in self.sources)


@dataclass(frozen=True)
class QuestionBank:
    """All questions, the topics' titles, and problems found while loading."""

    questions: tuple[Question, ...]
    topics: dict[str, Text]
    problems: tuple[BankProblem, ...] = ()
    files: tuple[Path, ...] = ()

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def get(self, question_id: str) -> Question | None:
        """The question with this id, or None (the first one if ids repeat)."""
        return next((q for q in self.questions if q.id == question_id), None)

    def by_id(self, question_id: str) -> Question:
        """The question with this id; raises NotFoundError when there is none."""
        question = self.get(question_id)
        if question is None:
            raise NotFoundError(f"no question with id {question_id!r}")
        return question

    def by_topic(self, topic: str) -> list[Question]:
        """Questions tagged with `topic`, in bank order."""
        return [q for q in self.questions if q.topic == topic]

    def by_kind(self, kind: str) -> list[Question]:
        """Questions of one kind, in bank order."""
        return [q for q in self.questions if q.kind == kind]

    def topic_ids(self) -> list[str]:
        """Topic ids in the order their files were loaded."""
        return list(self.topics)

    def topic_title(self, topic: str, lang: str = "th") -> str:
        """Human title of a topic in `lang`; the id itself for an unknown topic."""
        title = self.topics.get(topic)
        return title.get(lang) if title else topic


# The five participation levels of the lecture (slide 8), from least to most public influence.
LEVEL_OPTIONS: tuple[tuple[str, Text], ...] = (
    ("inform", Text("ให้ข้อมูลข่าวสาร (inform)", "Inform")),
    ("consult", Text("ปรึกษาหารือ/รับฟังความคิดเห็น (consult)", "Consult")),
    ("involve", Text("เข้าไปเกี่ยวข้อง (involve)", "Involve")),
    ("collaborate", Text("ร่วมคิดร่วมทำ (collaborate)", "Collaborate")),
    ("empower", Text("เสริมอำนาจให้ประชาชน (empower)", "Empower")),
)

# Kinds whose options are always the same; a bank entry names its answer by key instead.
STANDARD_OPTIONS: dict[str, tuple[tuple[str, Text], ...]] = {
    "true_false": (("true", Text("ถูก", "True")), ("false", Text("ผิด", "False"))),
    "gov_or_governance": (
        ("government", Text("government (การปกครองประเทศ/รัฐบาล)", "Government")),
        ("governance", Text("governance (การจัดการปกครอง)", "Governance")),
    ),
    "factor_or_pitfall": (
        ("factor", Text("ปัจจัยความสำเร็จ", "Success factor")),
        ("pitfall", Text("ข้อควรระวัง", "Pitfall")),
    ),
    "level_scenario": LEVEL_OPTIONS,
}

KIND_LABELS: dict[str, Text] = {
    "mcq": Text("ปรนัยเลือกคำตอบเดียว", "Multiple choice"),
    "true_false": Text("ถูกหรือผิด", "True or false"),
    "gov_or_governance": Text("government หรือ governance", "Government or governance"),
    "level_scenario": Text("สถานการณ์: ระดับการมีส่วนร่วม", "Scenario: participation level"),
    "ordering": Text("เรียงลำดับ", "Ordering"),
    "factor_or_pitfall": Text("ปัจจัยความสำเร็จหรือข้อควรระวัง", "Success factor or pitfall"),
}
DIFFICULTY_LABELS: dict[str, Text] = {
    "easy": Text("ง่าย", "Easy"),
    "medium": Text("ปานกลาง", "Medium"),
    "hard": Text("ยาก", "Hard"),
}
