"""The quiz as text (pure): poll questions, ordering messages, score cards, reviews, results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from telegram import Poll

from bot.rendering import escape
from bot.texts import Html, plain, t
from core.dates import DEFAULT_TIMEZONE, format_datetime
from quizzes.models import AttemptStatus, QuizAttemptItem, json_ints
from quizzes.progress import AttemptSummary, UserResults
from quizzes.questions import QUESTION_MAX_CHARS, Question, QuestionBank, telegram_length
from quizzes.sessions import PlanItem, ScoreCard

SlideText = Callable[[str, int], str | None]


def attempt_title(topic: str | None, mode: str, bank: QuestionBank, lang: str) -> str:
    """What a quiz was about: its topic, "all topics", or its kind for practice."""
    if mode != "quiz":
        return plain(f"quiz.mode.{mode}", lang) if mode in ("practice", "assignment") else mode
    return bank.topic_title(topic, lang) if topic else plain("quiz.topic_all", lang)


def poll_question(item: PlanItem, total: int, lang: str) -> str:
    """The question with "n/N · " in front when it still fits Telegram's 300 characters."""
    text = item.question.text.get(lang)
    numbered = plain("quiz.number", lang, number=item.position + 1, total=total) + text
    return numbered if telegram_length(numbered) <= QUESTION_MAX_CHARS else text


def quiz_poll(
    item: PlanItem, total: int, lang: str, timer: int | None, *, hidden: bool = False
) -> dict[str, Any]:
    """SendPoll's arguments for a one-answer question: a non-anonymous quiz with explanation.

    With `hidden`, a regular poll instead: Telegram shows a quiz's right answer on voting.
    """
    if item.shown_correct is None:
        raise ValueError(f"question {item.question.id} has no single right option")
    if hidden:
        return {
            "question": poll_question(item, total, lang),
            "options": item.shown_options(lang),
            "is_anonymous": False,
            "type": Poll.REGULAR,
            "open_period": timer or None,
        }
    return {
        "question": poll_question(item, total, lang),
        "options": item.shown_options(lang),
        "is_anonymous": False,
        "type": Poll.QUIZ,
        "correct_option_ids": [item.shown_correct],
        "explanation": item.question.explanation.get(lang),
        "open_period": timer or None,
    }


def ordering_text(item: PlanItem, total: int, chosen: Sequence[int], lang: str) -> Html:
    """An ordering question with its numbered options and the order tapped so far."""
    options = item.shown_options(lang)
    listed = "\n".join(f"{index + 1}. {escape(text)}" for index, text in enumerate(options))
    return t(
        "quiz.ordering", lang, number=item.position + 1, total=total,
        question=item.question.text.get(lang), options=Html(listed),
        chosen=_sequence([options[i] for i in chosen]) or plain("quiz.ordering_empty", lang),
    )  # fmt: skip


def ordering_result(
    item: PlanItem, total: int, chosen: Sequence[int], correct: bool, lang: str,
    *, hidden: bool = False,
) -> Html:  # fmt: skip
    """The ordering question with the learner's order and whether it was right (unless hidden)."""
    explanation = item.question.explanation.get(lang)
    if hidden:
        verdict = t("quiz.ordering_recorded", lang)
    elif correct:
        verdict = t("quiz.ordering_right", lang, explanation=explanation)
    else:
        answer = _sequence(item.question.options[i].get(lang) for i in item.question.answer_key)
        verdict = t("quiz.ordering_wrong", lang, answer=answer, explanation=explanation)
    return Html(ordering_text(item, total, chosen, lang) + "\n\n" + verdict)


