"""Two workers: a vote that reaches one worker while the other is still storing its poll id."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from types import SimpleNamespace

from bot.handlers import quiz_flow
from core.db import create_tables, make_engine, session_scope
from quizzes.bank import load_bank
from quizzes.service import attempt_items, record_poll, start_attempt
from quizzes.sessions import QuizPlan, make_plan_item

LEARNER = 7_123_456_789


def test_a_vote_is_graded_when_the_other_worker_stores_its_poll_meanwhile(tmp_path, monkeypatch):
    engine = make_engine(f"sqlite:///{tmp_path / 'bot.sqlite3'}")
    create_tables(engine)
    bank = load_bank()
    rng = random.Random(1)
    plan = QuizPlan(
        tuple(make_plan_item(bank.by_id(q), n, rng) for n, q in enumerate(["gg-01", "pp-02"])),
        topic="mixed",
    )
    with session_scope(engine) as session:
        attempt = start_attempt(
            session=session, user_id=LEARNER, chat_id=LEARNER, plan=plan,
            started_at=datetime(2026, 12, 4, 9, 0, tzinfo=UTC),
        )  # fmt: skip
        first_item = attempt_items(session=session, attempt_id=attempt.id)[0].id

    def poll_stored_by_the_other_worker(session, poll_id, user_id):
        # The sending worker commits the poll id after this worker looked it up and found
        # nothing, but before it could adopt the poll: adoption sees a poll id and declines.
        with session_scope(engine) as other:
            record_poll(session=other, attempt_item_id=first_item, poll_id=poll_id, message_id=5)
        return False

    monkeypatch.setattr(quiz_flow, "adopt_orphan_poll", poll_stored_by_the_other_worker)
    monkeypatch.setattr(quiz_flow.time, "sleep", lambda seconds: None)
    services = SimpleNamespace(session=lambda: session_scope(engine))
    shown = plan.items[0].shown_correct
    outcome = quiz_flow._grade(services, "poll-from-B", LEARNER, [shown])  # type: ignore[arg-type]
    assert not isinstance(outcome, quiz_flow.Rejected), outcome
    assert outcome.correct is True and outcome.position == 0
    engine.dispose()
