"""Quiz persistence on a real SQLite file: restarts, forged answers, Leitner practice, results."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from core.db import make_engine, session_scope
from core.errors import NotFoundError, ValidationError
from quizzes.bank import load_bank
from quizzes.models import LeitnerCard, QuizAttempt, QuizAttemptItem
from quizzes.service import (
    Rejected,
    abandon_attempt,
    attempt_items,
    current_attempt,
    due_practice,
    finish_attempt,
    next_item,
    plan_item_for,
    record_answer,
    record_item_answer,
    record_poll,
    results_for_user,
    start_attempt,
)
from quizzes.sessions import QuizPlan, build_practice, build_quiz, make_plan_item

LEARNER = 7_123_456_789  # Telegram ids no longer fit in 32 bits
OTHER = 42
CHAT = -1001234567890
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def bank():
    return load_bank()


def _plan(bank, ids: list[str], seed: int = 1) -> QuizPlan:
    rng = random.Random(seed)
    items = tuple(make_plan_item(bank.by_id(qid), pos, rng) for pos, qid in enumerate(ids))
    return QuizPlan(items, topic="mixed")


def _start_with_polls(engine, plan, user=LEARNER, prefix="poll") -> int:
    """Start an attempt and give every item a poll id, as the bot does when it sends them."""
    with session_scope(engine) as session:
        attempt = start_attempt(
            session=session, user_id=user, chat_id=CHAT, plan=plan, started_at=T0
        )
        for row in attempt_items(session=session, attempt_id=attempt.id):
            record_poll(
                session=session, attempt_item_id=row.id, poll_id=f"{prefix}-{row.position}",
                message_id=1000 + row.position,
            )  # fmt: skip
        return attempt.id


def _answer(engine, poll_id, shown, user=LEARNER, at=T0):
    with session_scope(engine) as session:
        return record_answer(
            session=session, poll_id=poll_id, user_id=user, option_ids=shown, answered_at=at
        )


def _snapshot(engine):
    """Every stored row, to prove that a rejected answer changed nothing."""
    with session_scope(engine) as session:
        rows = [*session.exec(select(QuizAttempt)), *session.exec(select(QuizAttemptItem))]
        rows += list(session.exec(select(LeitnerCard)))
        return [row.model_dump() for row in rows]


def test_an_open_quiz_survives_a_restart(bank, db_url, engine):
    plan = _plan(bank, ["gg-01", "lv-s03", "pp-02"])
    attempt_id = _start_with_polls(engine, plan)
    first = plan.items[0]
    assert _answer(engine, "poll-0", [first.shown_correct]).correct is True
    engine.dispose()

    restarted = make_engine(db_url)  # a new process: nothing but the file remains
    with session_scope(restarted) as session:
        attempt = current_attempt(session=session, user_id=LEARNER)
        row = next_item(session=session, attempt_id=attempt.id)
        resumed = plan_item_for(row, bank)
    restarted.dispose()

    assert attempt.id == attempt_id and attempt.status == "in_progress"
    assert attempt.started_at == T0
    assert (row.position, row.poll_id, row.message_id) == (1, "poll-1", 1001)
    assert resumed.shown_options("th") == plan.items[1].shown_options("th")
    assert resumed.shown_correct == plan.items[1].shown_correct


def test_answers_are_graded_through_the_shuffle_and_scored_by_topic(bank, engine):
    plan = _plan(bank, ["why-01", "why-02", "def-03", "pp-02"])
    assert all(item.option_order != (0, 1, 2, 3) for item in plan.items)  # really shuffled
    attempt_id = _start_with_polls(engine, plan)
    right = [item.shown_correct for item in plan.items]

    outcomes = [
        _answer(engine, "poll-0", [right[0]]),
        _answer(engine, "poll-1", [(right[1] + 1) % 4]),
        _answer(engine, "poll-2", [right[2]]),
    ]
    with session_scope(engine) as session:
        card = finish_attempt(session=session, attempt_id=attempt_id, finished_at=T0)
        stored = session.get(QuizAttempt, attempt_id)

    assert [o.correct for o in outcomes] == [True, False, True]
    assert [o.answered for o in outcomes] == [1, 2, 3]
    assert not outcomes[-1].attempt_complete
    assert (card.total, card.answered, card.correct) == (4, 3, 2)
    assert (card.by_topic["why"].total, card.by_topic["why"].correct) == (2, 1)
    assert (card.by_topic["definition"].total, card.by_topic["definition"].correct) == (1, 1)
    assert (card.by_topic["pp_vs_pg"].total, card.by_topic["pp_vs_pg"].correct) == (1, 0)
    assert (stored.status, stored.score, stored.finished_at) == ("finished", 2, T0)


def test_chosen_answer_is_stored_as_the_canonical_option(bank, engine):
    plan = _plan(bank, ["why-01"], seed=3)
    _start_with_polls(engine, plan)

    _answer(engine, "poll-0", [plan.items[0].shown_correct])

    with session_scope(engine) as session:
        row = session.exec(select(QuizAttemptItem)).one()
    assert row.chosen_index == bank.by_id("why-01").correct
    assert row.answered_at == T0


def test_forged_and_stale_answers_change_nothing(bank, engine):
    plan = _plan(bank, ["gg-01", "gg-02"])
    attempt_id = _start_with_polls(engine, plan)
    _answer(engine, "poll-0", [plan.items[0].shown_correct])
    before = _snapshot(engine)

    assert _answer(engine, "no-such-poll", [0]) is Rejected.UNKNOWN_POLL
    assert _answer(engine, "poll-1", [0], user=OTHER) is Rejected.NOT_YOUR_QUIZ
    assert (
        _answer(engine, "poll-0", [1 - plan.items[0].shown_correct]) is Rejected.ALREADY_ANSWERED
    )
    assert _answer(engine, "poll-1", [5]) is Rejected.INVALID_CHOICE
    assert _answer(engine, "poll-1", [0, 1]) is Rejected.INVALID_CHOICE
    assert _answer(engine, "poll-1", []) is Rejected.INVALID_CHOICE
    assert _snapshot(engine) == before

    with session_scope(engine) as session:
        finish_attempt(session=session, attempt_id=attempt_id, finished_at=T0)
    finished = _snapshot(engine)
    assert _answer(engine, "poll-1", [0]) is Rejected.ATTEMPT_CLOSED
    assert _snapshot(engine) == finished


def test_starting_a_new_quiz_abandons_the_open_one(bank, engine):
    first = _start_with_polls(engine, _plan(bank, ["gg-01"]), prefix="old")
    second = _start_with_polls(engine, _plan(bank, ["gg-02"]), prefix="new")

    with session_scope(engine) as session:
        assert current_attempt(session=session, user_id=LEARNER).id == second
        assert session.get(QuizAttempt, first).status == "abandoned"
    assert _answer(engine, "old-0", [0]) is Rejected.ATTEMPT_CLOSED


def test_abandon_and_finish_keep_a_closed_attempt_closed(bank, engine):
    attempt_id = _start_with_polls(engine, _plan(bank, ["gg-01"]))

    with session_scope(engine) as session:
        abandon_attempt(session=session, attempt_id=attempt_id, at=T0)
        card = finish_attempt(session=session, attempt_id=attempt_id)
        attempt = session.get(QuizAttempt, attempt_id)

    assert attempt.status == "abandoned" and attempt.score is None
    assert card.total == 1 and card.answered == 0
    with session_scope(engine) as session, pytest.raises(NotFoundError):
        finish_attempt(session=session, attempt_id=999)


def test_ordering_answers_come_through_buttons(bank, engine):
    plan = _plan(bank, ["lv-01"], seed=4)
    item = plan.items[0]
    _start_with_polls(engine, plan)
    with session_scope(engine) as session:
        row_id = next_item(session=session, attempt_id=1).id

    def send(shown, user=LEARNER):
        with session_scope(engine) as session:
            return record_item_answer(
                session=session, attempt_item_id=row_id, user_id=user, shown_choice=shown,
                answered_at=T0,
            )  # fmt: skip

    assert send(list(item.shown_answer)[:3]) is Rejected.INVALID_CHOICE
    assert send(list(item.shown_answer), user=OTHER) is Rejected.NOT_YOUR_QUIZ
    outcome = send(list(item.shown_answer))
    assert outcome.correct is True and outcome.attempt_complete
    with session_scope(engine) as session:
        stored = session.get(QuizAttemptItem, row_id)
        assert stored.chosen_order == list(bank.by_id("lv-01").order)
        missing = record_item_answer(
            session=session, attempt_item_id=999, user_id=LEARNER, shown_choice=[0],
            answered_at=T0,
        )  # fmt: skip
    assert missing is Rejected.UNKNOWN_ITEM


def test_wrong_answers_come_back_for_spaced_practice(bank, engine):
    plan = _plan(bank, ["gg-01", "gg-02"])
    _start_with_polls(engine, plan)
    _answer(engine, "poll-0", [1 - plan.items[0].shown_correct])  # wrong
    _answer(engine, "poll-1", [plan.items[1].shown_correct])  # right: no card

    with session_scope(engine) as session:
        assert due_practice(session=session, user_id=LEARNER, now=T0) == ["gg-01"]
        assert due_practice(session=session, user_id=OTHER, now=T0) == []
        practice = build_practice(bank, ["gg-01"], rng=random.Random(5))
    later = T0 + timedelta(hours=1)
    _start_with_polls(engine, practice, prefix="p1")
    _answer(engine, "p1-0", [practice.items[0].shown_correct], at=later)  # right: box 2

    with session_scope(engine) as session:
        card = session.exec(select(LeitnerCard)).one()
        assert (card.box, card.due_at) == (2, later + timedelta(days=1))
        assert due_practice(session=session, user_id=LEARNER, now=later) == []
        tomorrow = later + timedelta(days=1)
        assert due_practice(session=session, user_id=LEARNER, now=tomorrow) == ["gg-01"]


def test_a_right_answer_before_the_card_is_due_keeps_the_schedule(bank, engine):
    plan = _plan(bank, ["gg-01"])
    _start_with_polls(engine, plan, prefix="a")
    _answer(engine, "a-0", [1 - plan.items[0].shown_correct])
    _start_with_polls(engine, plan, prefix="b")
    _answer(engine, "b-0", [plan.items[0].shown_correct], at=T0)  # due now: box 2
    _start_with_polls(engine, plan, prefix="c")
    _answer(engine, "c-0", [plan.items[0].shown_correct], at=T0 + timedelta(hours=2))
    with session_scope(engine) as session:
        assert session.exec(select(LeitnerCard)).one().box == 2
    _start_with_polls(engine, plan, prefix="d")
    _answer(engine, "d-0", [1 - plan.items[0].shown_correct], at=T0 + timedelta(hours=3))

    with session_scope(engine) as session:
        card = session.exec(select(LeitnerCard)).one()
    assert (card.box, card.due_at) == (1, T0 + timedelta(hours=3))


def test_results_show_attempts_and_progress_by_topic(bank, engine):
    first = _plan(bank, ["gg-01", "lv-s03"])
    first_id = _start_with_polls(engine, first, prefix="f")
    _answer(engine, "f-0", [first.items[0].shown_correct])
    _answer(engine, "f-1", [(first.items[1].shown_correct + 1) % 5])
    with session_scope(engine) as session:
        finish_attempt(session=session, attempt_id=first_id, finished_at=T0)
    second = _plan(bank, ["gg-02", "gg-03", "pp-02"])
    second_id = _start_with_polls(engine, second, prefix="s")
    _answer(engine, "s-0", [second.items[0].shown_correct])

    with session_scope(engine) as session:
        results = results_for_user(session=session, user_id=LEARNER, now=T0)
        nothing = results_for_user(session=session, user_id=OTHER, now=T0)

    assert [a.attempt_id for a in results.attempts] == [second_id, first_id]
    newest, oldest = results.attempts
    assert (newest.status, newest.total, newest.answered, newest.correct) == (
        "in_progress", 3, 1, 1,
    )  # fmt: skip
    assert (oldest.status, oldest.correct, oldest.percent) == ("finished", 1, 50)
    assert {t: (s.total, s.correct) for t, s in results.by_topic.items()} == {
        "government_governance": (2, 2),
        "levels": (1, 0),
    }
    assert results.boxes == {1: 1, 2: 0, 3: 0, 4: 0, 5: 0} and results.due_now == 1
    assert nothing.attempts == [] and nothing.by_topic == {} and nothing.due_now == 0


def test_resuming_a_question_that_left_the_bank_is_a_clear_error(bank, engine, make_question):
    ghost = make_question("ghost-1")
    _start_with_polls(engine, build_quiz([ghost], length=1, rng=random.Random(6)))

    with session_scope(engine) as session:
        row = next_item(session=session, attempt_id=1)
        with pytest.raises(NotFoundError, match="ghost-1"):
            plan_item_for(row, bank)


def test_an_empty_plan_cannot_start(engine):
    with session_scope(engine) as session, pytest.raises(ValidationError):
        start_attempt(session=session, user_id=LEARNER, chat_id=CHAT, plan=QuizPlan(()))
