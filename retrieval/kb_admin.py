"""Changing the knowledge base safely: stage, preview, gate, then publish or cancel.

Officials keep getting answers from the live version the whole time: a change is built as
a complete new version beside it, checked against the test questions, and only an admin's
confirmation switches the live pointer (one atomic rename). One change at a time: the
database slot (retrieval.staging) and the index's writer lock tell a second admin to wait.
Every change is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from core.audit import AuditEvent, list_events, record_event
from core.db import session_scope
from core.errors import DocumentError, IndexBusyError, NotFoundError
from knowledge.admin_questions import KbTestQuestion
from knowledge.managed import SourceSet
from knowledge.validation import Notice, UploadRejected, check_document, check_upload
from retrieval.builder import ReloadReport
from retrieval.gate import GOLDEN_SET, GateResult, QuestionGate, found_by
from retrieval.index import KnowledgeIndex
from retrieval.kb_catalog import DocumentInfo, TestQuestionBook, gate_question, live_documents
from retrieval.knowledge_base import KnowledgeBase
from retrieval.preview import build_preview
from retrieval.staging import (
    Actor,
    KbStaging,
    KnowledgeBaseBusyError,
    NothingToChangeError,
    StagedChange,
    StagingStatus,
    StaleChangeError,
    active_change,
    claim_slot,
    finish_change,
    get_change,
    is_stale,
    mark_pending,
)
from retrieval.versions import VersionEvent

# (phase, done, total): phases "embedding" and "testing"
StageProgress = Callable[[str, int, int], None]


class KnowledgeAdmin:
    """The admin's operations on the knowledge base, shared by the bot and the CLI."""

    def __init__(
        self,
        knowledge_base: KnowledgeBase,
        engine: Engine,
        gate: QuestionGate,
        golden_set: Path = GOLDEN_SET,
    ) -> None:
        self.kb = knowledge_base
        self.engine = engine
        self.gate = gate
        self.tests = TestQuestionBook(engine, golden_set)
        # Admins' own test questions help find the units that answer them (multi-vector
        # views); the shipped golden questions never do: they are for evaluation only.
        knowledge_base.view_questions = self._admin_question_views

    def _admin_question_views(self) -> list[tuple[str, tuple[str, ...]]]:
        """(question, expected texts) of the test questions admins added."""
        return [(q.question, q.expected) for q in self.tests.all() if q.origin != "golden"]

    # --- staging --------------------------------------------------------------------------

    def stage_upload(
        self,
        data: bytes,
        file_name: str,
        *,
        actor: Actor,
        progress: StageProgress | None = None,
    ) -> StagedChange:
        """Check an uploaded file and stage the knowledge base with it added (or replaced).

        Raises:
            UploadRejected: The file failed a check (nothing changes).
            DocumentError: The file cannot be parsed (nothing changes).
            KnowledgeBaseBusyError: Another change is in progress.
            NothingToChangeError: The same file is already live.

        """
        try:
            check = check_upload(data, file_name)
        except UploadRejected as error:
            self._audit(actor, "kb.upload.rejected", file_name, {"problem": error.problem})
            raise
        self._ensure_live()
        with self._claimed(actor, "add", check.file_name, file_name) as row_id:
            upload = self.kb.managed.save_file(data, check.file_name, added_by=actor.label)
            try:
                document = self.kb.managed.load_upload(upload)
                notices = check_document(check, document)
            except DocumentError as error:
                self._audit(actor, "kb.upload.rejected", file_name, {"reason": error.reason})
                raise
            sources = self.kb.sources().with_upload(upload)
            return self._stage(row_id, sources, actor, notices, progress)

    def stage_removal(
        self, doc: str, *, actor: Actor, progress: StageProgress | None = None
    ) -> StagedChange:
        """Stage the knowledge base without one document.

        Raises:
            NotFoundError: No live document has that name.
            KnowledgeBaseBusyError: Another change is in progress.

        """
        self._ensure_live()
        if doc not in {entry.doc for entry in self.documents()}:
            raise NotFoundError(f"no document named {doc!r} in the knowledge base")
        with self._claimed(actor, "remove", doc) as row_id:
            sources = self.kb.sources().without(doc)
            return self._stage(row_id, sources, actor, [], progress)

    def _stage(
        self,
        row_id: int,
        sources: SourceSet,
        actor: Actor,
        notices: Sequence[Notice],
        progress: StageProgress | None,
    ) -> StagedChange:
        """Build, preview and gate a version; the row becomes pending (or is dropped)."""
        embed = (lambda done, total: progress("embedding", done, total)) if progress else None
        report = self.kb.stage_sources(sources, progress=embed)
        try:
            if not report.has_changes:
                raise NothingToChangeError("the knowledge base already holds exactly this")
            return self._review(row_id, report, actor, notices, progress)
        except BaseException:
            self.kb.discard(report.version)
            raise

    def _review(
        self,
        row_id: int,
        report: ReloadReport,
        actor: Actor,
        notices: Sequence[Notice],
        progress: StageProgress | None,
    ) -> StagedChange:
        """Preview and gate a built version; its row becomes pending."""
        live = self.kb.live() if self.kb.versions.current() else None
        staged = KnowledgeIndex.load(self.kb.versions.path(report.version), self.kb.store)
        preview = build_preview(live, staged, report, notices)
        if progress:
            progress("testing", 0, 1)
        gate = self.gate.run(live, staged, self.tests.all())
        results = {
            "report": report.to_dict(),
            "preview": preview.to_dict(),
            "gate": gate.to_dict(),
        }
        with session_scope(self.engine) as session:
            row = mark_pending(
                session=session,
                staging_id=row_id,
                version=report.version,
                base_version=live.version if live else None,
                results=results,
            )
            self._record(session, actor, f"kb.{row.action}.staged", row, _summary(report, gate))
            return StagedChange.from_row(row)

    # --- confirm, cancel, rollback --------------------------------------------------------

    def confirm(self, staging_id: int, *, actor: Actor) -> StagedChange:
        """Make a pending change live (the staged version becomes the live one).

        Raises:
            StaleChangeError: No such pending change of this actor, or the live version
                changed since it was staged (it is then discarded).

        """
        with self._exclusive():
            row = self._own_pending(staging_id, actor)
            if row.base_version != self.kb.versions.current():
                self._close(row, StagingStatus.EXPIRED, actor, discard=True)
                raise StaleChangeError("changed")
            report = _report(row.report)
            self.kb.publish(report, actor=actor.label, action=row.action)
            self._close(row, StagingStatus.PUBLISHED, actor, discard=False)
        return StagedChange.from_row(row)

    def cancel(self, staging_id: int, *, actor: Actor) -> StagedChange:
        """Drop a pending change: its version and any file only it used are deleted.

        Raises:
            StaleChangeError: No such pending change of this actor.

        """
        with self._exclusive():
            row = self._own_pending(staging_id, actor)
            self._close(row, StagingStatus.CANCELLED, actor, discard=True)
        return StagedChange.from_row(row)

    def rollback(self, *, actor: Actor) -> str:
        """Make the previously live version live again; returns its name.

        Raises:
            KnowledgeBaseBusyError: A change is being built or waits for its admin.
            IndexError_: There is no earlier version.

        """
        with self._exclusive():
            self._expire_stale(actor)
            holder = self._holder()
            if holder is not None:
                raise KnowledgeBaseBusyError(holder)
            before = self.kb.versions.current()
            version = self.kb.restore_previous(actor=actor.label)
        self._audit(actor, "kb.rollback", version, {"from": before, "to": version})
        return version

    def pending(self) -> StagedChange | None:
        """The change waiting for its admin, if any."""
        with session_scope(self.engine) as session:
            row = active_change(session=session)
        if row is None or row.status != StagingStatus.PENDING:
            return None
        return StagedChange.from_row(row)

    # --- reading ----------------------------------------------------------------------------

    def documents(self) -> list[DocumentInfo]:
        """The live documents with passage counts and who added them."""
        return live_documents(self.kb)

    def live_finds(self, row: KbTestQuestion) -> bool:
        """Whether the live version already finds a test question's expected text."""
        question = gate_question(row)
        return question.id in found_by(self.gate.searcher, self.kb.live(), [question])

    def history(self, limit: int = 10) -> list[VersionEvent]:
        """The newest go-lives and rollbacks first."""
        return list(reversed(self.kb.history()))[:limit]

    def audit_events(self, limit: int = 20) -> list[AuditEvent]:
        """The newest knowledge-base audit events first."""
        with session_scope(self.engine) as session:
            return list_events(session=session, prefix="kb.", limit=limit)

    # --- the slot -------------------------------------------------------------------------

    @contextmanager
    def _claimed(
        self, actor: Actor, action: str, target: str, file_name: str = ""
    ) -> Iterator[int]:
        """Hold the writer lock (no build anywhere) and the slot (no change pending)."""
        with self._exclusive():
            self._expire_stale(actor)
            row = claim_slot(
                self.engine,
                actor_id=actor.id,
                actor=actor.label,
                action=action,
                target=target,
                file_name=file_name,
            )
            if row is None or row.id is None:
                raise KnowledgeBaseBusyError(self._holder())
            try:
                yield row.id
            except BaseException:
                self._release_failed(row.id)
                raise

    def _ensure_live(self) -> None:
        """Build the first version now (before taking the lock), so previews compare with it."""
        try:
            self.kb.live()
        except IndexBusyError:
            raise KnowledgeBaseBusyError(self._holder()) from None

    @contextmanager
    def _exclusive(self) -> Iterator[None]:
        """The index's writer lock; a second writer is told who is busy."""
        with ExitStack() as stack:
            try:
                stack.enter_context(self.kb.versions.writer_lock())
            except IndexBusyError:
                raise KnowledgeBaseBusyError(self._holder()) from None
            yield

    def _holder(self) -> KbStaging | None:
        with session_scope(self.engine) as session:
            return active_change(session=session)

    def _expire_stale(self, actor: Actor) -> None:
        """Free the slot from a dead build or a change left unconfirmed past its time."""
        row = self._holder()
        # The caller holds the writer lock, so no build runs anywhere: a building row is dead.
        if row is not None and is_stale(row, builder_alive=False):
            self._close(row, StagingStatus.EXPIRED, actor, discard=True)

    def _release_failed(self, row_id: int) -> None:
        """A build that failed frees the slot; half-written versions and files go."""
        with session_scope(self.engine) as session:
            current = get_change(session=session, staging_id=row_id)
            if current is not None and current.status == StagingStatus.BUILDING:
                finish_change(session=session, staging_id=row_id, status=StagingStatus.FAILED)
        self.kb.versions.prune()
        self.kb.delete_unused_files()

    def _own_pending(self, staging_id: int, actor: Actor) -> KbStaging:
        with session_scope(self.engine) as session:
            row = get_change(session=session, staging_id=staging_id)
        if row is None or row.status != StagingStatus.PENDING or row.version is None:
            raise StaleChangeError("gone")
        if row.actor_id != actor.id:
            raise StaleChangeError("not_yours")
        return row

    def _close(
        self, row: KbStaging, status: StagingStatus, actor: Actor, *, discard: bool
    ) -> None:
        """Finish a change (discarding its version if it never goes live) and audit it."""
        assert row.id is not None
        if discard and row.version and row.version != self.kb.versions.current():
            self.kb.discard(row.version)
        with session_scope(self.engine) as session:
            closed = finish_change(session=session, staging_id=row.id, status=status)
            self._record(session, actor, f"kb.{status.value}", closed, dict(closed.report))

    def _record(
        self, session: Any, actor: Actor, action: str, row: KbStaging, detail: dict[str, Any]
    ) -> None:
        record_event(
            session=session,
            actor=actor.label,
            action=action,
            target=row.target,
            detail={"staging_id": row.id, "change": row.action, "version": row.version, **detail},
        )

    def _audit(self, actor: Actor, action: str, target: str, detail: dict[str, Any]) -> None:
        with session_scope(self.engine) as session:
            record_event(
                session=session, actor=actor.label, action=action, target=target, detail=detail
            )


def _summary(report: ReloadReport, gate: GateResult) -> dict[str, Any]:
    return {
        "added": report.added,
        "changed": report.changed,
        "removed": report.removed,
        "passages": report.passages,
        "gate": {"total": gate.total, "live": gate.live_hits, "staged": gate.staged_hits},
        "regressions": [q.id for q in gate.regressions],
    }


def _report(data: dict[str, Any]) -> ReloadReport:
    """The stored report of a staged version (errors only as text)."""
    return ReloadReport(
        version=str(data["version"]),
        added=list(data.get("added", [])),
        changed=list(data.get("changed", [])),
        removed=list(data.get("removed", [])),
        unchanged=list(data.get("unchanged", [])),
        passages=int(data.get("passages", 0)),
        embedded=int(data.get("embedded", 0)),
        reused=int(data.get("reused", 0)),
        seconds=float(data.get("seconds", 0.0)),
    )
