"""Load the question bank from YAML files (one file per topic) and check it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

import yaml

from core.errors import ValidationError
from quizzes.questions import (
    DEFAULT_DOC,
    DIFFICULTIES,
    KINDS,
    STANDARD_OPTIONS,
    BankProblem,
    Difficulty,
    Kind,
    Question,
    QuestionBank,
    SlideRef,
    Text,
)
from quizzes.validation import KnownSlides, validate_bank

__all__ = [
    "BankFileError",
    "BankProblem",
    "KnownSlides",
    "Question",
    "QuestionBank",
    "default_bank_dir",
    "format_problems",
    "load_bank",
    "require_valid_bank",
    "validate_bank",
]

_LINE_KEY = "__line__"
_QUESTION_KEYS = frozenset(
    {
        "id", "kind", "topic", "difficulty", "question", "options", "answer", "order",
        "explanation", "explanation_long", "slides", "doc", "shuffle", _LINE_KEY,
    }
)  # fmt: skip
# Picking true/false, or a level from the ladder, reads best in the natural order.
_UNSHUFFLED_KINDS = frozenset(
    {"true_false", "gov_or_governance", "factor_or_pitfall", "level_scenario"}
)


class BankFileError(ValidationError):
    """A bank file cannot be read as a bank file; names the file and, when known, the line."""

    def __init__(self, path: Path, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path.name}, line {line}" if line else path.name
        super().__init__(f"{where}: {reason}")


class _QuestionError(Exception):
    """One question entry is malformed; the loader turns this into a BankProblem."""


class _LineLoader(yaml.SafeLoader):
    """A safe loader that records each mapping's line so problems can point at it."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[_LINE_KEY] = node.start_mark.line + 1
        return mapping


def default_bank_dir() -> Path:
    """The folder of YAML files shipped inside the package."""
    return Path(__file__).resolve().parent / "bank"


def load_bank(path: Path | None = None) -> QuestionBank:
    """Load every `*.yaml` file of a folder (or one file); default: the shipped bank.

    Raises:
        BankFileError: a file is not valid YAML or not shaped like a bank file.

    """
    root = path or default_bank_dir()
    files = _bank_files(root)
    questions: list[Question] = []
    topics: dict[str, Text] = {}
    problems: list[BankProblem] = []
    for file in files:
        topic, title, entries = _read_bank_file(file)
        topics.setdefault(topic, title)
        for entry in entries:
            _collect_question(entry, topic, file, questions, problems)
    return QuestionBank(tuple(questions), topics, tuple(problems), tuple(files))


def require_valid_bank(bank: QuestionBank, known_slides: KnownSlides = None) -> QuestionBank:
    """Return the bank unchanged, or raise ValidationError listing what is wrong with it."""
    problems = validate_bank(bank, known_slides)
    if problems:
        summary = f"question bank has {len(problems)} problem(s):"
        raise ValidationError(summary + "\n" + format_problems(problems))
    return bank


def format_problems(problems: Iterable[BankProblem], limit: int = 50) -> str:
    """One line per problem (at most `limit`), for the CLI and logs."""
    listed = list(problems)
    lines = [str(problem) for problem in listed[:limit]]
    if len(listed) > limit:
        lines.append(f"... and {len(listed) - limit} more")
    return "\n".join(lines)


def _bank_files(root: Path) -> list[Path]:
    """The YAML files to load, sorted so the bank order is stable."""
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise BankFileError(root, "no such file or folder")
    files = sorted(root.glob("*.yaml"))
    if not files:
        raise BankFileError(root, "folder holds no *.yaml question files")
    return files


def _read_bank_file(file: Path) -> tuple[str, Text, list[Any]]:
    """Parse one file into its topic, title and raw question entries."""
    data = _parse_yaml(file)
    if not isinstance(data, dict):
        raise BankFileError(file, "expected a mapping with topic, title and questions", 1)
    line = data.get(_LINE_KEY)
    topic = data.get("topic")
    if not isinstance(topic, str) or not topic.strip():
        raise BankFileError(file, "missing 'topic' (a non-empty string)", line)
    entries = data.get("questions")
    if not isinstance(entries, list):
        raise BankFileError(file, "missing 'questions' (a list)", line)
    try:
        title = _text(data, "title")
    except _QuestionError as error:
        raise BankFileError(file, str(error), line) from None
    return topic.strip(), title, entries


