"""The whole trainer flow on a real SQLite file, checked against the hand-computed matrix.

A trainer makes a cohort, eleven trainees join, the trainer imports six questions and assigns
them; ten trainees answer as in trainer_support.MATRIX (L9 and L10 after the deadline), L11
never starts. Reminders reach only the unfinished, once, across a restart. The results, the
chart and the CSV/XLSX files must carry the numbers worked out by hand.
"""

from __future__ import annotations

import csv
import io
import random
import warnings
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook
from PIL import Image

import quizzes.trainer_models  # noqa: F401  (registers the trainer tables before create_tables)
from core.db import create_tables, make_engine, session_scope
from quizzes.analysis import MemberStatus
from quizzes.assignments import create_assignment
from quizzes.bank import load_bank
from quizzes.charts import results_chart_png, results_figure
from quizzes.cohorts import create_cohort, join_cohort
from quizzes.exports import items_csv, results_csv, results_text, results_xlsx
from quizzes.importers import parse_csv, save_import
from quizzes.questions import Text
from quizzes.reminders import due_notices, mark_notice_sent
from quizzes.tasks import finish_assignment_attempt, start_assignment_attempt
from quizzes.trainer_results import assignment_results
from tests.quizzes.trainer_support import (
    EXPECTED_D,
    EXPECTED_FACILITY,
    EXPECTED_PERCENT,
    EXPECTED_RPB,
    EXPECTED_TOPICS,
    MATRIX,
    PASSERS,
    answer_all,
    questions_csv,
    user_id,
)

TRAINER = 5_000_000_001
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
DUE = NOW + timedelta(days=2)
LATE = {"L9", "L10"}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@pytest.fixture
def results(db_url, bank):
    """Run the scenario; return the results read back by a freshly started process."""
    engine = make_engine(db_url)
    create_tables(engine)
    assignment_id = _set_up(engine, bank)
    for name, rights in MATRIX.items():
        if name not in LATE:
            _take(engine, bank, assignment_id, name, rights, DUE - timedelta(hours=2))
    _check_reminders_reach_only_the_unfinished(engine, db_url)
    for name in sorted(LATE):
        _take(engine, bank, assignment_id, name, MATRIX[name], DUE + timedelta(hours=1))
    engine.dispose()
    engine = make_engine(db_url)  # the trainer asks after a restart
    with session_scope(engine) as session:
        found = assignment_results(
            session=session, trainer_id=TRAINER, assignment_id=assignment_id, bank=bank
        )
    engine.dispose()
    return found


def _set_up(engine, bank) -> int:
    with session_scope(engine) as session:
        cohort = create_cohort(session=session, trainer_id=TRAINER, name="รุ่นที่ 1/2569")
        for name in [*MATRIX, "L11"]:
            join_cohort(
                session=session, code=cohort.invite_code, user_id=user_id(name), first_name=name
            )
        batch = save_import(session=session, owner_id=TRAINER, report=parse_csv(questions_csv()))
        assignment = create_assignment(
            session=session, trainer_id=TRAINER, cohort_id=cohort.id, title="แบบทดสอบบทที่ 1",
            bank=bank, question_count=6, question_ids=batch.question_ids, pass_mark=60,
            opens_at=NOW, due_at=DUE, now=NOW, rng=random.Random(5),
        )  # fmt: skip
        return assignment.id


def _take(engine, bank, assignment_id, name, rights, at):
    user = user_id(name)
    with session_scope(engine) as session:
        started = start_assignment_attempt(
            session=session, assignment_id=assignment_id, user_id=user, chat_id=user, bank=bank,
            now=at - timedelta(minutes=15), rng=random.Random(user),
        )  # fmt: skip
        answer_all(session, attempt_id=started.attempt.id, user=user, rights=rights, at=at)
        finish_assignment_attempt(session=session, attempt_id=started.attempt.id, now=at)


def _check_reminders_reach_only_the_unfinished(engine, db_url):
    unfinished = {user_id(name) for name in [*LATE, "L11"]}
    at = DUE - timedelta(minutes=30)
    with session_scope(engine) as session:
        notices = [n for n in due_notices(session=session, now=at) if n.is_reminder]
        assert {n.user_id for n in notices} == unfinished
        for notice in notices:
            assert mark_notice_sent(session=session, notice=notice, at=at)
    restarted = make_engine(db_url)
    with session_scope(restarted) as session:
        assert [n for n in due_notices(session=session, now=at) if n.is_reminder] == []
    restarted.dispose()


