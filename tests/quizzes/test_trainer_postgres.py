"""The trainer tables on the real local PostgreSQL, in a throw-away schema of their own."""

from __future__ import annotations

import os
import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text

import quizzes.trainer_models  # noqa: F401  (registers the trainer tables before create_tables)
from core.db import create_tables, make_engine, session_scope
from quizzes.assignments import create_assignment
from quizzes.bank import load_bank
from quizzes.cohorts import create_cohort, join_cohort
from quizzes.importers import parse_csv, save_import
from quizzes.reminders import NoticeKind, due_notices, mark_sent
from quizzes.tasks import finish_assignment_attempt, start_assignment_attempt
from quizzes.trainer_results import assignment_results
from tests.quizzes.trainer_support import MATRIX, answer_all, questions_csv, user_id

POSTGRES_URL = os.environ.get(
    "RUAMKIT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
TRAINER = 5_000_000_001
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
DUE = NOW + timedelta(days=2)

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_engine():
    """An engine whose search_path is a fresh schema, dropped afterwards."""
    schema = f"trainer_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # no server here: skip rather than fail
        admin.dispose()
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}: {error.__class__.__name__}")
    engine = make_engine(f"{POSTGRES_URL}?options=-csearch_path%3D{schema}")
    create_tables(engine)
    yield engine
    engine.dispose()
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def test_the_trainer_flow_runs_on_postgres(pg_engine):
    bank = load_bank()
    with session_scope(pg_engine) as session:
        cohort = create_cohort(session=session, trainer_id=TRAINER, name="รุ่น PostgreSQL")
        for name in ("L1", "L4", "L8"):
            join_cohort(
                session=session, code=cohort.invite_code, user_id=user_id(name), first_name=name
            )
        batch = save_import(session=session, owner_id=TRAINER, report=parse_csv(questions_csv()))
        assignment = create_assignment(
            session=session, trainer_id=TRAINER, cohort_id=cohort.id, title="งาน", bank=bank,
            question_count=6, question_ids=batch.question_ids, pass_mark=60, opens_at=NOW,
            due_at=DUE, now=NOW, rng=random.Random(1),
        )  # fmt: skip
        assignment_id = assignment.id
    for name, at in (("L1", DUE - timedelta(hours=1)), ("L4", DUE + timedelta(hours=1))):
        with session_scope(pg_engine) as session:
            started = start_assignment_attempt(
                session=session, assignment_id=assignment_id, user_id=user_id(name),
                chat_id=user_id(name), bank=bank, now=at, rng=random.Random(2),
            )  # fmt: skip
            answer_all(
                session,
                attempt_id=started.attempt.id,
                user=user_id(name),
                rights=MATRIX[name],
                at=at,
            )
            finish_assignment_attempt(session=session, attempt_id=started.attempt.id, now=at)
    with session_scope(pg_engine) as session:
        assert mark_sent(session=session, assignment_id=assignment_id, user_id=TRAINER,
                         kind=NoticeKind.SUMMARY.value, at=DUE)  # fmt: skip
        # The unique constraint holds on PostgreSQL too: a second claim is refused, not raised.
        assert not mark_sent(session=session, assignment_id=assignment_id, user_id=TRAINER,
                             kind=NoticeKind.SUMMARY.value, at=DUE)  # fmt: skip
        assert all(n.kind != "summary" for n in due_notices(session=session, now=DUE))
        results = assignment_results(
            session=session, trainer_id=TRAINER, assignment_id=assignment_id, bank=bank
        )
    rows = {row.name: row for row in results.members}
    assert (rows["L1"].percent, rows["L1"].passed, rows["L1"].late) == (83, True, False)
    assert (rows["L4"].percent, rows["L4"].late) == (50, True)
    assert rows["L8"].percent is None
    assert rows["L1"].finished_at == DUE - timedelta(hours=1)  # aware UTC survives the round trip
