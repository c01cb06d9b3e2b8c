"""How tests/data/schema_v0.*.sql were made: today's schema and realistic rows, dumped.

Run once, in a clean checkout of main at the last commit before migrations (f0399a1),
where tables came from `SQLModel.metadata.create_all`:

    git worktree add /tmp/v0 f0399a1 && cp tests/data/make_schema_v0.py /tmp/v0/tests/data/
    (cd /tmp/v0 && /work/main/.venv/bin/python tests/data/make_schema_v0.py)
    cp /tmp/v0/tests/data/schema_v0.*.sql tests/data/ && git worktree remove --force /tmp/v0

It builds a SQLite file and a PostgreSQL schema exactly as that code did, fills every
table through the domain functions a user's actions call (a Thai official who asks,
rates an answer, takes a quiz, joins a cohort and does the checklist; a trainer who
imports questions and sets an assignment; an admin who stages a knowledge-base change),
and writes both as SQL. Do not regenerate it with newer models: it records the schema
that existing deployments have, which the migration tests upgrade.
"""

from __future__ import annotations

import importlib
import random
import sqlite3
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlmodel import SQLModel

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bot.handlers.checklist_state import Awaiting, set_chat
from bot.handlers.trainer_state import Step, new_draft
from checklist import service as checklist_service
from checklist.definition import load_checklist
from core.audit import record_event
from core.db import make_engine, session_scope
from core.feedback import Feedback, record_answer, set_feedback
from core.idempotency import claim_update
from core.users import set_language, set_trainer, touch_user
from knowledge.admin_questions import add_test_question
from knowledge.validation import Notice
from quizzes.assignments import create_assignment
from quizzes.bank import load_bank
from quizzes.cohorts import create_cohort, join_cohort
from quizzes.importers import parse_csv, save_import
from quizzes.progress import review_card
from quizzes.reminders import NoticeKind, mark_sent
from quizzes.service import attempt_items, finish_attempt, start_attempt
from quizzes.sessions import build_quiz
from quizzes.tasks import finish_assignment_attempt, start_assignment_attempt
from retrieval.builder import ReloadReport
from retrieval.gate import GateQuestion, GateResult
from retrieval.preview import DocumentChange, SamplePassage, StagePreview
from retrieval.staging import (
    StagingStatus,
    claim_slot,
    finish_change,
    mark_pending,
)
from tests.quizzes.trainer_support import MATRIX, answer_all, questions_csv

HERE = Path(__file__).resolve().parent
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
OFFICIAL, OFFICIAL_EN, TRAINER, ADMIN = 7_000_000_001, 7_000_000_002, 5_000_000_001, 9001
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
# Every module that declared a table on that day.
TABLE_MODULES = (
    "core.users", "core.feedback", "core.audit", "core.idempotency",
    "knowledge.admin_questions", "retrieval.staging", "quizzes.models",
    "quizzes.trainer_models", "checklist.models", "bot.handlers.checklist_state",
    "bot.handlers.trainer_state",
)  # fmt: skip