def test_results_carry_the_hand_computed_numbers(results, bank):
    rows = {row.name: row for row in results.members}
    assert {name: rows[name].percent for name in MATRIX} == EXPECTED_PERCENT
    assert {name for name, row in rows.items() if row.passed} == PASSERS
    assert {name for name, row in rows.items() if row.late} == LATE
    assert rows["L11"].status is MemberStatus.NOT_STARTED and rows["L11"].percent is None
    assert [i.facility for i in results.items] == pytest.approx(EXPECTED_FACILITY)
    assert [i.discrimination for i in results.items] == pytest.approx(EXPECTED_D, abs=1e-9)
    assert [i.point_biserial for i in results.items] == [
        None if r is None else pytest.approx(r, abs=1e-6) for r in EXPECTED_RPB
    ]
    topics = [(t.topic, t.mean_percent, tuple(r.slide for r in t.slides)) for t in results.topics]
    assert topics == [
        (topic, pytest.approx(mean), slides) for topic, mean, slides in EXPECTED_TOPICS
    ]
    # Imported questions tagged with a built-in topic id show that topic's title.
    assert results.topics[0].title.th == bank.topic_title("why", "th") != "why"


def test_csv_export_is_excel_ready_and_matches(results):
    data = results_csv(results, "th")
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens it as UTF-8 and shows Thai
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == [
        "ชื่อ", "รหัสผู้ใช้", "สถานะ", "จำนวนครั้งที่ทำ", "ตอบถูก", "จำนวนข้อ", "คะแนน (%)", "ผล",
        "ส่งช้า", "เวลาที่ส่ง (Asia/Bangkok)",  # the header names the zone of the times
    ]  # fmt: skip
    rows = {row[0]: row for row in table[1:]}
    assert len(rows) == 11
    assert rows["L1"][2:9] == ["ส่งแล้ว", "1", "5", "6", "83", "ผ่าน", ""]
    assert rows["L9"][6:9] == ["33", "ไม่ผ่าน", "ช้า"]
    assert rows["L9"][9] == "2026-12-03 10:00"  # Bangkok time of DUE + 1 h
    in_utc = list(csv.reader(io.StringIO(results_csv(results, "en", "UTC").decode("utf-8-sig"))))
    assert in_utc[0][9] == "Finished at (UTC)"
    assert {row[0]: row for row in in_utc[1:]}["L9"][9] == "2026-12-03 03:00"
    assert rows["L11"][2:8] == ["ยังไม่เริ่ม", "0", "", "6", "", ""]
    items = list(csv.reader(io.StringIO(items_csv(results, "en").decode("utf-8-sig"))))
    assert [row[6] for row in items[1:]] == ["1.0", "0.1", "0.4", "0.6", "0.6", "0.4"]
    assert [row[9] for row in items[1:4]] == ["too easy", "too hard", "negative discrimination"]


def test_xlsx_export_has_three_sheets_with_the_numbers(results):
    book = load_workbook(io.BytesIO(results_xlsx(results, "en")))
    assert book.sheetnames == ["results", "items", "topics"]
    members = {row[0]: row for row in book["results"].iter_rows(min_row=2, values_only=True)}
    assert members["L1"][4:8] == (5, 6, 83, "pass")
    assert members["L10"][8] == "late" and members["L11"][2] == "not started"
    items = list(book["items"].iter_rows(min_row=2, values_only=True))
    assert [row[6] for row in items] == pytest.approx(EXPECTED_FACILITY)
    assert [row[7] for row in items] == pytest.approx([round(d, 2) for d in EXPECTED_D])
    assert items[0][8] is None and items[2][8] == pytest.approx(-0.52)
    topics = list(book["topics"].iter_rows(min_row=2, values_only=True))
    assert [(row[1], row[5], row[6]) for row in topics] == [
        ("why", 35.0, "slide 5, slide 6"), ("levels", 50.0, "slide 8, slide 9"),
        ("definition", 70.0, "slide 3"),
    ]  # fmt: skip


def test_chart_is_a_png_with_every_thai_glyph(results):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        thai = results_chart_png(results, "th")
    assert thai.startswith(PNG_MAGIC)
    image = Image.open(io.BytesIO(thai))
    image.verify()
    assert image.size[0] > 600 and image.size[1] > 400
    assert not [w for w in caught if "missing from" in str(w.message).lower()]
    assert results_chart_png(results, "en") != thai


def test_the_chart_names_imported_questions_without_a_topic_in_the_readers_language(results):
    untitled = replace(results.topics[0], topic="imported", title=Text("imported", "imported"))
    results = replace(results, topics=(untitled, *results.topics[1:]))

    def topic_labels(lang: str) -> list[str]:
        bars = results_figure(results, lang).axes[1]
        return [label.get_text() for label in bars.get_yticklabels()]

    assert "นำเข้า" in topic_labels("th") and "imported" not in topic_labels("th")
    assert "Imported" in topic_labels("en") and "imported" not in topic_labels("en")


def test_summary_text_for_the_trainer(results):
    text = results_text(results, "en")
    assert "Finished 10/11 · passed 3 · late 2 · mean 52%" in text
    assert "• L11 · not started" in text
    assert "Topics to revisit:" in text and "(slide 5, 6)" in text
    assert "ส่งแล้ว 10/11 คน" in results_text(results, "th")


def test_the_summary_shows_the_due_date_the_thai_way_in_thai(results):
    assert "กำหนดส่ง 3 ธ.ค. 2569 09:00 น." in results_text(results, "th")
    assert "due 3 Dec 2026 09:00" in results_text(results, "en")
