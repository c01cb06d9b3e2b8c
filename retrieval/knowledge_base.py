"""The knowledge base service: the live index, reloads, rollback and history."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from core.errors import IndexError_
from core.settings import Settings
from knowledge.managed import ManagedSources, SourceSet
from knowledge.models import SourceDocument
from retrieval.builder import Progress, ReloadReport, build_version
from retrieval.embeddings import Embedder
from retrieval.index import KnowledgeIndex, StoreConfig
from retrieval.units import attach_questions
from retrieval.versions import VersionEvent, VersionStore

log = logging.getLogger(__name__)


def index_root(base: Path, model_id: str) -> Path:
    """One index root per embedding model: vectors of different models never mix."""
    return base / re.sub(r"[^a-zA-Z0-9_.-]+", "_", model_id)


class KnowledgeBase:
    """Serves the live index version and swaps to a new one the moment it goes live."""

    def __init__(
        self,
        root: Path,
        embedder_factory: Callable[[], Embedder],
        store: StoreConfig,
        source_dir: Path,
        managed: ManagedSources | None = None,
    ) -> None:
        self.versions = VersionStore(root)
        self.store = store
        self.source_dir = source_dir
        # Files admins add; built together with `source_dir` (see knowledge.managed).
        self.managed = managed or ManagedSources(root / "uploads", source_dir)
        self._embedder_factory = embedder_factory
        self._embedder: Embedder | None = None
        # Extra (question, expected texts) pairs indexed as views of the units that answer
        # them: the admins' test questions (set by the knowledge-base admin service).
        self.view_questions: Callable[[], Sequence[tuple[str, Sequence[str]]]] = tuple
        self._live: KnowledgeIndex | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(
        cls, settings: Settings, embedder_factory: Callable[[], Embedder]
    ) -> KnowledgeBase:
        """The knowledge base of the configured model, data dir and Chroma location."""
        return cls(
            index_root(settings.index_dir, settings.embedding_model),
            embedder_factory,
            StoreConfig(settings.chroma_host, settings.chroma_port),
            settings.source_dir,
            ManagedSources(settings.data_dir / "sources", settings.source_dir),
        )

    @property
    def embedder(self) -> Embedder:
        """The embedding model, loaded on first use."""
        if self._embedder is None:
            self._embedder = self._embedder_factory()
        return self._embedder

    def live(self) -> KnowledgeIndex:
        """The live index; builds it from the sources when the data dir is empty."""
        current = self.versions.current()
        if current is None:
            self.reload(actor="auto")
            current = self.versions.current()
            if current is None:
                raise IndexError_("the knowledge base could not be built")
        with self._lock:
            if self._live is None or self._live.version != current:
                index = KnowledgeIndex.load(self.versions.path(current), self.store)
                # Fitted here, once, under the lock: not by two question threads at once.
                _ = index.unit_classifier
                self._live = index
                log.info("serving index version %s (%d passages)", current, len(index))
            return self._live

    def _live_or_none(self) -> KnowledgeIndex | None:
        """The live index if one exists, without building."""
        return self.live() if self.versions.current() else None

    def sources(self) -> SourceSet:
        """The documents the live version was built from (the shipped lecture at first)."""
        current = self.versions.current()
        return self.managed.read(self.versions.path(current) if current else None)

    def stage(
        self, source_dir: Path | None = None, *, progress: Progress | None = None
    ) -> ReloadReport:
        """Build a complete new version without making it live.

        Without `source_dir`: from the live version's sources (the lecture plus the files
        admins added), re-read from disk. With it: from exactly the files in that folder.
        """
        if source_dir is None:
            return self.stage_sources(self.sources(), progress=progress)
        return self.stage_sources(SourceSet(str(Path(source_dir).resolve())), progress=progress)

    def stage_sources(
        self, sources: SourceSet, *, progress: Progress | None = None
    ) -> ReloadReport:
        """Build a version from a source set and record the set in the version's folder."""
        documents, errors = self.managed.load(sources)
        base = str(self.managed.base_dir(sources))
        report = self.stage_documents(documents, source=base, progress=progress)
        self.managed.write(self.versions.path(report.version), sources.stamped(report.version))
        report.errors = errors
        return report

    def stage_documents(
        self,
        documents: Sequence[SourceDocument],
        *,
        source: str,
        progress: Progress | None = None,
    ) -> ReloadReport:
        """Build a complete new version from loaded documents without making it live."""
        documents = attach_questions(documents, self.view_questions())
        return build_version(
            versions=self.versions,
            store=self.store,
            embedder=self.embedder,
            documents=documents,
            previous=self._live_or_none(),
            source=source,
            progress=progress,
        )

    def publish(self, report: ReloadReport, *, actor: str, action: str = "reload") -> None:
        """Make a staged version live (one atomic pointer switch) and prune old ones."""
        self.versions.go_live(report.version, action=action, actor=actor, summary=report.to_dict())
        report.live = True
        self.versions.prune()
        self.delete_unused_files()

    def discard(self, version: str) -> None:
        """Delete a staged version that will not go live, and files only it used."""
        self.versions.discard(version)
        self.delete_unused_files()

    def delete_unused_files(self) -> None:
        """Uploaded files that no version on disk refers to any more."""
        folders = [v for v in self.versions.versions_dir.iterdir() if v.is_dir()]
        self.managed.delete_unused(self.managed.read(folder) for folder in folders)

    def reload(
        self,
        source_dir: Path | None = None,
        *,
        actor: str = "cli",
        progress: Progress | None = None,
    ) -> ReloadReport:
        """Rebuild from a folder and go live; a failure or kill leaves the old version live."""
        with self.versions.writer_lock():
            report = self.stage(source_dir, progress=progress)
            return self._publish_if_changed(report, actor)

    def reload_documents(
        self, documents: Sequence[SourceDocument], *, source: str, actor: str = "cli"
    ) -> ReloadReport:
        """Like `reload`, for documents loaded elsewhere (e.g. an eval corpus)."""
        with self.versions.writer_lock():
            report = self.stage_documents(documents, source=source)
            return self._publish_if_changed(report, actor)

    def _publish_if_changed(self, report: ReloadReport, actor: str) -> ReloadReport:
        """Go live when something changed (or nothing is live yet); else drop the stage."""
        if report.has_changes or self.versions.current() is None:
            self.publish(report, actor=actor)
        else:
            self.versions.discard(report.version)
        return report

    def rollback(self, *, actor: str = "cli") -> str:
        """Make the previously live version live again; returns its name."""
        with self.versions.writer_lock():
            return self.restore_previous(actor=actor)

    def restore_previous(self, *, actor: str) -> str:
        """`rollback` for a caller that already holds the writer lock."""
        previous = self.versions.previous()
        if previous is None:
            raise IndexError_("there is no earlier version to roll back to")
        self.versions.go_live(previous, action="rollback", actor=actor, summary={})
        return previous

    def history(self) -> list[VersionEvent]:
        """Go-lives and rollbacks, oldest first."""
        return self.versions.history()