def score_card(card: ScoreCard, mode: str, bank: QuestionBank, lang: str) -> Html:
    """Score, percentage and the breakdown by topic, then what to do about the misses."""
    key = "quiz.score_practice" if mode == "practice" else "quiz.score"
    parts: list[str] = [t(key, lang, correct=card.correct, total=card.total, percent=card.percent)]
    lines = [
        t("quiz.topic_line", lang, topic=bank.topic_title(topic, lang), correct=score.correct,
          total=score.total, percent=score.percent)
        for topic, score in card.by_topic.items()
    ]  # fmt: skip
    parts.append("\n".join([t("quiz.by_topic", lang), *lines]))
    wrong = card.total - card.correct
    parts.append(t("quiz.some_wrong", lang, count=wrong) if wrong else t("quiz.all_right", lang))
    return Html("\n\n".join(parts))


def review(
    items: Sequence[QuizAttemptItem], bank: QuestionBank, slide_text: SlideText, lang: str
) -> Html:
    """Each missed item: question, given and right answers, long explanation, slide text."""
    parts = [t("quiz.review_heading", lang, count=len(items))]
    for item in items:
        question = bank.get(item.question_id)
        if question is None:
            parts.append(t("quiz.question_gone", lang, number=item.position + 1))
            continue
        parts.append(_review_item(item, question, lang))
        parts += [
            _slide(ref.slide, slide_text(ref.doc, ref.slide), lang) for ref in question.sources
        ]
    return Html("\n\n".join(parts))


def _review_item(item: QuizAttemptItem, question: Question, lang: str) -> Html:
    options = question.option_texts(lang)
    if item.answered_at is None:
        chosen = plain("quiz.not_answered", lang)
    elif item.chosen_order is not None:
        chosen = _sequence(_option(options, i) for i in json_ints(item.chosen_order))
    else:
        chosen = _option(options, item.chosen_index)
    answer = _sequence(_option(options, i) for i in question.answer_key)
    return t(
        "quiz.review_item", lang, number=item.position + 1, question=question.text.get(lang),
        chosen=chosen, answer=answer, explanation=question.explanation_long.get(lang),
    )  # fmt: skip


def _option(options: Sequence[str], index: int | None) -> str:
    """An option's text; "?" when the bank's question has changed since it was answered."""
    return options[index] if index is not None and 0 <= index < len(options) else "?"


def _slide(number: int, text: str | None, lang: str) -> Html:
    if text is None:
        return t("quiz.slide_missing", lang, number=number)
    return t("quiz.slide", lang, number=number, text=text)


def results(
    summary: UserResults, bank: QuestionBank, lang: str, tz: str = DEFAULT_TIMEZONE
) -> Html:
    """Latest attempts (dated in `tz`), right answers by topic, and the Leitner boxes."""
    attempts = [_attempt_line(row, bank, lang, tz) for row in summary.attempts]
    topics = [
        t("quiz.topic_line", lang, topic=bank.topic_title(topic, lang), correct=score.correct,
          total=score.total, percent=score.percent)
        for topic, score in summary.by_topic.items()
    ] or [t("quiz.no_topics", lang)]  # fmt: skip
    boxes = " · ".join(
        plain("quiz.box", lang, box=box, count=count) for box, count in summary.boxes.items()
    )
    hint = plain("quiz.results_hint", lang) if summary.due_now else ""
    return t(
        "quiz.results", lang, attempts=Html("\n".join(attempts)), topics=Html("\n".join(topics)),
        boxes=boxes, due=summary.due_now, hint=hint,
    )  # fmt: skip


def _attempt_line(row: AttemptSummary, bank: QuestionBank, lang: str, tz: str) -> Html:
    finished = row.status == AttemptStatus.FINISHED.value
    status = "" if finished else plain(f"quiz.status.{row.status}", lang)
    return t(
        "quiz.attempt_line", lang, when=format_datetime(row.started_at, lang, tz),
        title=attempt_title(row.topic, row.mode, bank, lang), correct=row.correct,
        total=row.total, percent=row.percent, status=status,
    )  # fmt: skip


def _sequence(texts: Iterable[str]) -> str:
    """Options joined with arrows (one option stays as it is)."""
    return " → ".join(texts)
