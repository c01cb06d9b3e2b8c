"""Index versions on disk: build beside the live one, then switch one pointer atomically."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.errors import IndexBusyError

CURRENT = "CURRENT"
HISTORY = "history.jsonl"
MANIFEST = "manifest.json"
KEEP_VERSIONS = 3


@dataclass(frozen=True)
class VersionEvent:
    """One go-live or rollback in the index history."""

    version: str
    action: str
    at: str
    actor: str
    summary: dict[str, Any]


class VersionStore:
    """The versions folder of one index root (one embedding model, one source set)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.versions_dir = root / "versions"
        self.versions_dir.mkdir(parents=True, exist_ok=True)

    def new_version_name(self) -> str:
        """A sortable, unique version name."""
        return time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]

    def path(self, version: str) -> Path:
        """Folder of a version."""
        return self.versions_dir / version

    def current(self) -> str | None:
        """The live version, or None before the first build."""
        try:
            name = (self.root / CURRENT).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name if name and self.is_complete(name) else None

    def is_complete(self, version: str) -> bool:
        """A version is complete once its manifest, written last, exists."""
        return (self.path(version) / MANIFEST).is_file()

    def go_live(self, version: str, *, action: str, actor: str, summary: dict[str, Any]) -> None:
        """Point CURRENT at a complete version with one atomic rename, then log it."""
        if not self.is_complete(version):
            raise IndexBusyError(f"version {version} is incomplete and cannot go live")
        tmp = self.root / f".{CURRENT}.{uuid.uuid4().hex}"
        tmp.write_text(version, encoding="utf-8")
        with tmp.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, self.root / CURRENT)
        event = VersionEvent(version, action, datetime.now(UTC).isoformat(), actor, summary)
        with (self.root / HISTORY).open("a", encoding="utf-8") as log:
            log.write(json.dumps(event.__dict__, ensure_ascii=False) + "\n")

    def history(self) -> list[VersionEvent]:
        """Every go-live and rollback, oldest first."""
        try:
            lines = (self.root / HISTORY).read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        return [VersionEvent(**json.loads(line)) for line in lines if line.strip()]

    def documents(self, version: str) -> dict[str, str]:
        """The documents a version holds (name -> title); empty when its manifest is gone."""
        try:
            manifest = json.loads((self.path(version) / MANIFEST).read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return {}
        documents = manifest.get("documents", {})
        return {doc: str(meta.get("title") or doc) for doc, meta in documents.items()}

    def went_live_at(self, version: str) -> str | None:
        """When a version last went live (ISO 8601, UTC), from the history."""
        times = [event.at for event in self.history() if event.version == version]
        return times[-1] if times else None

    def previous(self) -> str | None:
        """The version that was live before the current one, if it is still on disk."""
        current = self.current()
        seen: list[str] = []
        for event in self.history():
            if not seen or seen[-1] != event.version:
                seen.append(event.version)
        candidates = [v for v in reversed(seen) if v != current and self.is_complete(v)]
        return candidates[0] if candidates else None

    def prune(self, keep: int = KEEP_VERSIONS) -> list[str]:
        """Delete incomplete leftovers and all but the newest `keep` complete versions."""
        current = self.current()
        complete = sorted(v.name for v in self.versions_dir.iterdir() if self.is_complete(v.name))
        keep_set = set(complete[-keep:]) | ({current} if current else set())
        removed = []
        for entry in self.versions_dir.iterdir():
            if entry.name not in keep_set:
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry.name)
        return removed

    def discard(self, version: str) -> None:
        """Delete a staged version that will never go live."""
        if version != self.current():
            shutil.rmtree(self.path(version), ignore_errors=True)

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Exclusive rebuild lock; the OS drops it if the process dies."""
        handle = (self.root / "reload.lock").open("a+")
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.close()
            raise IndexBusyError("another reload of this index is running") from exc
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            handle.close()
