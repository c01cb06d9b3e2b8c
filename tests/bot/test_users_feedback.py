"""core.users and core.feedback against a real SQLite database."""

from __future__ import annotations

import csv
import io

import pytest

from core.dates import format_iso_local
from core.db import create_tables, make_engine, session_scope
from core.feedback import Feedback, export_csv, get_answer_for, record_answer, set_feedback
from core.users import (
    Role,
    effective_role,
    get_user,
    list_trainers,
    resolve_language,
    set_language,
    set_trainer,
    touch_user,
)


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'test.sqlite3'}")
    create_tables(engine)
    yield engine
    engine.dispose()


def test_users_are_created_once_and_keep_their_name_current(engine):
    with session_scope(engine) as session:
        touch_user(session=session, telegram_id=5_000_000_000, first_name="สมชาย")
    with session_scope(engine) as session:
        touch_user(session=session, telegram_id=5_000_000_000, first_name="สมชาย ใจดี")
    with session_scope(engine) as session:
        user = get_user(session=session, telegram_id=5_000_000_000)  # beyond 32 bits
        assert user.first_name == "สมชาย ใจดี" and user.role == "official"
        assert user.created_at.tzinfo is not None


def test_language_choice_is_validated(engine):
    with session_scope(engine) as session:
        assert set_language(session=session, telegram_id=1, language="en").language == "en"
        with pytest.raises(ValueError, match="unsupported language"):
            set_language(session=session, telegram_id=1, language="fr")


def test_trainer_role_is_granted_revoked_and_listed(engine):
    with session_scope(engine) as session:
        assert set_trainer(session=session, telegram_id=7, trainer=True)[1] is True
        assert set_trainer(session=session, telegram_id=7, trainer=True)[1] is False
        assert [u.telegram_id for u in list_trainers(session=session)] == [7]
        assert set_trainer(session=session, telegram_id=7, trainer=False)[1] is True
        assert set_trainer(session=session, telegram_id=8, trainer=False)[1] is False
        assert list_trainers(session=session) == []
        assert get_user(session=session, telegram_id=8) is None  # revoking creates no one


def test_effective_role_and_language():
    assert effective_role(1, "trainer", {1}) == Role.ADMIN
    assert effective_role(2, "trainer", {1}) == Role.TRAINER
    assert effective_role(3, None, {1}) == Role.OFFICIAL
    assert Role.ADMIN.allows(Role.TRAINER) and not Role.TRAINER.allows(Role.ADMIN)
    assert resolve_language("th", "en-US", "th") == "th"
    assert resolve_language(None, "en-GB", "th") == "en"
    assert resolve_language(None, "de", "th") == "th"
    assert resolve_language(None, None, "en") == "en"


def test_feedback_only_on_ones_own_answer_and_exported(engine):
    citation = {"doc": "a.md", "title": "t", "label": "สไลด์ 4", "text": "ข้อความ"}
    with session_scope(engine) as session:
        touch_user(session=session, telegram_id=1, first_name="สมศรี")
        record = record_answer(
            session=session, user_id=1, chat_id=1, question="คำถาม, \"ยาก\"", answer="ตอบ\nสอง",
            citations=[citation], found=True, lang="th",
        )  # fmt: skip
        other = record_answer(
            session=session, user_id=2, chat_id=2, question="q", answer="a",
            citations=[], found=False, lang="en",
        )  # fmt: skip
    with session_scope(engine) as session:
        assert (
            set_feedback(session=session, answer_id=record.id, user_id=2, feedback=Feedback.UP)
            is None
        )
        assert get_answer_for(session=session, answer_id=record.id, user_id=2) is None
        set_feedback(session=session, answer_id=record.id, user_id=1, feedback=Feedback.UP)
    with session_scope(engine) as session:
        out = io.StringIO()
        assert export_csv(session=session, out=out) == 2
        rows = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert rows[0]["question"] == 'คำถาม, "ยาก"' and rows[0]["answer"] == "ตอบ\nสอง"
        assert (rows[0]["feedback"], rows[0]["citations"], rows[0]["user_name"]) == (
            "up",
            "สไลด์ 4",
            "สมศรี",
        )
        assert (rows[1]["found"], rows[1]["feedback"]) == ("no", "")
        # times are local (Asia/Bangkok by default) and the header says so
        stamp = rows[0]["time (Asia/Bangkok)"]
        assert stamp == format_iso_local(record.created_at, "Asia/Bangkok")
        assert rows[0]["feedback_time (Asia/Bangkok)"]
        rated = io.StringIO()
        assert export_csv(session=session, out=rated, rated_only=True) == 1
    assert other.id != record.id
