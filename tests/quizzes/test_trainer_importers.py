"""Question import: CSV, GIFT and Aiken, good and malformed; errors by line, nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

import quizzes.trainer_models  # noqa: F401  (registers the trainer tables before create_tables)
from core.db import session_scope
from core.errors import ValidationError
from quizzes.importers import (
    ImportReport,
    csv_template,
    detect_format,
    import_batches,
    imported_by_ids,
    imported_questions,
    parse_aiken,
    parse_csv,
    parse_gift,
    parse_upload,
    retire_batch,
    save_import,
)
from quizzes.questions import DEFAULT_DOC, SlideRef, Text
from quizzes.sessions import grade, make_plan_item
from quizzes.trainer_models import ImportedQuestion

DATA = Path(__file__).parent / "data" / "trainer"
LECTURE = {(DEFAULT_DOC, n) for n in range(1, 24)}
TRAINER = 5_000_000_001


def _read(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _lines(report: ImportReport) -> list[int]:
    return [problem.line for problem in report.errors]


def test_good_csv_reads_every_column():
    report = parse_csv(_read("good.csv"), source_name="good.csv", known_slides=LECTURE)
    assert report.ok, report.describe("en")
    first, second, third = report.questions
    assert first.text == Text(
        "การมีส่วนร่วมระดับใดให้ประชาชนตัดสินใจเอง", "Which level lets the public decide?"
    )
    assert first.option_texts("en") == ["Inform", "Consult", "Empower"] and first.correct == 2
    assert (first.topic, first.difficulty) == ("levels", "hard")
    assert first.sources == (SlideRef(DEFAULT_DOC, 8),)
    assert first.explanation == Text("ระดับ empower", "Empower hands the decision over")
    # A quoted cell may hold commas and a line break; the next row's line number follows it.
    assert second.text.th.startswith("คำถามที่มีเครื่องหมาย , จุลภาค\n")
    assert (second.line, second.correct, second.difficulty, second.topic) == (
        3,
        1,
        "easy",
        "imported",
    )
    assert second.explanation.th == "คำตอบที่ถูกคือ: ข"  # a default explanation names the answer
    assert (third.line, third.correct, third.sources[1].slide) == (5, 2, 5)


def test_bad_csv_lists_every_error_by_line():
    report = parse_csv(_read("bad.csv"), source_name="bad.csv", known_slides=LECTURE)
    assert not report.ok
    assert _lines(report) == [3, 4, 5, 5, 6, 7, 8, 9]
    text = report.describe("en")
    assert "line 4: correct answer '5' is not one of options 1-2" in text
    assert "line 8: same question as line 2" in text
    assert "line 9: the lecture has no slide 99" in text
    assert "nothing was imported" in text
    assert "บรรทัด 6: มีตัวเลือก 1 ข้อ" in report.describe("th")


def test_csv_header_problems_stop_at_line_1():
    report = parse_csv("question,answers,correct\nก,ข,1\n")
    assert _lines(report) == [1, 1]
    assert "unknown column(s): answers" in report.describe("en")
    assert "missing required column(s): options" in report.describe("en")


def test_csv_with_semicolons_and_telegram_limits():
    long_option = "ก" * 101
    text = f"question_th;options;correct\nข้อยาว;{long_option}|ข;1\n{'ค' * 301};ก|ข;2\n"
    report = parse_csv(text)
    assert _lines(report) == [2, 3]
    assert "option 1 is 101 characters; Telegram allows 100" in report.describe("en")
    assert "question is 301 characters; Telegram allows 300" in report.describe("en")


def test_good_gift_with_category_feedback_true_false_and_escapes():
    report = parse_gift(_read("good.gift"), source_name="good.gift")
    assert report.ok, report.describe("en")
    choice, true_false, escaped = report.questions
    assert choice.line == 4 and choice.topic == "ระดับการมีส่วนร่วม"
    assert choice.option_texts() == [
        "เสริมอำนาจ (empower)",
        "ให้ข้อมูลข่าวสาร (inform)",
        "ปรึกษาหารือ (consult)",
    ]
    assert choice.correct == 0 and choice.explanation.th == "ระดับ empower มอบการตัดสินใจให้ประชาชน"
    assert true_false.kind == "true_false" and true_false.correct == 1  # {F}: "false" is right
    assert true_false.text.th == "Governance หมายถึงรัฐบาลเท่านั้น"
    assert true_false.explanation.th == "ถูกแล้ว governance กว้างกว่า"
    assert escaped.text.th == "ราชการใช้ {วงเล็บ} และเครื่องหมาย = ได้"


def test_bad_gift_rejects_what_a_quiz_poll_cannot_ask():
    report = parse_gift(_read("bad.gift"), source_name="bad.gift")
    assert _lines(report) == [5, 8, 12, 14, 16, 18, 20, 22]
    text = report.describe("en")
    for expected in (
        "line 5: short-answer questions", "line 8: matching questions", "line 12: partial-credit",
        "line 14: numerical questions", "line 16: essay questions", "line 18: no answers in { }",
        "line 20: the answer block has no closing }", "line 22: needs exactly one right answer",
    ):  # fmt: skip
        assert expected in text


def test_good_aiken_in_thai_and_english_letters():
    report = parse_aiken(_read("good.txt"), source_name="good.txt", default_topic="factors")
    assert report.ok, report.describe("en")
    thai, english, lower_case = report.questions
    assert thai.correct == 0 and thai.option_texts()[0] == "ผู้บริหารให้ความสำคัญ"
    assert (english.line, english.correct) == (7, 1)
    assert (lower_case.line, lower_case.correct, lower_case.topic) == (11, 1, "factors")


def test_bad_aiken_errors_by_line():
    report = parse_aiken(_read("bad.txt"), source_name="bad.txt")
    assert _lines(report) == [2, 6, 12, 14]
    text = report.describe("en")
    assert "line 6: option 'C' is out of order; expected 'B'" in text
    assert "line 12: answer 'D' is not one of the options (A, B)" in text
    assert "line 14: question has no 'ANSWER:' line" in text


def test_upload_detects_format_encoding_and_size():
    assert detect_format("q.csv", "") == "csv" and detect_format("q.gift", "") == "gift"
    assert (
        detect_format("q.txt", "a {=b ~c}") == "gift" and detect_format("q.txt", "A. b") == "aiken"
    )
    thai_windows = _read("good.txt").encode("cp874")
    assert parse_upload("good.txt", thai_windows).ok
    assert "send a .csv, .gift or .txt" in parse_upload("x.pdf", b"%PDF").describe("en")
    assert "larger than" in parse_upload("big.csv", b"a" * 600_000).describe("en")
    assert "cannot read" in parse_upload("bin.csv", b"\x00\x01\xff\xfe").describe("en")
    assert parse_upload("empty.csv", b"").errors[0].line == 0


def test_a_file_with_errors_imports_nothing(engine):
    report = parse_csv(_read("bad.csv"), known_slides=LECTURE)
    with pytest.raises(ValidationError), session_scope(engine) as session:
        save_import(session=session, owner_id=TRAINER, report=report)
    with session_scope(engine) as session:
        assert session.exec(select(ImportedQuestion)).all() == []


def test_imported_questions_round_trip_and_stay_apart(engine):
    report = parse_gift(_read("good.gift"), source_name="good.gift")
    with session_scope(engine) as session:
        batch = save_import(session=session, owner_id=TRAINER, report=report)
    assert all(qid.startswith("imp-") for qid in batch.question_ids)
    with session_scope(engine) as session:
        mine = imported_questions(session=session, owner_id=TRAINER)
        assert [q.id for q in mine] == list(batch.question_ids)
        assert imported_questions(session=session, owner_id=TRAINER + 1) == []
        loaded = mine[0]
        assert loaded.text == report.questions[0].text and loaded.correct == 0
        # The quiz engine grades an imported question like a built-in one.
        import random

        item = make_plan_item(loaded, 0, random.Random(3))
        assert grade(item, item.shown_correct)
        assert import_batches(session=session, owner_id=TRAINER)[0].source_name == "good.gift"
        assert retire_batch(session=session, owner_id=TRAINER, batch=batch.batch) == 3
        assert imported_questions(session=session, owner_id=TRAINER) == []
        # Retired questions still resolve for assignments that already use them.
        assert set(imported_by_ids(session=session, question_ids=batch.question_ids)) == set(
            batch.question_ids
        )


def test_the_csv_template_imports_cleanly():
    template = csv_template()
    assert template.startswith(b"\xef\xbb\xbf")
    report = parse_upload("template.csv", template, known_slides=LECTURE)
    assert report.ok, report.describe("en")
    assert report.questions[0].option_texts("en")[report.questions[0].correct] == "Empower"
