"""The pure quiz engine: drawing, shuffling, grading, scoring, stepping, Leitner boxes."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from core.errors import ValidationError
from quizzes.bank import load_bank
from quizzes.leitner import BOX_INTERVALS, due_at, is_due, leitner_next_box
from quizzes.sessions import (
    Answer,
    ScoreCard,
    TopicScore,
    answer,
    build_practice,
    build_quiz,
    finish,
    grade,
    make_plan_item,
    next_question,
    score,
    start,
)

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def test_a_quiz_never_repeats_a_question(bank):
    for seed in range(30):
        plan = build_quiz(bank, length=15, rng=random.Random(seed))

        assert len(plan) == 15
        assert len(set(plan.question_ids)) == 15
        assert [item.position for item in plan.items] == list(range(15))


def test_topic_filter_and_short_topics(bank):
    plan = build_quiz(bank, topic="quality", length=50, rng=random.Random(1))

    assert {item.question.topic for item in plan.items} == {"quality"}
    assert sorted(plan.question_ids) == sorted(q.id for q in bank.by_topic("quality"))
    assert plan.topic == "quality"


def test_excluded_and_filtered_kinds_are_not_drawn(bank):
    seen = {q.id for q in bank.by_topic("levels")[:5]}

    plan = build_quiz(
        bank, topic="levels", length=50, exclude_ids=seen, kinds={"level_scenario"},
        rng=random.Random(2),
    )  # fmt: skip

    assert not seen & set(plan.question_ids)
    assert {item.question.kind for item in plan.items} == {"level_scenario"}


def test_different_seeds_draw_different_quizzes(bank):
    draws = {
        tuple(build_quiz(bank, length=10, rng=random.Random(s)).question_ids) for s in range(5)
    }
    assert len(draws) > 1


def test_difficulty_mix_sets_the_quota(make_question):
    pool = [make_question(f"e{i}", difficulty="easy") for i in range(10)]
    pool += [make_question(f"h{i}", difficulty="hard") for i in range(10)]

    for seed in range(10):
        mix = {"easy": 2, "hard": 1}
        plan = build_quiz(pool, length=6, difficulty_mix=mix, rng=random.Random(seed))

        assert Counter(i.question.difficulty for i in plan.items) == {"easy": 4, "hard": 2}


def test_difficulty_short_of_questions_is_made_up_from_others(make_question):
    pool = [make_question("h0", difficulty="hard")]
    pool += [make_question(f"m{i}", difficulty="medium") for i in range(5)]

    plan = build_quiz(pool, length=4, difficulty_mix={"hard": 1}, rng=random.Random(4))

    assert len(plan) == 4 and len(set(plan.question_ids)) == 4
    assert "h0" in plan.question_ids


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"length": 0}, "at least one question"),
        ({"topic": "nope"}, "no questions match topic 'nope'"),
        ({"difficulty_mix": {"tricky": 1}}, "difficulty mix"),
        ({"difficulty_mix": {"easy": 0}}, "difficulty mix"),
    ],
)
def test_bad_quiz_requests_are_refused(bank, kwargs, message):
    with pytest.raises(ValidationError, match=message):
        build_quiz(bank, rng=random.Random(0), **kwargs)


def test_shuffled_options_still_grade_exactly(bank):
    rng = random.Random(5)
    for question in bank:
        if question.is_ordering:
            continue
        for _ in range(5):
            item = make_plan_item(question, 0, rng)
            right = item.shown_correct
            assert right is not None
            assert item.shown_options("th")[right] == question.options[question.correct].th
            assert grade(item, right) is True
            wrong = [i for i in range(len(question.options)) if i != right]
            assert not any(grade(item, i) for i in wrong)


def test_multiple_choice_options_are_really_shuffled_but_true_false_is_not(bank):
    rng = random.Random(6)
    mcq_orders = {make_plan_item(q, 0, rng).option_order for q in bank.by_kind("mcq")}
    tf_orders = {make_plan_item(q, 0, rng).option_order for q in bank.by_kind("true_false")}

    assert len(mcq_orders) > 1
    assert tf_orders == {(0, 1)}


def test_ordering_is_shown_scrambled_and_graded_by_sequence(bank):
    rng = random.Random(7)
    for question in bank.by_kind("ordering"):
        for _ in range(10):
            item = make_plan_item(question, 0, rng)
            as_shown = list(range(len(question.options)))
            assert grade(item, item.shown_answer) is True
            assert grade(item, as_shown) is False  # shown order is never already the answer
            assert grade(item, list(reversed(item.shown_answer))) is False


def test_malformed_choices_are_wrong_not_errors(make_question):
    item = make_plan_item(make_question("q", options=3, correct=1), 0, random.Random(8))

    assert grade(item, 7) is False
    assert grade(item, -1) is False
    assert grade(item, [item.shown_correct, item.shown_correct]) is False
    assert grade(item, [item.shown_correct]) is True


def test_score_breaks_down_by_topic():
    answers = [
        Answer("a1", "levels", True),
        Answer("a2", "levels", False),
        Answer("a3", "levels", True),
        Answer("b1", "why", False),
        Answer("b2", "why", None),
    ]

    card = score(answers)

    assert card == ScoreCard(
        total=5,
        answered=4,
        correct=2,
        by_topic={"levels": TopicScore(3, 2), "why": TopicScore(2, 0)},
    )
    assert card.percent == 40
    assert card.by_topic["levels"].percent == 67
    assert score([]).percent == 0


def test_state_machine_steps_through_and_finishes(make_question):
    questions = [make_question("x", topic="a"), make_question("y", topic="b")]
    plan = build_quiz(questions, length=2, rng=random.Random(9))
    state = start(plan)

    first = next_question(state)
    assert first is plan.items[0]
    state = answer(state, 0, first.shown_correct or 0, at=NOW)
    second = next_question(state)
    assert second is plan.items[1]
    wrong = ((second.shown_correct or 0) + 1) % len(second.option_order)
    state = answer(state, 1, wrong, at=NOW)

    assert next_question(state) is None
    card = finish(state)
    assert (card.total, card.correct) == (2, 1)
    assert state.answers[0].answered_at == NOW


def test_answering_twice_or_out_of_range_is_refused(make_question):
    state = start(build_quiz([make_question("x")], length=1, rng=random.Random(10)))
    state = answer(state, 0, 0, at=NOW)

    with pytest.raises(ValidationError, match="already answered"):
        answer(state, 0, 1, at=NOW)
    with pytest.raises(ValidationError, match="no question 3"):
        answer(state, 2, 0, at=NOW)


def test_unfinished_quiz_counts_missing_answers_as_not_right(make_question):
    plan = build_quiz([make_question("x"), make_question("y")], length=2, rng=random.Random(11))

    card = finish(start(plan))

    assert (card.total, card.answered, card.correct) == (2, 0, 0)


def test_practice_keeps_the_due_order_and_skips_unknown_ids(bank):
    ids = ["lv-s05", "missing", "gg-01", "lv-s05", "q-03"]

    plan = build_practice(bank, ids, length=2, rng=random.Random(12))

    assert plan.question_ids == ["lv-s05", "gg-01"]
    assert plan.mode == "practice"


@pytest.mark.parametrize(
    ("box", "correct", "expected"),
    [(1, True, 2), (2, True, 3), (4, True, 5), (5, True, 5), (3, False, 1), (1, False, 1)],
)
def test_leitner_boxes_move_up_when_right_and_back_to_one_when_wrong(box, correct, expected):
    assert leitner_next_box(box, correct) == expected


def test_leitner_intervals_grow_with_the_box():
    assert due_at(1, NOW) == NOW
    assert due_at(2, NOW) == NOW + timedelta(days=1)
    assert due_at(5, NOW) == NOW + timedelta(days=14)
    assert list(BOX_INTERVALS.values()) == sorted(BOX_INTERVALS.values())
    assert is_due(NOW, NOW) and not is_due(NOW + timedelta(seconds=1), NOW)
