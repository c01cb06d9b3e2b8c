"""The pure quiz engine: draw a quiz, shuffle options, grade answers, step through, score."""

from __future__ import annotations

import random
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from core.errors import ValidationError
from quizzes.leitner import BOX_INTERVALS, due_at, is_due, leitner_next_box
from quizzes.questions import DIFFICULTIES, Question, QuestionBank

__all__ = [
    "BOX_INTERVALS",
    "Answer",
    "PlanItem",
    "QuizPlan",
    "QuizState",
    "ScoreCard",
    "TopicScore",
    "answer",
    "build_practice",
    "build_quiz",
    "due_at",
    "finish",
    "grade",
    "is_due",
    "leitner_next_box",
    "make_plan_item",
    "next_question",
    "score",
    "start",
]


@dataclass(frozen=True)
class PlanItem:
    """One question of a quiz as shown: `option_order[shown index]` is the canonical index."""

    position: int
    question: Question
    option_order: tuple[int, ...]

    def shown_options(self, lang: str = "th") -> list[str]:
        """The options in the order the learner sees them."""
        return [self.question.options[index].get(lang) for index in self.option_order]

    @property
    def shown_correct(self) -> int | None:
        """Shown index of the right option (a quiz poll's correct option); None for ordering."""
        correct = self.question.correct
        return None if correct is None else self.option_order.index(correct)

    @property
    def shown_answer(self) -> tuple[int, ...]:
        """The right answer in shown indices: one index, or the shown items in the right order."""
        return tuple(self.option_order.index(index) for index in self.question.answer_key)

    def to_canonical(self, shown: Sequence[int]) -> tuple[int, ...] | None:
        """Map shown indices back to canonical ones; None when any index is out of range."""
        count = len(self.option_order)
        if any(not 0 <= index < count for index in shown):
            return None
        return tuple(self.option_order[index] for index in shown)


@dataclass(frozen=True)
class QuizPlan:
    """The questions of one quiz, in the order they are asked."""

    items: tuple[PlanItem, ...]
    topic: str | None = None
    mode: str = "quiz"

    def __len__(self) -> int:
        return len(self.items)

    @property
    def question_ids(self) -> list[str]:
        """Ids of the questions in asking order."""
        return [item.question.id for item in self.items]


@dataclass(frozen=True)
class Answer:
    """The graded answer to one item; `correct` is None while it is unanswered."""

    question_id: str
    topic: str
    correct: bool | None
    answered_at: datetime | None = None


@dataclass(frozen=True)
class TopicScore:
    """Right answers out of questions asked, for one topic or a whole quiz."""

    total: int
    correct: int

    @property
    def percent(self) -> int:
        """Share of right answers, rounded to a whole percent (0 when nothing was asked)."""
        return round(100 * self.correct / self.total) if self.total else 0


@dataclass(frozen=True)
class ScoreCard:
    """The result of a quiz: totals and a breakdown by topic."""

    total: int
    answered: int
    correct: int
    by_topic: dict[str, TopicScore]

    @property
    def percent(self) -> int:
        """Share of right answers out of all questions, rounded to a whole percent."""
        return TopicScore(self.total, self.correct).percent


@dataclass(frozen=True)
class QuizState:
    """Where a learner is in a quiz: the plan and one answer slot per item."""

    plan: QuizPlan
    answers: tuple[Answer, ...]


def build_quiz(
    source: QuestionBank | Iterable[Question],
    *,
    topic: str | None = None,
    length: int = 10,
    difficulty_mix: Mapping[str, float] | None = None,
    kinds: Collection[str] | None = None,
    exclude_ids: Collection[str] = (),
    rng: random.Random,
) -> QuizPlan:
    """Draw a quiz without repeats and shuffle each question's options.

    Args:
        source: the bank or any questions.
        topic: only questions of this topic; None for all topics.
        length: how many questions; fewer when fewer match.
        difficulty_mix: relative weights such as {"easy": 2, "medium": 1}; a difficulty
            that runs short is made up from the others.
        kinds: only these kinds (e.g. leave out "ordering" where polls are needed).
        exclude_ids: questions not to draw (e.g. seen in the learner's last quiz).
        rng: the random source, passed in so tests and replays are deterministic.

    Raises:
        ValidationError: length below 1, a bad mix, or no question matches.

    """
    if length < 1:
        raise ValidationError("a quiz needs at least one question")
    pool = _candidates(source, topic, kinds, exclude_ids)
    if not pool:
        raise ValidationError(f"no questions match topic {topic!r}")
    chosen = _draw(pool, min(length, len(pool)), difficulty_mix, rng)
    items = tuple(make_plan_item(q, position, rng) for position, q in enumerate(chosen))
    return QuizPlan(items, topic)