def fill(engine) -> None:  # type: ignore[no-untyped-def]
    """Every table gets rows, written the way the bot writes them."""
    bank, checklist = load_bank(), load_checklist()
    with session_scope(engine) as s:
        touch_user(session=s, telegram_id=OFFICIAL, first_name="สมหญิง")
        touch_user(session=s, telegram_id=OFFICIAL_EN, first_name="Anan")
        set_language(session=s, telegram_id=OFFICIAL_EN, language="en")
        set_trainer(session=s, telegram_id=TRAINER, trainer=True)
        answer = record_answer(
            session=s, user_id=OFFICIAL, chat_id=OFFICIAL,
            question="การมีส่วนร่วมของประชาชนมีกี่ระดับ",
            answer="การมีส่วนร่วมมี 5 ระดับ ได้แก่ การให้ข้อมูล การปรึกษาหารือ การเกี่ยวข้อง "
            "ความร่วมมือ และการเสริมอำนาจแก่ประชาชน [1]",
            citations=[{"doc": "lecture.md", "title": "การบริหารราชการแบบมีส่วนร่วม",
                        "unit": "slide", "number": 8, "label": "สไลด์ 8",
                        "text": "ระดับการมีส่วนร่วม: Inform, Consult, Involve, Collaborate, Empower"}],
            found=True, lang="th",
        )  # fmt: skip
        set_feedback(session=s, answer_id=answer.id, user_id=OFFICIAL, feedback=Feedback.UP)
        record_answer(
            session=s, user_id=OFFICIAL_EN, chat_id=OFFICIAL_EN,
            question="What is the capital of France?",
            answer="The lecture does not cover this.", citations=[], found=False, lang="en",
        )  # fmt: skip
        record_event(session=s, actor=f"admin:{ADMIN}", action="kb.published",
                     target="budget-hearing.pdf",
                     detail={"version": "v2", "passages": 42})  # fmt: skip
        add_test_question(session=s, question="ระดับสูงสุดของการมีส่วนร่วมคืออะไร",
                          expected=["เสริมอำนาจ"], lang="th",
                          added_by=f"admin:{ADMIN}")  # fmt: skip
        claim_update(session=s, bot_id=123456789, update_id=700_000_001, at=NOW)
    row = claim_slot(engine, actor_id=ADMIN, actor=f"admin:{ADMIN}", action="add",
                     target="budget-hearing.pdf", file_name="budget-hearing.pdf")  # fmt: skip
    assert row is not None and row.id is not None
    with session_scope(engine) as s:
        mark_pending(session=s, staging_id=row.id, version="v2", base_version="v1",
                     results=_staged_results())  # fmt: skip
        finish_change(session=s, staging_id=row.id, status=StagingStatus.PUBLISHED)
    with session_scope(engine) as s:
        plan = build_quiz(bank, length=3, kinds=("mcq",), rng=random.Random(3))
        attempt = start_attempt(session=s, user_id=OFFICIAL, chat_id=OFFICIAL, plan=plan,
                                started_at=NOW)  # fmt: skip
        answer_all(s, attempt_id=attempt.id, user=OFFICIAL, rights=(1, 0, 1), at=NOW)
        finish_attempt(session=s, attempt_id=attempt.id, finished_at=NOW + timedelta(minutes=3))
        wrong = attempt_items(session=s, attempt_id=attempt.id)[1]
        review_card(session=s, user_id=OFFICIAL, question_id=wrong.question_id, correct=False,
                    at=NOW)  # fmt: skip
        cohort = create_cohort(session=s, trainer_id=TRAINER, name="รุ่นที่ 1 กรมการปกครอง")
        for name in ("L1", "L4"):
            join_cohort(session=s, code=cohort.invite_code, user_id=7_000_000_000 + int(name[1:]),
                        first_name=f"ผู้เรียน {name}")  # fmt: skip
        batch = save_import(session=s, owner_id=TRAINER, report=parse_csv(questions_csv()))
        assignment = create_assignment(
            session=s, trainer_id=TRAINER, cohort_id=cohort.id, title="แบบทดสอบหลังเรียน",
            bank=bank, question_count=6, question_ids=batch.question_ids, pass_mark=60,
            opens_at=NOW, due_at=NOW + timedelta(days=2), now=NOW, rng=random.Random(1),
            reminder_offsets=[timedelta(days=1), timedelta(hours=1)],
        )  # fmt: skip
        started = start_assignment_attempt(
            session=s, assignment_id=assignment.id, user_id=7_000_000_001, chat_id=7_000_000_001,
            bank=bank, now=NOW + timedelta(hours=1), rng=random.Random(2),
        )  # fmt: skip
        answer_all(s, attempt_id=started.attempt.id, user=7_000_000_001, rights=MATRIX["L1"],
                   at=NOW + timedelta(hours=1))  # fmt: skip
        finish_assignment_attempt(session=s, attempt_id=started.attempt.id,
                                  now=NOW + timedelta(hours=1))  # fmt: skip
        mark_sent(session=s, assignment_id=assignment.id, user_id=7_000_000_004,
                  kind=NoticeKind.ANNOUNCE.value, at=NOW)  # fmt: skip
        new_draft(session=s, telegram_id=TRAINER, step=Step.DUE, data={
            "cohort_id": cohort.id, "cohort_name": cohort.name, "topic_ids": ["why", "levels"],
            "topic_titles": [["ทำไมต้องมีส่วนร่วม", "Why participation"],
                             ["ระดับการมีส่วนร่วม", "Levels of participation"]],
            "topic_counts": [8, 9], "topics": ["levels"], "count": 10, "pass_mark": 60,
            "opens_at": "2026-12-02T02:00:00+00:00",
        })  # fmt: skip
    with session_scope(engine) as s:
        project = checklist_service.create_project(
            session=s, owner_id=OFFICIAL, name="เวทีประชาคมถนนปลอดภัย", agency="อบต.บ้านใหม่"
        )
        assessment = checklist_service.start_assessment(session=s, checklist=checklist,
                                                        project=project)  # fmt: skip
        for item in checklist.items():
            if item.scored:
                value = "no" if item.reverse else "yes"
                checklist_service.save_answer(
                    session=s, checklist=checklist, assessment=assessment, item_id=item.id,
                    value=value, evidence="รายงานการประชุม 12 พ.ย.",
                )  # fmt: skip
        checklist_service.finish_assessment(session=s, checklist=checklist, assessment=assessment)
        second = checklist_service.create_project(session=s, owner_id=OFFICIAL, name="ขยะชุมชน")
        open_run = checklist_service.start_assessment(session=s, checklist=checklist,
                                                      project=second)  # fmt: skip
        set_chat(session=s, telegram_id=OFFICIAL, assessment_id=open_run.id,
                 awaiting=Awaiting.EVIDENCE, item_id="a_community")  # fmt: skip


