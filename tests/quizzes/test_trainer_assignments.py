"""Assignments on a real SQLite file: frozen questions, windows, attempts, lateness, ownership."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

import quizzes.trainer_models  # noqa: F401  (registers the trainer tables before create_tables)
from core.dates import format_datetime, parse_deadline
from core.db import session_scope
from core.errors import PermissionDeniedError, ValidationError
from quizzes.assignments import (
    create_assignment,
    everyone_finished,
    get_assignment,
    list_assignments,
    topic_choices,
)
from quizzes.bank import load_bank
from quizzes.cohorts import create_cohort, join_cohort
from quizzes.importers import parse_csv, save_import
from quizzes.models import QuizAttempt
from quizzes.service import attempt_items, next_item, plan_item_for
from quizzes.tasks import (
    AssignmentUnavailableError,
    Refusal,
    answers_revealed,
    finish_assignment_attempt,
    open_tasks,
    start_assignment_attempt,
)
from quizzes.trainer_models import Assignment
from quizzes.trainer_results import assignment_results
from tests.quizzes.trainer_support import answer_all

TRAINER = 5_000_000_001
OTHER_TRAINER = 5_000_000_002
ANN, BEN, CAT = 7_000_000_001, 7_000_000_002, 7_000_000_003
OUTSIDER = 7_000_000_099
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 09:00 in Bangkok
OPENS = NOW + timedelta(hours=1)
DUE = NOW + timedelta(days=2)


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture
def cohort_id(engine):
    with session_scope(engine) as session:
        cohort = create_cohort(session=session, trainer_id=TRAINER, name="รุ่นที่ 1")
        for user, name in ((ANN, "แอน"), (BEN, "เบน"), (CAT, "แคท")):
            join_cohort(session=session, code=cohort.invite_code, user_id=user, first_name=name)
        return cohort.id


def _assign(engine, bank, cohort_id, trainer=TRAINER, **overrides):
    settings = dict(
        title="ทดสอบบทที่ 1", bank=bank, question_count=5, pass_mark=60, opens_at=OPENS,
        due_at=DUE, now=NOW, rng=random.Random(7), topics=["levels", "why"], kinds={"mcq"},
    )  # fmt: skip
    settings.update(overrides)
    with session_scope(engine) as session:
        assignment = create_assignment(
            session=session, trainer_id=trainer, cohort_id=cohort_id, **settings
        )
        return assignment.id, list(assignment.question_ids)


def _start(engine, bank, assignment_id, user, at):
    with session_scope(engine) as session:
        started = start_assignment_attempt(
            session=session, assignment_id=assignment_id, user_id=user, chat_id=user,
            bank=bank, now=at, rng=random.Random(user),
        )  # fmt: skip
        return started.attempt.id, started.resumed


def _finish(engine, assignment_id, user, at, rights=(1, 1, 1, 1, 1), bank=None):
    attempt_id, _ = _start(engine, bank, assignment_id, user, at)
    with session_scope(engine) as session:
        answer_all(session, attempt_id=attempt_id, user=user, rights=rights, at=at)
        return finish_assignment_attempt(session=session, attempt_id=attempt_id, now=at)


def test_bangkok_times_are_parsed_and_shown_the_thai_way():
    expected = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
    for text in (
        "2026-12-05 17:00",
        "2026-12-05T17:00",
        "05/12/2026 17:00",
        "2569-12-05 17.00 น.",
        "5 ธ.ค. 2569 17:00 น.",
    ):
        assert parse_deadline(text) == expected, text
    assert format_datetime(expected, "th") == "5 ธ.ค. 2569 17:00 น."
    assert format_datetime(expected, "en") == "5 Dec 2026 17:00"
    for bad in ("soon", "2026-13-01 10:00"):
        with pytest.raises(ValidationError):
            parse_deadline(bad)


def test_questions_are_drawn_once_for_everyone(engine, bank, cohort_id):
    assignment_id, ids = _assign(engine, bank, cohort_id)
    assert len(ids) == 5 and len(set(ids)) == 5
    assert {bank.by_id(qid).topic for qid in ids} <= {"levels", "why"}
    asked = {}
    for user in (ANN, BEN):
        attempt_id, _ = _start(engine, bank, assignment_id, user, OPENS)
        with session_scope(engine) as session:
            asked[user] = [
                i.question_id for i in attempt_items(session=session, attempt_id=attempt_id)
            ]
    assert asked[ANN] == asked[BEN] == ids


def test_imported_questions_can_be_assigned_and_rebuilt_after_restart(engine, bank, cohort_id):
    csv_text = "question_th,options,correct,topic\nข้อนำเข้า,ก|ข|ค,2,ของฉัน\nข้อสอง,ก|ข,1,ของฉัน\n"
    with session_scope(engine) as session:
        batch = save_import(session=session, owner_id=TRAINER, report=parse_csv(csv_text))
    assignment_id, ids = _assign(engine, bank, cohort_id, topics=["ของฉัน"], question_count=2)
    assert sorted(ids) == sorted(batch.question_ids)
    with session_scope(engine) as session:
        choices = {
            t: (title.en, n)
            for t, title, n in topic_choices(session=session, bank=bank, owner_id=TRAINER)
        }
        assert choices["ของฉัน"] == ("ของฉัน", 2)
        assert choices["levels"] == (
            bank.topic_title("levels", "en"),
            len(bank.by_topic("levels")),
        )
    with session_scope(engine) as session:
        started = start_assignment_attempt(
            session=session, assignment_id=assignment_id, user_id=ANN, chat_id=ANN, bank=bank,
            now=OPENS, rng=random.Random(1),
        )  # fmt: skip
        row = next_item(session=session, attempt_id=started.attempt.id)
        # The bot re-sends a poll after a restart from the stored row and the assignment's bank.
        assert plan_item_for(row, started.bank).question.id == row.question_id
    with session_scope(engine) as session:  # another trainer's pool lacks these questions
        other = create_cohort(session=session, trainer_id=OTHER_TRAINER, name="รุ่นอื่น").id
    with pytest.raises(ValidationError, match="unknown topic"):
        _assign(engine, bank, other, trainer=OTHER_TRAINER, topics=["ของฉัน"])


def test_bad_settings_are_refused(engine, bank, cohort_id):
    naive = datetime(2026, 12, 3, 10, 0)
    for overrides in (
        {"due_at": naive}, {"due_at": NOW - timedelta(hours=1), "opens_at": NOW - timedelta(1)},
        {"due_at": OPENS}, {"pass_mark": 101}, {"attempts_allowed": 0}, {"question_count": 500},
        {"topics": ["no-such-topic"]}, {"reveal": "never"}, {"title": " "},
        {"question_ids": ["no-such-question"]}, {"late_cutoff_at": DUE - timedelta(hours=1)},
    ):  # fmt: skip
        with pytest.raises(ValidationError):
            _assign(engine, bank, cohort_id, **overrides)
    with session_scope(engine) as session:
        assert session.exec(select(Assignment)).all() == []


@pytest.mark.parametrize("intruder", [OTHER_TRAINER, ANN])
def test_only_the_owner_assigns_and_sees_results(engine, bank, cohort_id, intruder):
    with pytest.raises(PermissionDeniedError):
        _assign(engine, bank, cohort_id, trainer=intruder)
    assignment_id, _ = _assign(engine, bank, cohort_id)
    with session_scope(engine) as session:
        for action in (
            lambda: get_assignment(
                session=session, trainer_id=intruder, assignment_id=assignment_id
            ),
            lambda: list_assignments(session=session, trainer_id=intruder, cohort_id=cohort_id),
            lambda: assignment_results(
                session=session, trainer_id=intruder, assignment_id=assignment_id, bank=bank
            ),
        ):
            with pytest.raises(PermissionDeniedError):
                action()
        assert list_assignments(session=session, trainer_id=intruder) == []
        assert len(session.exec(select(Assignment)).all()) == 1


def test_window_membership_and_attempts(engine, bank, cohort_id):
    assignment_id, _ = _assign(engine, bank, cohort_id, attempts_allowed=2)
    refusals = {
        Refusal.NOT_OPEN_YET: (ANN, NOW),
        Refusal.NOT_A_MEMBER: (OUTSIDER, OPENS),
    }
    for reason, (user, at) in refusals.items():
        with pytest.raises(AssignmentUnavailableError) as error:
            _start(engine, bank, assignment_id, user, at)
        assert error.value.reason is reason
    first, resumed = _start(engine, bank, assignment_id, ANN, OPENS)
    again, resumed_again = _start(engine, bank, assignment_id, ANN, OPENS + timedelta(minutes=5))
    assert (first, resumed, resumed_again) == (again, False, True)  # an open attempt is resumed
    with session_scope(engine) as session:
        answer_all(session, attempt_id=first, user=ANN, rights=(1, 0, 0, 0, 0), at=OPENS)
        finish_assignment_attempt(session=session, attempt_id=first, now=OPENS)
    _finish(engine, assignment_id, ANN, OPENS + timedelta(hours=1), bank=bank)
    with pytest.raises(AssignmentUnavailableError) as error:
        _start(engine, bank, assignment_id, ANN, OPENS + timedelta(hours=2))
    assert error.value.reason is Refusal.NO_ATTEMPTS_LEFT
    with session_scope(engine) as session:
        results = assignment_results(
            session=session, trainer_id=TRAINER, assignment_id=assignment_id, bank=bank
        )
    ann = next(row for row in results.members if row.user_id == ANN)
    assert (ann.attempts, ann.correct, ann.percent, ann.passed) == (2, 5, 100, True)  # best counts


def test_late_finishes_are_flagged_and_the_cut_off_closes(engine, bank, cohort_id):
    cutoff = DUE + timedelta(days=1)
    assignment_id, _ = _assign(engine, bank, cohort_id, late_cutoff_at=cutoff)
    on_time = _finish(engine, assignment_id, ANN, DUE - timedelta(seconds=1), bank=bank)
    late = _finish(
        engine, assignment_id, BEN, DUE + timedelta(seconds=1), rights=(1, 1, 0, 0, 0), bank=bank
    )
    assert (on_time.late, on_time.passed) == (False, True)
    assert (late.late, late.passed) == (True, False)  # 2 of 5 = 40% < 60%
    with pytest.raises(AssignmentUnavailableError) as error:
        _start(engine, bank, assignment_id, CAT, cutoff)
    assert error.value.reason is Refusal.CLOSED
    with session_scope(engine) as session:
        results = assignment_results(
            session=session, trainer_id=TRAINER, assignment_id=assignment_id, bank=bank
        )
    assert {row.user_id: row.late for row in results.members} == {
        ANN: False,
        BEN: True,
        CAT: False,
    }


def test_tasks_list_what_a_member_can_still_do(engine, bank, cohort_id):
    first_id, _ = _assign(engine, bank, cohort_id, title="งานแรก")
    later_id, _ = _assign(
        engine, bank, cohort_id, title="งานหลัง", opens_at=DUE, due_at=DUE + timedelta(days=1)
    )
    with session_scope(engine) as session:
        tasks = open_tasks(session=session, user_id=ANN, now=OPENS)
        assert [(t.assignment_id, t.title, t.attempts_left) for t in tasks] == [
            (first_id, "งานแรก", 1)
        ]
        assert open_tasks(session=session, user_id=OUTSIDER, now=OPENS) == []
    _finish(engine, first_id, ANN, OPENS, bank=bank)
    with session_scope(engine) as session:
        assert open_tasks(session=session, user_id=ANN, now=OPENS) == []
        assert [t.assignment_id for t in open_tasks(session=session, user_id=BEN, now=DUE)] == [
            first_id, later_id,
        ]  # fmt: skip
        assert open_tasks(session=session, user_id=BEN, now=DUE)[0].overdue is False
        assert open_tasks(session=session, user_id=BEN, now=DUE + timedelta(minutes=1))[0].overdue


def test_everyone_finished_and_answers_revealed(engine, bank, cohort_id):
    assignment_id, _ = _assign(engine, bank, cohort_id)
    immediate_id, _ = _assign(engine, bank, cohort_id, reveal="immediately")
    outcomes = [_finish(engine, assignment_id, user, OPENS, bank=bank) for user in (ANN, BEN, CAT)]
    assert [o.everyone_finished for o in outcomes] == [False, False, True]
    assert not outcomes[0].reveal_answers
    with session_scope(engine) as session:
        assert everyone_finished(session=session, assignment_id=assignment_id)
        assert not everyone_finished(session=session, assignment_id=immediate_id)
        assignment = session.get(Assignment, assignment_id)
        assert not answers_revealed(assignment, DUE - timedelta(seconds=1))
        assert answers_revealed(assignment, DUE)
        assert answers_revealed(session.get(Assignment, immediate_id), OPENS)
        assert session.get(QuizAttempt, 1).mode == "assignment"
