"""Pure pieces of the trainer tools: form choices, labels, callback data, texts; the CLI."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from bot import keyboards_trainer as kb
from bot.cli import main as cli_main
from bot.handlers import trainer_form as form
from bot.handlers.trainer_jobs import time_left
from bot.texts_trainer import TEXTS
from core.db import create_tables, make_engine, session_scope
from quizzes.assignments import create_assignment
from quizzes.bank import load_bank
from quizzes.cohorts import create_cohort, join_cohort


@pytest.mark.parametrize(
    ("pool", "expected"),
    [(3, [3]), (5, [5]), (12, [5, 10, 12]), (50, [5, 10, 15, 20, 30, 50]),
     (118, [5, 10, 15, 20, 30, 50])],
)  # fmt: skip
def test_question_counts_offered_for_a_pool(pool, expected):
    assert form.count_choices(pool) == expected


def test_the_pool_is_the_chosen_topics_or_all_of_them():
    data = {"topic_ids": ["a", "b", "c"], "topic_counts": [4, 6, 9], "topics": []}
    assert form.pool_size(data) == 19
    assert form.pool_size({**data, "topics": ["a", "c"]}) == 13


def test_labels_for_reminders_titles_and_time_left():
    assert form.reminder_label((86400, 3600), "th") == "24 ชม. และ 1 ชม. ก่อนกำหนดส่ง"
    assert form.reminder_label((3600,), "en") == "1 h before the deadline"
    assert form.reminder_label((), "en") == "No reminders"
    data = {"topic_ids": ["why"], "topic_titles": [["ทำไม", "Why"]], "topics": ["why"], "count": 5}
    assert form.suggested_title(data, "en") == "Quiz: Why (5 questions)"
    assert form.suggested_title({**data, "topics": []}, "th") == "แบบทดสอบ: ทุกหัวข้อ (5 ข้อ)"
    long = {**data, "topic_titles": [["ก" * 100, "x" * 100]]}
    assert len(form.suggested_title(long, "en")) == 80
    assert time_left(timedelta(hours=24), "th") == "24 ชั่วโมง"
    assert time_left(timedelta(minutes=90), "en") == "90 minute(s)"


def test_callback_data_stays_under_64_bytes_and_forgeries_do_not_parse():
    assert len(kb.form_data("abcdef", "ti", "ed").encode()) <= 64
    assert len(f"tr:rm:{10**11}:{10**17}".encode()) <= 64
    assert kb.ids(kb.REMOVE, f"tr:rm:12:{10**17}") == (12, 10**17)
    for forged in ("tr:rm:1", "tr:rm:x:1", "tr:rx:1:pdf", "tr:go:-1", "tr:c:1:2"):
        assert all(kb.ids(p, forged) is None for p in (kb.REMOVE, kb.EXPORT, kb.GO, kb.COHORT))
    assert kb.parse_form("tr:a:abcdef:n:10") == kb.FormPress("abcdef", "n", "10")
    assert kb.parse_form("tr:a:ABCDEF:n:10") is None
    with pytest.raises(ValueError, match="64 bytes"):
        kb.checked("tr:" + "ก" * 30)


def test_every_trainer_text_has_thai_and_english_with_the_same_fields():
    for key, text in TEXTS.items():
        assert set(text) == {"th", "en"}, key
        fields = [{p.split("}")[0] for p in text[lang].split("{")[1:]} for lang in ("th", "en")]
        assert fields[0] == fields[1], key


@pytest.fixture
def stored_assignment(settings, monkeypatch):
    """An assignment in the CLI's database (from RUAMKIT_DATA_DIR), nobody finished yet."""
    monkeypatch.setenv("RUAMKIT_DATA_DIR", str(settings.ruamkit_data_dir))
    engine = make_engine(settings.resolved_database_url)
    create_tables(engine)
    now = datetime(2026, 12, 1, 3, 0, tzinfo=UTC)
    with session_scope(engine) as session:
        cohort = create_cohort(session=session, trainer_id=1, name="รุ่น CLI")
        join_cohort(session=session, code=cohort.invite_code, user_id=5, first_name="ต้น")
        assignment = create_assignment(
            session=session, trainer_id=1, cohort_id=cohort.id or 0, title="งาน CLI",
            bank=load_bank(), question_count=3, pass_mark=50, opens_at=now,
            due_at=now + timedelta(days=1), now=now, rng=random.Random(1), topics=["why"],
        )  # fmt: skip
        ident = assignment.id
    engine.dispose()
    return ident


def test_the_cli_lists_and_exports_or_names_the_problem(stored_assignment, tmp_path, capsys):
    assert cli_main(["results", "list"]) == 0
    assert (
        f"{stored_assignment}\tdue 2026-12-02 10:00\ttrainer 1\tงาน CLI" in capsys.readouterr().out
    )
    out = tmp_path / "files"
    args = ["results", "export", str(stored_assignment), "--out", str(out), "--lang", "en"]
    assert cli_main([*args, "--format", "csv", "--format", "png"]) == 0
    written = capsys.readouterr().out.split()
    assert sorted(p.rsplit(".", 1)[1] for p in written) == ["csv", "png"]
    csv_text = (out / f"assignment-{stored_assignment}-results.csv").read_text("utf-8-sig")
    assert csv_text.splitlines()[1].startswith("ต้น,5,not started,0,")
    assert cli_main(["results", "export", "999"]) == 2
    assert "no assignment 999" in capsys.readouterr().err
