"""Reminders on a controllable clock: each notice goes out once, even across restarts."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

import quizzes.trainer_models  # noqa: F401  (registers the trainer tables before create_tables)
from core.db import create_tables, make_engine, session_scope
from quizzes.assignments import create_assignment
from quizzes.bank import load_bank
from quizzes.cohorts import create_cohort, join_cohort
from quizzes.reminders import (
    NoticeKind,
    due_notices,
    jobs_for_assignment,
    mark_notice_sent,
    mark_summary_sent,
    pending_reminders,
    reminder_kind,
    reminder_times,
    upcoming_jobs,
)
from quizzes.tasks import finish_assignment_attempt, start_assignment_attempt
from quizzes.trainer_models import Assignment

TRAINER = 5_000_000_001
ANN, BEN, CAT = 7_000_000_001, 7_000_000_002, 7_000_000_003
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
OPENS = NOW + timedelta(hours=1)
DUE = NOW + timedelta(days=2)


@pytest.fixture(scope="module")
def bank():
    return load_bank()


class Bot:
    """Stands in for the bot: claims each notice in the database, then 'sends' it."""

    def __init__(self, db_url: str) -> None:
        self.db_url = db_url
        self.sent: list[tuple[int, str]] = []
        self.refused: list[tuple[int, str]] = []  # listed as due although already claimed
        self.start()

    def start(self) -> None:
        """A fresh process: a new engine on the same database file, no memory of the past."""
        self.engine = make_engine(self.db_url)
        create_tables(self.engine)

    def restart(self) -> None:
        self.engine.dispose()
        self.start()

    def tick(self, now: datetime, crash_after: int | None = None) -> list[tuple[int, str]]:
        """Deliver what is due at `now`; `crash_after` stops after that many sends."""
        delivered = []
        with session_scope(self.engine) as session:
            notices = due_notices(session=session, now=now)
        for notice in notices:
            if crash_after is not None and len(delivered) == crash_after:
                break
            with session_scope(self.engine) as session:
                claimed = mark_notice_sent(session=session, notice=notice, at=now)
            target = delivered if claimed else self.refused
            target.append((notice.user_id, notice.kind))
        self.sent += delivered
        return delivered


def _setup(engine, bank, **overrides):
    with session_scope(engine) as session:
        cohort = create_cohort(session=session, trainer_id=TRAINER, name="รุ่นที่ 1")
        for user in (ANN, BEN, CAT):
            join_cohort(
                session=session, code=cohort.invite_code, user_id=user, first_name=str(user)
            )
        settings = dict(
            title="งาน", bank=bank, question_count=3, pass_mark=50, opens_at=OPENS, due_at=DUE,
            now=NOW, rng=random.Random(1),
        )  # fmt: skip
        settings.update(overrides)
        return create_assignment(
            session=session, trainer_id=TRAINER, cohort_id=cohort.id, **settings
        ).id


def _finish(engine, bank, assignment_id, user, at):
    with session_scope(engine) as session:
        started = start_assignment_attempt(
            session=session, assignment_id=assignment_id, user_id=user, chat_id=user, bank=bank,
            now=at, rng=random.Random(2),
        )  # fmt: skip
        finish_assignment_attempt(session=session, attempt_id=started.attempt.id, now=at)


def test_every_notice_goes_out_once_across_restarts(db_url, bank):
    bot = Bot(db_url)
    assignment_id = _setup(bot.engine, bank)
    assert bot.tick(NOW) == []  # not open yet
    assert sorted(bot.tick(OPENS)) == [(u, "announce") for u in (ANN, BEN, CAT)]
    assert bot.tick(OPENS + timedelta(minutes=1)) == []
    _finish(bot.engine, bank, assignment_id, ANN, OPENS + timedelta(hours=2))

    day_before = DUE - timedelta(hours=23)
    assert bot.tick(day_before, crash_after=1) == [(BEN, "remind-24h")]  # then the bot dies
    bot.restart()
    assert bot.tick(day_before) == [(CAT, "remind-24h")]  # the rest, and nobody twice
    bot.restart()
    assert bot.tick(day_before + timedelta(hours=1)) == []

    _finish(bot.engine, bank, assignment_id, BEN, DUE - timedelta(hours=2))
    bot.restart()
    assert bot.tick(DUE - timedelta(minutes=30)) == [(CAT, "remind-1h")]
    assert bot.tick(DUE - timedelta(minutes=1)) == []
    bot.restart()
    assert bot.tick(DUE) == [(TRAINER, "summary")]
    assert bot.tick(DUE + timedelta(hours=1)) == []

    _finish(bot.engine, bank, assignment_id, CAT, DUE + timedelta(hours=3))  # late, but done
    assert bot.tick(DUE + timedelta(hours=3)) == [(TRAINER, "all_finished")]
    bot.restart()
    assert bot.tick(DUE + timedelta(days=1)) == []
    reminders = [entry for entry in bot.sent if entry[1].startswith("remind")]
    assert reminders == [(BEN, "remind-24h"), (CAT, "remind-24h"), (CAT, "remind-1h")]
    assert bot.refused == []  # what was sent is never listed as due again
    bot.engine.dispose()


def test_jobs_are_rebuilt_from_the_database(db_url, bank):
    bot = Bot(db_url)
    assignment_id = _setup(bot.engine, bank)
    bot.restart()
    with session_scope(bot.engine) as session:
        jobs = upcoming_jobs(session=session, now=NOW)
        assert [(j.kind, j.run_at) for j in jobs] == [
            ("announce", OPENS), ("remind-24h", DUE - timedelta(hours=24)),
            ("remind-1h", DUE - timedelta(hours=1)), ("summary", DUE),
        ]  # fmt: skip
        assert jobs[0].name == f"assignment-{assignment_id}-announce"
        later = upcoming_jobs(session=session, now=DUE - timedelta(hours=2))
        assert [j.kind for j in later] == ["remind-1h", "summary"]
        assert upcoming_jobs(session=session, now=DUE) == []
    bot.engine.dispose()


def test_after_downtime_only_the_latest_reminder_is_sent(db_url, bank):
    bot = Bot(db_url)
    _setup(bot.engine, bank)
    bot.tick(OPENS)
    # The bot was down from the opening until half an hour before the deadline.
    assert sorted(bot.tick(DUE - timedelta(minutes=30))) == [
        (u, "remind-1h") for u in (ANN, BEN, CAT)
    ]
    assert bot.tick(DUE - timedelta(minutes=20)) == []
    bot.engine.dispose()


def test_reminders_before_the_opening_are_skipped_and_offsets_configurable(engine, bank):
    assignment_id = _setup(
        engine, bank, opens_at=DUE - timedelta(hours=2),
        reminder_offsets=[timedelta(hours=24), timedelta(minutes=90), timedelta(minutes=10)],
    )  # fmt: skip
    with session_scope(engine) as session:
        assignment = session.get(Assignment, assignment_id)
        assert reminder_times(assignment) == [
            ("remind-90m", DUE - timedelta(minutes=90)),
            ("remind-10m", DUE - timedelta(minutes=10)),
        ]
        assert next(j.kind for j in jobs_for_assignment(assignment, NOW)) == "announce"
        assert pending_reminders(session=session, now=DUE - timedelta(hours=3)) == []
    assert reminder_kind(45) == "remind-45s"


def test_summary_can_be_marked_directly_once(engine, bank):
    assignment_id = _setup(engine, bank)
    with session_scope(engine) as session:
        assert mark_summary_sent(session=session, assignment_id=assignment_id, at=DUE)
        assert not mark_summary_sent(session=session, assignment_id=assignment_id, at=DUE)
        kinds = {n.kind for n in due_notices(session=session, now=DUE)}
        assert NoticeKind.SUMMARY.value not in kinds
