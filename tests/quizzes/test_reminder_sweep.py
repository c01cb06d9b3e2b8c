"""Sweeping for notices from several workers at once: each claimed exactly once, failed tries
retried after a growing pause and recorded, a dead worker's claim taken over after its lease.
On SQLite and on the real PostgreSQL.
"""

from __future__ import annotations

import random
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import col, select

from core.db import create_tables, make_engine, session_scope
from quizzes.assignments import create_assignment
from quizzes.bank import load_bank
from quizzes.cohorts import create_cohort, join_cohort
from quizzes.reminders import (
    LEASE,
    MAX_ATTEMPTS,
    Notice,
    claim_retries,
    due_notices,
    mark_notice_sent,
    record_delivery,
    retry_delay,
)
from quizzes.trainer_models import NoticeSent, NoticeStatus

TRAINER = 5_000_000_001
MEMBERS = [7_000_000_000 + n for n in range(1, 25)]
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
WORKERS = 4


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request, tmp_path):
    if request.param == "postgres":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path / 'sweep.sqlite3'}"


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    create_tables(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def assignment_id(engine):
    with session_scope(engine) as session:
        cohort = create_cohort(session=session, trainer_id=TRAINER, name="รุ่นกวาด")
        for user in MEMBERS:
            join_cohort(session=session, code=cohort.invite_code, user_id=user, first_name="x")
        return create_assignment(
            session=session, trainer_id=TRAINER, cohort_id=cohort.id, title="งาน",
            bank=load_bank(), question_count=3, pass_mark=50, opens_at=NOW,
            due_at=NOW + timedelta(days=2), now=NOW, rng=random.Random(1),
            reminder_offsets=[timedelta(hours=24)],
        ).id  # fmt: skip


def race(db_url: str, work) -> list[list[Notice]]:
    """Run `work(engine)` in WORKERS threads at once, each with its own engine (a process)."""
    start = threading.Barrier(WORKERS)
    results: list[list[Notice]] = [[] for _ in range(WORKERS)]
    errors: list[BaseException] = []

    def run(index: int) -> None:
        engine = make_engine(db_url)
        try:
            start.wait()
            results[index] = work(engine)
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(WORKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def sweep_new(engine, at=NOW) -> list[Notice]:
    """What one worker's sweep claims of the notices now due."""
    with session_scope(engine) as session:
        due = due_notices(session=session, now=at)
    claimed = []
    for notice in due:
        with session_scope(engine) as session:
            if mark_notice_sent(session=session, notice=notice, at=at):
                claimed.append(notice)
    return claimed


def sweep_retries(engine, at) -> list[Notice]:
    with session_scope(engine) as session:
        return claim_retries(session=session, now=at)


def fail(engine, notices, at, *, permanent=False) -> None:
    with session_scope(engine) as session:
        for notice in notices:
            record_delivery(
                session=session, notice=notice, at=at, error="Internal Server Error",
                permanent=permanent,
            )  # fmt: skip


def rows(engine) -> list[NoticeSent]:
    with session_scope(engine) as session:
        return list(session.exec(select(NoticeSent).order_by(col(NoticeSent.id))))


def keys(notices) -> list[tuple[int, str]]:
    return sorted((n.user_id, n.kind) for n in notices)


def test_racing_sweepers_claim_each_notice_exactly_once(db_url, engine, assignment_id):
    claimed = race(db_url, sweep_new)
    everyone = keys(n for found in claimed for n in found)
    assert everyone == sorted((user, "announce") for user in MEMBERS)  # none twice, none lost
    assert sum(bool(found) for found in claimed) >= 1


def test_racing_sweepers_retry_each_failed_notice_exactly_once(db_url, engine, assignment_id):
    first = sweep_new(engine)
    fail(engine, first, NOW)
    assert {r.status for r in rows(engine)} == {NoticeStatus.RETRY.value}
    assert race(db_url, lambda e: sweep_retries(e, NOW + timedelta(seconds=30))) == [[]] * 4
    later = NOW + retry_delay(1) + timedelta(seconds=1)
    claimed = race(db_url, lambda e: sweep_retries(e, later))
    assert keys(n for found in claimed for n in found) == keys(first)
    assert {(r.status, r.attempts) for r in rows(engine)} == {(NoticeStatus.SENDING.value, 2)}


def test_failed_tries_wait_longer_each_time_then_give_up(engine, assignment_id):
    (notice, *_) = sweep_new(engine)
    at = NOW
    pauses = []
    for _ in range(MAX_ATTEMPTS - 1):
        fail(engine, [notice], at)
        row = next(r for r in rows(engine) if r.user_id == notice.user_id)
        pauses.append(row.next_try_at - at)
        assert row.status == NoticeStatus.RETRY.value and row.last_error
        at = row.next_try_at
        assert notice.user_id in [n.user_id for n in sweep_retries(engine, at)]
    fail(engine, [notice], at)
    row = next(r for r in rows(engine) if r.user_id == notice.user_id)
    assert (row.status, row.attempts) == (NoticeStatus.FAILED.value, MAX_ATTEMPTS)
    assert pauses == sorted(pauses) and pauses[0] < pauses[-1]
    retried = sweep_retries(engine, at + timedelta(days=1))  # the others' leases ran out
    assert notice.user_id not in [n.user_id for n in retried]


def test_a_blocked_user_is_not_retried(engine, assignment_id):
    (notice, *_) = sweep_new(engine)
    fail(engine, [notice], NOW, permanent=True)
    retried = sweep_retries(engine, NOW + timedelta(days=1))  # the others' leases ran out
    assert notice.user_id not in [n.user_id for n in retried]
    row = next(r for r in rows(engine) if r.user_id == notice.user_id)
    assert row.status == NoticeStatus.FAILED.value


def test_a_claim_whose_worker_died_is_taken_over_after_its_lease(engine, assignment_id):
    claimed = sweep_new(engine)  # ...and the worker was killed before sending any of them
    assert sweep_retries(engine, NOW + LEASE - timedelta(seconds=1)) == []
    taken = sweep_retries(engine, NOW + LEASE + timedelta(seconds=1))
    assert keys(taken) == keys(claimed)
    with session_scope(engine) as session:
        for notice in taken:
            record_delivery(session=session, notice=notice, at=NOW + LEASE)
    assert {r.status for r in rows(engine)} == {NoticeStatus.SENT.value}
    assert sweep_retries(engine, NOW + timedelta(days=1)) == []


def test_a_reminder_is_not_retried_after_the_deadline(engine, assignment_id):
    at = NOW + timedelta(days=1, minutes=1)  # after the 24 h reminder time
    reminders = [n for n in sweep_new(engine, at) if n.is_reminder]
    assert reminders
    fail(engine, reminders, at)
    assert not [n for n in sweep_retries(engine, NOW + timedelta(days=3)) if n.is_reminder]
    assert {r.status for r in rows(engine) if r.kind.startswith("remind")} == {
        NoticeStatus.FAILED.value
    }