def _staged_results() -> dict[str, dict[str, Any]]:
    """What an admin's upload leaves for review, written by the real `to_dict`s."""
    report = ReloadReport(
        version="v2", added=["budget-hearing.pdf"], unchanged=["lecture.md"], passages=42,
        embedded=6, reused=36, seconds=3.5,
    )  # fmt: skip
    title = "เวทีรับฟังความคิดเห็นงบประมาณ"
    preview = StagePreview(
        version="v2",
        changes=(DocumentChange("budget-hearing.pdf", title, "added", 0, 6, 6, 0),),
        passages_before=36, passages_after=42,
        samples=(SamplePassage("budget-hearing.pdf", title, "page", 1,
                               "เทศบาลเปิดเวทีรับฟังความคิดเห็นต่อร่างงบประมาณ"),),
        warnings=(Notice("little_text", {"doc": "budget-hearing.pdf", "chars": 180}),),
    )  # fmt: skip
    question = GateQuestion("admin-1", "ระดับสูงสุดของการมีส่วนร่วมคืออะไร", ("เสริมอำนาจ",),
                            origin="admin")  # fmt: skip
    gate = GateResult(total=20, live_hits=17, staged_hits=18, regressions=(), fixed=(question,))
    return {"report": report.to_dict(), "preview": preview.to_dict(), "gate": gate.to_dict()}


def sqlite_dump(path: Path) -> str:
    """The SQLite file as SQL (schema and rows), as `.dump` writes it."""
    connection = sqlite3.connect(path)
    try:
        # As the sqlite3 shell's .dump: rows come table by table, parents not always first.
        return "PRAGMA foreign_keys=OFF;\n" + "\n".join(connection.iterdump()) + "\n"
    finally:
        connection.close()


def postgres_dump(schema: str) -> str:
    """The PostgreSQL schema as plain SQL with INSERTs, without the schema's name in it."""
    out = subprocess.run(
        ["pg_dump", "-h", "127.0.0.1", "-U", "postgres", "-d", "test", "-n", schema,
         "--inserts", "--no-owner", "--no-privileges", "--no-comments"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    lines = []
    for line in out.splitlines():
        if line.startswith(("--", "\\", "SET ", "SELECT pg_catalog.set_config", "CREATE SCHEMA")):
            continue
        if line.strip():
            lines.append(line.replace(f"{schema}.", ""))
    return "\n".join(lines) + "\n"


def main() -> None:
    """Build, fill and dump both databases."""
    for name in TABLE_MODULES:
        importlib.import_module(name)
    path = Path("/tmp") / f"schema_v0_{uuid.uuid4().hex[:6]}.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(engine)
    fill(engine)
    engine.dispose()
    (HERE / "schema_v0.sqlite.sql").write_text(sqlite_dump(path), encoding="utf-8")
    schema = f"schema_v0_{uuid.uuid4().hex[:6]}"
    admin = create_engine(POSTGRES)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        engine = make_engine(f"{POSTGRES}?options=-csearch_path%3D{schema}")
        SQLModel.metadata.create_all(engine)
        fill(engine)
        engine.dispose()
        (HERE / "schema_v0.postgresql.sql").write_text(postgres_dump(schema), encoding="utf-8")
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    main()