def _parse_yaml(file: Path) -> Any:
    """YAML content of a file; syntax errors become BankFileError with the line."""
    try:
        content = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise BankFileError(file, f"cannot read file ({error})") from None
    try:
        return yaml.load(content, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        reason = f"invalid YAML: {error.problem or error.context or 'syntax error'}"
        raise BankFileError(file, reason, line) from None
    except yaml.YAMLError as error:
        raise BankFileError(file, f"invalid YAML: {error}") from None


def _collect_question(
    entry: Any, topic: str, file: Path, into: list[Question], problems: list[BankProblem]
) -> None:
    """Parse one entry into `into`, or record why it cannot be parsed."""
    line = entry.get(_LINE_KEY) if isinstance(entry, dict) else None
    raw_id = entry.get("id") if isinstance(entry, dict) else None
    qid = raw_id if isinstance(raw_id, str) else None
    try:
        into.append(_parse_question(entry, topic, file))
    except _QuestionError as error:
        problems.append(BankProblem(file.name, qid, str(error), line))


def _parse_question(entry: Any, file_topic: str, file: Path) -> Question:
    """Build a Question from one YAML mapping; raises _QuestionError on bad shape."""
    if not isinstance(entry, dict):
        raise _QuestionError("a question must be a mapping")
    unknown = sorted(str(key) for key in entry if key not in _QUESTION_KEYS)
    if unknown:
        raise _QuestionError(f"unknown field(s): {', '.join(unknown)}")
    kind = cast(Kind, _choice(entry, "kind", KINDS))
    options, correct, order = _options(entry, kind)
    return Question(
        id=_string(entry, "id"),
        kind=kind,
        topic=str(entry.get("topic") or file_topic),
        difficulty=cast(Difficulty, _choice(entry, "difficulty", DIFFICULTIES)),
        text=_text(entry, "question"),
        options=options,
        correct=correct,
        order=order,
        explanation=_text(entry, "explanation"),
        explanation_long=_text(entry, "explanation_long"),
        sources=_sources(entry),
        shuffle=_shuffle(entry, kind),
        file=file.name,
        line=int(entry.get(_LINE_KEY, 0)),
    )


def _string(entry: dict[str, Any], key: str) -> str:
    """A required string field."""
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _QuestionError(f"'{key}' must be a non-empty string")
    return value.strip()


def _choice(entry: dict[str, Any], key: str, allowed: tuple[str, ...]) -> str:
    """A required field whose value must be one of `allowed`."""
    value = entry.get(key)
    if value not in allowed:
        raise _QuestionError(f"'{key}' must be one of {', '.join(allowed)} (got {value!r})")
    return str(value)


def _text(entry: dict[str, Any], key: str) -> Text:
    """A required {th, en} mapping of strings."""
    value = entry.get(key)
    if not isinstance(value, dict):
        raise _QuestionError(f"'{key}' must be a mapping with 'th' and 'en'")
    th, en = value.get("th"), value.get("en")
    if not isinstance(th, str) or not isinstance(en, str):
        raise _QuestionError(f"'{key}' needs both 'th' and 'en' as text")
    return Text(th.strip(), en.strip())


def _options(
    entry: dict[str, Any], kind: str
) -> tuple[tuple[Text, ...], int | None, tuple[int, ...] | None]:
    """Options with the canonical correct index (or order for ordering questions)."""
    if kind in STANDARD_OPTIONS:
        return _standard_options(entry, kind)
    raw = entry.get("options")
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise _QuestionError("'options' must be a list of {th, en} mappings")
    options = tuple(_text({"option": item}, "option") for item in raw)
    if kind == "ordering":
        return options, None, _order(entry, len(options))
    flagged = [index for index, item in enumerate(raw) if item.get("correct") is True]
    if len(flagged) != 1:
        raise _QuestionError(f"exactly one option must be marked correct (found {len(flagged)})")
    return options, flagged[0], None


def _standard_options(
    entry: dict[str, Any], kind: str
) -> tuple[tuple[Text, ...], int | None, tuple[int, ...] | None]:
    """The fixed option set of a kind, with the entry's `answer` key as the correct one."""
    if "options" in entry:
        raise _QuestionError(f"'{kind}' questions take 'answer', not 'options'")
    keys = [key for key, _ in STANDARD_OPTIONS[kind]]
    answer = entry.get("answer")
    answer_key = str(answer).lower() if isinstance(answer, bool | str) else None
    if answer_key not in keys:
        raise _QuestionError(f"'answer' must be one of {', '.join(keys)} (got {answer!r})")
    options = tuple(text for _, text in STANDARD_OPTIONS[kind])
    return options, keys.index(answer_key), None


def _order(entry: dict[str, Any], count: int) -> tuple[int, ...]:
    """The right sequence of an ordering question: a permutation of the option indices."""
    order = entry.get("order")
    if not isinstance(order, list) or sorted(order) != list(range(count)):
        raise _QuestionError(f"'order' must list each option index 0..{count - 1} exactly once")
    return tuple(order)


def _sources(entry: dict[str, Any]) -> tuple[SlideRef, ...]:
    """Slide references: `slides` numbers in `doc` (default: the lecture)."""
    doc = entry.get("doc", DEFAULT_DOC)
    slides = entry.get("slides")
    if not isinstance(doc, str) or not doc.strip():
        raise _QuestionError("'doc' must be a document id such as " + DEFAULT_DOC)
    if not isinstance(slides, list) or not slides:
        raise _QuestionError("'slides' must be a non-empty list of slide numbers")
    if not all(isinstance(s, int) and not isinstance(s, bool) for s in slides):
        raise _QuestionError("'slides' must hold whole numbers")
    return tuple(SlideRef(doc.strip(), s) for s in slides)


def _shuffle(entry: dict[str, Any], kind: str) -> bool:
    """Whether options are shown shuffled; ordering questions are always shuffled."""
    if kind == "ordering":
        return True
    value = entry.get("shuffle", kind not in _UNSHUFFLED_KINDS)
    if not isinstance(value, bool):
        raise _QuestionError("'shuffle' must be true or false")
    return value
