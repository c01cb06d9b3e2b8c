"""Staged changes: preview, gate, confirm/cancel, one admin at a time, rollback, audit.

A fake embedder and real Chroma, SQLite and files in tmp_path: fast, and every step real.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from core.audit import AuditEvent, list_events
from core.db import create_tables, make_engine, session_scope
from core.errors import DocumentError, NotFoundError, ValidationError
from knowledge.validation import Problem, UploadRejected, problem_of
from retrieval.gate import QuestionGate
from retrieval.index import StoreConfig
from retrieval.kb_admin import KnowledgeAdmin
from retrieval.knowledge_base import KnowledgeBase
from retrieval.staging import (
    Actor,
    KbStaging,
    KnowledgeBaseBusyError,
    NothingToChangeError,
    StagingStatus,
    StaleChangeError,
    claim_slot,
)
from tests.fakes import HashEmbedder

ANN = Actor(9001, "Ann")
BOB = Actor(9002, "Bob")
LECTURE = "## สไลด์ 1\n\nระดับการเสริมอำนาจ empower ให้ประชาชนตัดสินใจเอง\n"
NEW_DOC = b"# Waste bank\n\nA community waste bank buys recyclable bottles from members.\n"


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    create_tables(engine)
    return engine


def _admin(tmp_path: Path, engine: Engine) -> KnowledgeAdmin:
    """A fresh service over the same folders and database (as after a restart)."""
    shipped = tmp_path / "shipped"
    if not shipped.exists():
        shipped.mkdir()
        (shipped / "lecture.md").write_text(LECTURE, encoding="utf-8")
        golden = {"id": "g1", "question": "ระดับการเสริมอำนาจ", "gold": ["ตัดสินใจเอง"]}
        (tmp_path / "golden.jsonl").write_text(json.dumps(golden) + "\n", encoding="utf-8")
    kb = KnowledgeBase(tmp_path / "index", HashEmbedder, StoreConfig(), shipped)
    return KnowledgeAdmin(kb, engine, QuestionGate(HashEmbedder), tmp_path / "golden.jsonl")


@pytest.fixture
def admin(tmp_path: Path, engine: Engine) -> KnowledgeAdmin:
    return _admin(tmp_path, engine)


def _live_docs(admin: KnowledgeAdmin) -> set[str]:
    return {d["doc"] for d in admin.kb.live().documents()}


def _actions(engine: Engine) -> list[str]:
    with session_scope(engine) as session:
        return [e.action for e in reversed(list_events(session=session))]


def test_an_upload_is_staged_but_not_live_until_confirmed(
    admin: KnowledgeAdmin, engine: Engine
) -> None:
    change = admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    assert _live_docs(admin) == {"lecture.md"}
    assert [(c.doc, c.status, c.passages_after) for c in change.preview.changes] == [
        ("waste.md", "added", 1)
    ]
    assert change.preview.samples[0].label("en") == "Section 1"
    assert change.gate.total == 1 and change.gate.passed
    admin.confirm(change.staging_id, actor=ANN)
    assert _live_docs(admin) == {"lecture.md", "waste.md"}
    event = admin.history()[0]
    assert (event.action, event.actor, event.summary["added"]) == (
        "add",
        "Ann (9001)",
        ["waste.md"],
    )
    assert _actions(engine) == ["kb.add.staged", "kb.published"]


def test_list_shows_who_added_a_document_and_in_which_version(admin: KnowledgeAdmin) -> None:
    change = admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    admin.confirm(change.staging_id, actor=ANN)
    infos = {info.doc: info for info in admin.documents()}
    assert infos["lecture.md"].origin == "shipped"
    assert (infos["waste.md"].added_by, infos["waste.md"].version) == (
        "Ann (9001)",
        change.version,
    )


def test_cancel_discards_the_version_and_the_file(admin: KnowledgeAdmin, engine: Engine) -> None:
    change = admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    files = admin.kb.managed.folder / "files"
    assert any(files.iterdir())
    admin.cancel(change.staging_id, actor=ANN)
    assert not admin.kb.versions.path(change.version).exists()
    assert not any(files.iterdir())
    assert _live_docs(admin) == {"lecture.md"}
    assert _actions(engine)[-1] == "kb.cancelled"


def test_a_second_admin_is_told_to_wait(admin: KnowledgeAdmin) -> None:
    change = admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    with pytest.raises(KnowledgeBaseBusyError) as caught:
        admin.stage_removal("lecture.md", actor=BOB)
    assert caught.value.holder is not None and caught.value.holder.actor_id == ANN.id
    with pytest.raises(KnowledgeBaseBusyError):
        admin.rollback(actor=BOB)
    admin.cancel(change.staging_id, actor=ANN)
    admin.stage_removal("lecture.md", actor=BOB)  # free again


@pytest.mark.parametrize("first_version_built", [True, False])
def test_a_build_running_elsewhere_makes_others_wait(
    admin: KnowledgeAdmin, first_version_built: bool
) -> None:
    if first_version_built:
        admin.kb.live()
    with admin.kb.versions.writer_lock(), pytest.raises(KnowledgeBaseBusyError):
        admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    assert admin.pending() is None


def test_stale_forged_and_foreign_buttons_change_nothing(admin: KnowledgeAdmin) -> None:
    change = admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    with pytest.raises(StaleChangeError) as foreign:
        admin.confirm(change.staging_id, actor=BOB)
    assert foreign.value.code == "not_yours"
    with pytest.raises(StaleChangeError) as unknown:
        admin.confirm(change.staging_id + 100, actor=ANN)
    assert unknown.value.code == "gone"
    assert _live_docs(admin) == {"lecture.md"}
    admin.confirm(change.staging_id, actor=ANN)
    with pytest.raises(StaleChangeError) as twice:
        admin.cancel(change.staging_id, actor=ANN)
    assert twice.value.code == "gone"
    assert "waste.md" in _live_docs(admin)


def test_a_change_staged_before_the_live_version_moved_is_dropped(
    admin: KnowledgeAdmin, engine: Engine
) -> None:
    first = admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    admin.confirm(first.staging_id, actor=ANN)
    second = admin.stage_removal("lecture.md", actor=ANN)
    admin.kb.rollback(actor="cli")  # someone on the server rolled back meanwhile
    with pytest.raises(StaleChangeError) as caught:
        admin.confirm(second.staging_id, actor=ANN)
    assert caught.value.code == "changed"
    assert not admin.kb.versions.path(second.version).exists()
    assert _live_docs(admin) == {"lecture.md"}


def test_a_rejected_upload_changes_nothing_and_is_audited(
    admin: KnowledgeAdmin, engine: Engine
) -> None:
    with pytest.raises(UploadRejected) as caught:
        admin.stage_upload(b"%PDF-1.4\nbroken", "bad.pdf", actor=ANN)
    assert caught.value.problem == Problem.CORRUPT
    assert admin.pending() is None
    assert _actions(engine) == ["kb.upload.rejected"]
    admin.stage_upload(NEW_DOC, "waste.md", actor=BOB)  # the slot was never taken


def test_a_file_that_parses_to_nothing_frees_the_slot(admin: KnowledgeAdmin) -> None:
    with pytest.raises(DocumentError) as caught:
        admin.stage_upload(b"   \n\n  ", "blank.txt", actor=ANN)
    assert problem_of(caught.value) == Problem.NO_TEXT
    assert admin.pending() is None
    files = admin.kb.managed.folder / "files"  # refused before anything is stored
    assert not files.exists() or not any(files.iterdir())


def test_uploading_what_is_already_live_changes_nothing(admin: KnowledgeAdmin) -> None:
    change = admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    admin.confirm(change.staging_id, actor=ANN)
    with pytest.raises(NothingToChangeError):
        admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    assert admin.pending() is None


def test_a_new_file_under_an_old_name_is_a_change(admin: KnowledgeAdmin) -> None:
    change = admin.stage_upload(NEW_DOC, "lecture.md", actor=ANN)  # replaces the shipped one
    assert [(c.doc, c.status) for c in change.preview.changes] == [("lecture.md", "changed")]
    assert [q.id for q in change.gate.regressions] == ["g1"]
    assert not change.gate.passed


def test_removing_the_lecture_shows_the_regression_and_can_be_confirmed(
    admin: KnowledgeAdmin,
) -> None:
    admin.confirm(admin.stage_upload(NEW_DOC, "waste.md", actor=ANN).staging_id, actor=ANN)
    change = admin.stage_removal("lecture.md", actor=ANN)
    assert [(c.doc, c.status) for c in change.preview.changes] == [("lecture.md", "removed")]
    assert [q.id for q in change.gate.regressions] == ["g1"]
    admin.confirm(change.staging_id, actor=ANN)
    assert _live_docs(admin) == {"waste.md"}
    assert admin.kb.sources().hidden == ("lecture.md",)


def test_removing_an_unknown_document_is_a_clear_error(admin: KnowledgeAdmin) -> None:
    with pytest.raises(NotFoundError, match=r"nope\.md"):
        admin.stage_removal("nope.md", actor=ANN)


def test_rollback_restores_the_documents_and_their_sources(
    admin: KnowledgeAdmin, engine: Engine
) -> None:
    admin.confirm(admin.stage_upload(NEW_DOC, "a.md", actor=ANN).staging_id, actor=ANN)
    second = admin.stage_upload(b"# B\n\nSecond file.", "b.md", actor=ANN)
    admin.confirm(second.staging_id, actor=ANN)
    assert _live_docs(admin) == {"lecture.md", "a.md", "b.md"}
    admin.rollback(actor=BOB)
    assert _live_docs(admin) == {"lecture.md", "a.md"}
    third = admin.stage_upload(b"# C\n\nThird file.", "c.md", actor=ANN)
    assert [c.doc for c in third.preview.changes] == ["c.md"]  # b.md does not come back
    assert _actions(engine)[-2:] == ["kb.rollback", "kb.add.staged"]


def test_a_pending_change_survives_a_restart(tmp_path: Path, engine: Engine) -> None:
    change = _admin(tmp_path, engine).stage_upload(NEW_DOC, "waste.md", actor=ANN)
    restarted = _admin(tmp_path, engine)
    pending = restarted.pending()
    assert pending is not None and pending.preview == change.preview
    restarted.confirm(change.staging_id, actor=ANN)
    assert "waste.md" in _live_docs(restarted)


def test_a_change_left_too_long_can_be_taken_over(admin: KnowledgeAdmin, engine: Engine) -> None:
    change = admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    with session_scope(engine) as session:
        row = session.get(KbStaging, change.staging_id)
        assert row is not None
        row.created_at = row.created_at - timedelta(hours=1)
    admin.stage_removal("lecture.md", actor=BOB)
    assert not admin.kb.versions.path(change.version).exists()
    with pytest.raises(StaleChangeError):
        admin.confirm(change.staging_id, actor=ANN)
    assert "kb.expired" in _actions(engine)


def test_a_build_whose_process_died_frees_the_slot(admin: KnowledgeAdmin, engine: Engine) -> None:
    dead = claim_slot(engine, actor_id=ANN.id, actor="Ann (9001)", action="add", target="x.md")
    assert dead is not None and dead.status == StagingStatus.BUILDING
    admin.stage_upload(NEW_DOC, "waste.md", actor=BOB)  # nobody holds the writer lock
    with session_scope(engine) as session:
        row = session.get(KbStaging, dead.id)
        assert row is not None and row.status == StagingStatus.EXPIRED


def test_admin_test_questions_join_the_gate(admin: KnowledgeAdmin, engine: Engine) -> None:
    row = admin.tests.add(
        "What does a waste bank buy?", "recyclable bottles", lang="en", actor=ANN
    )
    assert not admin.live_finds(row)
    change = admin.stage_upload(NEW_DOC, "waste.md", actor=ANN)
    assert change.gate.total == 2 and change.gate.staged_hits == 2
    assert [q.id for q in change.gate.fixed] == [f"admin-{row.id}"]
    admin.confirm(change.staging_id, actor=ANN)
    assert admin.live_finds(row)
    admin.tests.remove(row.id or 0, actor=ANN)
    with pytest.raises(NotFoundError):
        admin.tests.remove(row.id or 0, actor=ANN)
    with pytest.raises(ValidationError):
        admin.tests.add("  ", "x", lang="th", actor=ANN)
    with session_scope(engine) as session:
        events = list_events(session=session, prefix="kb.test.")
    assert [(e.action, e.actor) for e in events] == [
        ("kb.test.removed", "Ann (9001)"),
        ("kb.test.added", "Ann (9001)"),
    ]
    assert all(isinstance(e, AuditEvent) and e.at is not None for e in events)
