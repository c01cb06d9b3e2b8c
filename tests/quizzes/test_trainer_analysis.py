"""Item analysis and grades against the hand-computed matrix in trainer_support.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizzes.analysis import (
    AssignmentInfo,
    AttemptRecord,
    ItemFlag,
    MemberInfo,
    MemberStatus,
    QuestionInfo,
    analyse_assignment,
    group_size,
    item_analysis,
    point_biserial,
)
from quizzes.questions import DEFAULT_DOC, SlideRef, Text
from quizzes.trainer_results import rank_entries
from tests.quizzes.trainer_support import (
    EXPECTED_D,
    EXPECTED_FACILITY,
    EXPECTED_PERCENT,
    EXPECTED_RPB,
    EXPECTED_TOPICS,
    MATRIX,
    PASSERS,
    QUESTION_SLIDES,
    QUESTION_TOPICS,
)

DUE = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
INFO = AssignmentInfo(1, "แบบทดสอบ", "รุ่น 1", 60, DUE - timedelta(days=7), DUE)
QUESTIONS = [
    QuestionInfo(
        f"q{n}",
        topic,
        Text(topic, topic),
        Text(f"ข้อ {n}", f"Q{n}"),
        tuple(SlideRef(DEFAULT_DOC, s) for s in slides),
    )
    for n, (topic, slides) in enumerate(
        zip(QUESTION_TOPICS, QUESTION_SLIDES, strict=True), start=1
    )
]
IDS = {f"L{n}": n for n in range(1, 13)}  # L11 starts but never finishes, L12 never starts


def _record(name, attempt_id, rights, finished_at=DUE - timedelta(hours=1), finished=True):
    answers = {q.question_id: bool(r) for q, r in zip(QUESTIONS, rights, strict=True)}
    started = finished_at - timedelta(minutes=10)
    return AttemptRecord(IDS[name], attempt_id, finished, started, finished_at, answers)


def _matrix_attempts():
    return [_record(name, IDS[name], rights) for name, rights in MATRIX.items()]


def test_item_statistics_match_the_hand_computed_ones():
    items = item_analysis(QUESTIONS, _matrix_attempts())
    assert [i.facility for i in items] == pytest.approx(EXPECTED_FACILITY)
    assert [i.discrimination for i in items] == pytest.approx(EXPECTED_D, abs=1e-9)
    for item, expected in zip(items, EXPECTED_RPB, strict=True):
        if expected is None:
            assert item.point_biserial is None
        else:
            assert item.point_biserial == pytest.approx(expected, abs=1e-6)
    easy, hard, negative = ItemFlag.TOO_EASY, ItemFlag.TOO_HARD, ItemFlag.NEGATIVE_DISCRIMINATION
    assert [i.flags for i in items] == [(easy,), (hard,), (negative,), (), (), ()]


def test_grades_use_the_best_attempt_but_items_use_the_first():
    attempts = _matrix_attempts()
    # L2 retries after the deadline and gets everything right; L3 first finished late.
    attempts.append(_record("L2", 50, (1,) * 6, finished_at=DUE + timedelta(hours=2)))
    attempts[2] = _record("L3", 3, MATRIX["L3"], finished_at=DUE + timedelta(minutes=1))
    members = [MemberInfo(number, name) for name, number in IDS.items()]
    attempts.append(_record("L11", 60, (1, 1, 0, 0, 0, 0), finished=False))
    results = analyse_assignment(INFO, QUESTIONS, members, attempts)

    rows = {row.name: row for row in results.members}
    expected = {**EXPECTED_PERCENT, "L2": 100}
    assert {n: rows[n].percent for n in MATRIX} == expected
    assert {n for n in MATRIX if rows[n].passed} == PASSERS
    assert rows["L2"].attempts == 2 and not rows["L2"].late  # first finish was on time
    assert rows["L3"].late and results.late_count == 1
    assert rows["L11"].status is MemberStatus.STARTED and rows["L11"].percent is None
    assert rows["L12"].status is MemberStatus.NOT_STARTED and rows["L12"].passed is None
    assert [m.name for m in results.not_finished] == ["L11", "L12"]
    # Item analysis still sees L2's first attempt: the same numbers as the bare matrix.
    assert [i.facility for i in results.items] == pytest.approx(EXPECTED_FACILITY)
    assert [i.discrimination for i in results.items] == pytest.approx(EXPECTED_D, abs=1e-9)


def test_topics_weakest_first_with_slides_most_missed_first():
    results = analyse_assignment(
        INFO, QUESTIONS, [MemberInfo(IDS[n], n) for n in MATRIX], _matrix_attempts()
    )
    got = [(t.topic, t.mean_percent, tuple(ref.slide for ref in t.slides)) for t in results.topics]
    assert got == [(topic, pytest.approx(mean), slides) for topic, mean, slides in EXPECTED_TOPICS]
    assert results.mean_percent == pytest.approx(100 * 31 / 60)
    assert results.passed_count == 3


def test_groups_for_small_cohorts():
    assert [group_size(n) for n in (0, 1, 2, 3, 4, 6, 10, 20)] == [0, 0, 1, 1, 1, 2, 3, 5]
    two = [_record("L1", 1, (1, 1, 1, 1, 1, 1)), _record("L2", 2, (0, 0, 0, 0, 0, 0))]
    items = item_analysis(QUESTIONS, two)
    assert [i.discrimination for i in items] == [1.0] * 6
    alone = item_analysis(QUESTIONS, two[:1])
    assert alone[0].discrimination is None and alone[0].point_biserial is None


def test_point_biserial_is_none_without_spread():
    assert point_biserial([True, False], [3.0, 3.0]) is None
    assert point_biserial([True, True], [1.0, 2.0]) is None


def test_leaderboard_ranks_share_ties():
    entries = rank_entries([(1, "ก", 5), (2, "ข", 7), (3, "ค", 5), (4, "ง", 1)])
    assert [(e.rank, e.name, e.points) for e in entries] == [
        (1, "ข", 7), (2, "ก", 5), (2, "ค", 5), (4, "ง", 1),
    ]  # fmt: skip


def test_chart_and_exports_work_before_anyone_finishes():
    from quizzes.charts import results_chart_png
    from quizzes.exports import results_csv, results_text

    results = analyse_assignment(INFO, QUESTIONS, [MemberInfo(1, "L1")], [])
    assert results.mean_percent is None and results.items[0].facility is None
    assert results_chart_png(results, "th").startswith(b"\x89PNG")
    assert "ยังไม่เริ่ม" in results_csv(results, "th").decode("utf-8-sig")
    assert "mean -" in results_text(results, "en")


def test_no_flags_from_fewer_than_five_respondents():
    names = list(MATRIX)
    four = [_record(name, IDS[name], MATRIX[name]) for name in names[:4]]
    items = item_analysis(QUESTIONS, four)
    assert all(item.flags == () and not item.judged for item in items)
    assert items[0].facility is not None  # the numbers are still there, just not judged
    five = [_record(name, IDS[name], MATRIX[name]) for name in names[:5]]
    items = item_analysis(QUESTIONS, five)
    assert all(item.judged for item in items) and any(item.flags for item in items)


def test_the_trainer_is_told_when_too_few_answered_to_judge():
    from quizzes.exports import items_csv

    names = list(MATRIX)[:3]
    attempts = [_record(name, IDS[name], MATRIX[name]) for name in names]
    members = [MemberInfo(IDS[name], name) for name in names]
    results = analyse_assignment(INFO, QUESTIONS, members, attempts)
    thai = items_csv(results, "th").decode("utf-8-sig")
    assert "น้อยเกินกว่าจะตัดสิน (ต้องมีอย่างน้อย 5 คน)" in thai and "ง่ายเกินไป" not in thai
    english = items_csv(results, "en").decode("utf-8-sig")
    assert "too few answers to judge (at least 5 needed)" in english and "too easy" not in english