def build_practice(
    source: QuestionBank | Iterable[Question],
    question_ids: Sequence[str],
    *,
    length: int | None = None,
    rng: random.Random,
) -> QuizPlan:
    """A practice quiz of the given questions, in the given order (most overdue first)."""
    by_id = {q.id: q for q in source}
    unique = list(dict.fromkeys(qid for qid in question_ids if qid in by_id))
    chosen = [by_id[qid] for qid in unique[:length]]
    items = tuple(make_plan_item(q, position, rng) for position, q in enumerate(chosen))
    return QuizPlan(items, None, mode="practice")


def make_plan_item(question: Question, position: int, rng: random.Random) -> PlanItem:
    """Shuffle a question's options (if it allows); an ordering never starts out solved."""
    order = list(range(len(question.options)))
    if question.shuffle:
        rng.shuffle(order)
        while question.is_ordering and len(order) > 1 and tuple(order) == question.order:
            rng.shuffle(order)
    return PlanItem(position, question, tuple(order))


def grade(item: PlanItem, chosen: int | Sequence[int]) -> bool:
    """Whether the shown index (or, for ordering, shown indices in sequence) is right."""
    shown = (chosen,) if isinstance(chosen, int) else tuple(chosen)
    canonical = item.to_canonical(shown)
    return canonical is not None and canonical == item.question.answer_key


def score(answers: Iterable[Answer]) -> ScoreCard:
    """Totals and per-topic breakdown; unanswered items count as asked but not right."""
    listed = list(answers)
    by_topic: dict[str, TopicScore] = {}
    for ans in listed:
        old = by_topic.get(ans.topic, TopicScore(0, 0))
        by_topic[ans.topic] = TopicScore(old.total + 1, old.correct + bool(ans.correct))
    answered = sum(ans.correct is not None for ans in listed)
    correct = sum(ans.correct is True for ans in listed)
    return ScoreCard(len(listed), answered, correct, by_topic)


def start(plan: QuizPlan) -> QuizState:
    """A fresh state: every item unanswered."""
    empty = tuple(Answer(i.question.id, i.question.topic, None) for i in plan.items)
    return QuizState(plan, empty)


def next_question(state: QuizState) -> PlanItem | None:
    """The first unanswered item, or None when every item has an answer."""
    for item, ans in zip(state.plan.items, state.answers, strict=True):
        if ans.correct is None:
            return item
    return None


def answer(
    state: QuizState, position: int, chosen: int | Sequence[int], *, at: datetime
) -> QuizState:
    """Grade an answer to one item; raises ValidationError for a bad or repeated answer."""
    if not 0 <= position < len(state.plan.items):
        raise ValidationError(f"this quiz has no question {position + 1}")
    if state.answers[position].correct is not None:
        raise ValidationError(f"question {position + 1} is already answered")
    right = grade(state.plan.items[position], chosen)
    answers = list(state.answers)
    answers[position] = replace(state.answers[position], correct=right, answered_at=at)
    return QuizState(state.plan, tuple(answers))


def finish(state: QuizState) -> ScoreCard:
    """Score the quiz as it stands; unanswered items count as not right."""
    return score(state.answers)


def _candidates(
    source: QuestionBank | Iterable[Question],
    topic: str | None,
    kinds: Collection[str] | None,
    exclude_ids: Collection[str],
) -> list[Question]:
    """Questions that match the filters, once per id."""
    excluded = set(exclude_ids)
    unique: dict[str, Question] = {}
    for question in source:
        if topic is not None and question.topic != topic:
            continue
        if (kinds is not None and question.kind not in kinds) or question.id in excluded:
            continue
        unique.setdefault(question.id, question)
    return list(unique.values())


def _draw(
    pool: list[Question], length: int, mix: Mapping[str, float] | None, rng: random.Random
) -> list[Question]:
    """Pick `length` distinct questions, honouring the difficulty mix as far as possible."""
    if not mix:
        return rng.sample(pool, length)
    chosen: list[Question] = []
    for difficulty, quota in _quotas(mix, length).items():
        group = [q for q in pool if q.difficulty == difficulty]
        chosen += rng.sample(group, min(quota, len(group)))
    taken = {q.id for q in chosen}
    rest = [q for q in pool if q.id not in taken]
    chosen += rng.sample(rest, length - len(chosen))
    rng.shuffle(chosen)
    return chosen


def _quotas(mix: Mapping[str, float], length: int) -> dict[str, int]:
    """Split `length` over difficulties by weight (largest remainder, ties in easy-first order)."""
    unknown = set(mix) - set(DIFFICULTIES)
    if unknown or any(weight < 0 for weight in mix.values()) or sum(mix.values()) <= 0:
        raise ValidationError(
            f"difficulty mix needs non-negative weights for {', '.join(DIFFICULTIES)}"
        )
    total = sum(mix.values())
    exact = {d: mix.get(d, 0) * length / total for d in DIFFICULTIES}
    quotas: dict[str, int] = {d: int(share) for d, share in exact.items()}
    by_remainder = sorted(DIFFICULTIES, key=lambda d: quotas[d] - exact[d])
    for difficulty in by_remainder[: length - sum(quotas.values())]:
        quotas[difficulty] += 1
    return quotas
