"""Stored JSON carries its shape version, and rows written before versions still load."""

from __future__ import annotations

import copy
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from bot.handlers.trainer_state import DRAFT_SHAPE, Step, TrainerDraft, get_draft, save_draft
from checklist.definition import load_checklist
from checklist.results import RESULT_SHAPE, Answer, AssessmentResult
from checklist.scoring import score_assessment
from core.db import create_tables, make_engine, session_scope
from core.stored import shape_version
from quizzes.importers.store import QUESTION_SHAPE, question_from_data, question_to_data
from retrieval.staging import STAGING_SHAPE, KbStaging, StagedChange, claim_slot, mark_pending

DATA = Path(__file__).resolve().parent / "data"
TRAINER = 5_000_000_001


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'ruamkit.sqlite3'}")
    create_tables(engine)
    yield engine
    engine.dispose()


def _v0_json(table: str, column: str) -> list[dict[str, Any]]:
    """The JSON objects a column held before versions (from today's database dump)."""
    today = sqlite3.connect(":memory:")
    today.executescript((DATA / "schema_v0.sqlite.sql").read_text(encoding="utf-8"))
    values = [json.loads(v) for (v,) in today.execute(f"SELECT {column} FROM {table}")]
    today.close()
    found = [value for value in values if isinstance(value, dict)]
    assert found, table
    return found


def test_todays_checklist_results_have_no_version_and_still_load():
    (stored,) = _v0_json("checklist_assessment", "result")
    assert shape_version(stored) == 0
    result = AssessmentResult.from_dict(stored)
    assert result.overall == stored["overall"] and len(result.items) == len(stored["items"])


def test_a_new_checklist_result_carries_its_version_and_round_trips():
    checklist = load_checklist()
    answers = {i.id: Answer("no" if i.reverse else "yes") for i in checklist.items() if i.scored}
    result = score_assessment(checklist, answers)
    stored = json.loads(json.dumps(result.to_dict()))
    assert stored["v"] == RESULT_SHAPE
    assert AssessmentResult.from_dict(stored) == result


def test_an_older_or_newer_checklist_result_loads_with_defaults():
    checklist = load_checklist()
    answers = {i.id: Answer("yes") for i in checklist.items() if i.scored}
    stored = score_assessment(checklist, answers).to_dict()
    older = copy.deepcopy(stored)
    for key in ("v", "level_check", "maturity_capped"):
        older.pop(key)
    for section in older["sections"]:
        section.pop("gaps")
    for item in older["items"]:
        item.pop("weight")
        item["added_later"] = True  # a key a newer RuamKit wrote: ignored
    result = AssessmentResult.from_dict(older)
    assert result.overall == stored["overall"]
    assert not result.level_check.flagged and result.level_check.claimed is None
    assert result.gaps == () and all(item.weight == 1.0 for item in result.items)


def test_todays_imported_questions_load_and_new_ones_carry_their_version():
    rows = _v0_json("trainer_imported_question", "data")
    assert len(rows) == 6 and all(shape_version(row) == 0 for row in rows)
    questions = [question_from_data({**row, "id": f"imp-{n}"}) for n, row in enumerate(rows)]
    assert questions[0].text.th.startswith("คำถาม")
    again = question_to_data(questions[0])
    assert again["v"] == QUESTION_SHAPE and question_from_data(again) == questions[0]


def test_an_imported_question_without_its_optional_parts_loads():
    (row, *_) = _v0_json("trainer_imported_question", "data")
    bare = {k: row[k] for k in ("kind", "topic", "text", "options", "correct")}
    question = question_from_data({**bare, "id": "imp-1"})
    assert question.explanation.th == "" and question.sources == ()
    assert question.difficulty == "medium"


def test_a_trainer_form_saved_before_versions_goes_on(engine):
    (old,) = _v0_json("bot_trainer_draft", "data")
    assert shape_version(old) == 0
    with session_scope(engine) as session:
        session.add(TrainerDraft(telegram_id=TRAINER, token="abc123", step="due", data=old))
    with session_scope(engine) as session:
        draft = get_draft(session=session, telegram_id=TRAINER)
        assert draft is not None and draft.data["cohort_name"] == old["cohort_name"]
        save_draft(
            session=session, draft=draft, step=Step.ATTEMPTS,
            data={**draft.data, "due_at": "2026-12-04T02:00:00+00:00"},
        )  # fmt: skip
    with session_scope(engine) as session:
        draft = get_draft(session=session, telegram_id=TRAINER)
        assert draft is not None and draft.data["v"] == DRAFT_SHAPE
        assert draft.data["pass_mark"] == old["pass_mark"] and draft.step == Step.ATTEMPTS


def test_a_staged_change_from_before_versions_still_opens(engine):
    row = claim_slot(engine, actor_id=9001, actor="admin:9001", action="add", target="a.pdf")
    assert row is not None and row.id is not None
    with session_scope(engine) as session:
        mark_pending(
            session=session, staging_id=row.id, version="v2", base_version="v1",
            results={"report": {"version": "v2"}, "preview": {"version": "v2"},
                     "gate": {"total": 3, "live_hits": 2, "staged_hits": 3}},
        )  # fmt: skip
    with session_scope(engine) as session:
        stored = session.get(KbStaging, row.id)
        assert stored is not None
        assert {shape_version(p) for p in (stored.report, stored.preview, stored.gate)} == {
            STAGING_SHAPE
        }
        # A row written before versions: no "v", and no samples or warnings.
        stored.preview = {"version": "v2", "passages_before": 4, "passages_after": 5}
        stored.gate = {"total": 3, "live_hits": 2, "staged_hits": 3}
        change = StagedChange.from_row(stored)
    assert change.preview.passages_after == 5 and change.gate.passed
