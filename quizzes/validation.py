"""Check a loaded question bank against its schema rules and Telegram's quiz-poll limits."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator

from quizzes.questions import (
    EXPLANATION_LONG_MAX_CHARS,
    EXPLANATION_MAX_CHARS,
    EXPLANATION_MAX_LINE_FEEDS,
    ID_MAX_CHARS,
    LANGS,
    MAX_OPTIONS,
    MIN_OPTIONS,
    OPTION_MAX_CHARS,
    QUESTION_MAX_CHARS,
    BankProblem,
    Question,
    QuestionBank,
    telegram_length,
)

SlideChecker = Callable[[str, int], bool]
KnownSlides = SlideChecker | Collection[tuple[str, int]] | None

_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def validate_bank(bank: QuestionBank, known_slides: KnownSlides = None) -> list[BankProblem]:
    """Every problem in the bank: loading problems, limits, ids, answers and slide references.

    Args:
        bank: the loaded bank.
        known_slides: which (doc, slide) pairs exist in the knowledge base, as a set or a
            predicate; None skips that check (slide numbers must still be positive).

    """
    exists = _slide_checker(known_slides)
    problems = list(bank.problems)
    problems += _duplicate_ids(bank)
    for question in bank:
        problems += [_problem(question, message) for message in _question_messages(question)]
        problems += [_problem(question, message) for message in _source_messages(question, exists)]
    return problems


def _slide_checker(known: KnownSlides) -> SlideChecker | None:
    """Turn a set of (doc, slide) pairs into a predicate."""
    if known is None or callable(known):
        return known
    pairs = frozenset(known)
    return lambda doc, slide: (doc, slide) in pairs


def _problem(question: Question, message: str) -> BankProblem:
    return BankProblem(question.file, question.id, message, question.line or None)


def _duplicate_ids(bank: QuestionBank) -> list[BankProblem]:
    """A problem for every question whose id was already used."""
    seen: dict[str, Question] = {}
    problems = []
    for question in bank:
        first = seen.setdefault(question.id, question)
        if first is not question:
            where = f"{first.file}:{first.line}"
            problems.append(_problem(question, f"duplicate id (first used at {where})"))
    return problems


def _question_messages(question: Question) -> Iterator[str]:
    """Messages for the id, the texts' limits and the answer of one question."""
    if not _ID_PATTERN.match(question.id) or len(question.id) > ID_MAX_CHARS:
        yield f"id must be lowercase letters, digits, '-' or '_', at most {ID_MAX_CHARS} long"
    for lang in LANGS:
        yield from _length_messages(question, lang)
    yield from _option_messages(question)
    yield from _answer_messages(question)


def _length_messages(question: Question, lang: str) -> Iterator[str]:
    """Telegram's limits on the question, options and explanation in one language."""
    yield from _limit("question", question.text.get(lang), lang, QUESTION_MAX_CHARS)
    for number, option in enumerate(question.options, start=1):
        yield from _limit(f"option {number}", option.get(lang), lang, OPTION_MAX_CHARS)
    explanation = question.explanation.get(lang)
    yield from _limit("explanation", explanation, lang, EXPLANATION_MAX_CHARS)
    if explanation.count("\n") > EXPLANATION_MAX_LINE_FEEDS:
        yield f"explanation ({lang}) has more than {EXPLANATION_MAX_LINE_FEEDS} line feeds"
    long_text = question.explanation_long.get(lang)
    yield from _limit("explanation_long", long_text, lang, EXPLANATION_LONG_MAX_CHARS)


def _limit(name: str, text: str, lang: str, most: int) -> Iterator[str]:
    """A message when `text` is empty or longer than `most` characters."""
    length = telegram_length(text)
    if length == 0:
        yield f"{name} ({lang}) is empty"
    elif length > most:
        yield f"{name} ({lang}) is {length} characters, limit {most}"


def _option_messages(question: Question) -> Iterator[str]:
    """Option count and distinctness."""
    count = len(question.options)
    if not MIN_OPTIONS <= count <= MAX_OPTIONS:
        yield f"has {count} options, needs {MIN_OPTIONS} to {MAX_OPTIONS}"
    for lang in LANGS:
        texts = question.option_texts(lang)
        if len(set(texts)) != len(texts):
            yield f"options ({lang}) repeat the same text"


def _answer_messages(question: Question) -> Iterator[str]:
    """Exactly one correct option, or a full order for ordering questions."""
    count = len(question.options)
    if question.is_ordering:
        if question.order is None or sorted(question.order) != list(range(count)):
            yield "ordering question needs an order listing every option once"
        return
    if question.correct is None or not 0 <= question.correct < count:
        yield "needs exactly one correct option"


def _source_messages(question: Question, exists: SlideChecker | None) -> Iterator[str]:
    """Each question cites at least one slide, and every cited slide exists."""
    if not question.sources:
        yield "cites no slide"
    for doc, slide in question.sources:
        if slide < 1:
            yield f"slide {slide} of {doc} is not a slide number"
        elif exists is not None and not exists(doc, slide):
            yield f"slide {slide} of {doc} is not in the knowledge base"
