"""The knowledge base's sources: the shipped lecture folder plus the files admins added.

Uploaded files live under ``<data_dir>/sources/files/<hash>/<name>``, never changed once
written. Which files make up an index version is recorded in that version's folder
(``sources.json``, a `SourceSet`): the live version's set is the current one, so a rollback
restores the documents and the sources together, and a crash can never leave them apart.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from core.errors import DocumentError
from knowledge.loaders import load_directory, load_document
from knowledge.models import SourceDocument
from knowledge.unit_questions import is_questions_file

SNAPSHOT = "sources.json"
FILES = "files"
_CACHE_SIZE = 16


@dataclass(frozen=True)
class Upload:
    """A file an admin added: the document name it is indexed under, and its provenance."""

    doc: str
    file: str  # relative to the managed folder
    sha256: str
    added_by: str
    added_at: str
    version: str = ""  # the index version that first held this content


@dataclass(frozen=True)
class SourceSet:
    """The documents of one index version: a base folder, minus hidden ones, plus uploads."""

    base: str = ""  # "" means the shipped lecture folder
    uploads: tuple[Upload, ...] = ()
    hidden: tuple[str, ...] = field(default=())  # shipped documents an admin removed

    def upload(self, doc: str) -> Upload | None:
        """The upload indexed as `doc`, if any."""
        return next((upload for upload in self.uploads if upload.doc == doc), None)

    def with_upload(self, upload: Upload) -> SourceSet:
        """The set with `upload` added (replacing an upload of the same name)."""
        kept = tuple(u for u in self.uploads if u.doc != upload.doc)
        return replace(self, uploads=(*kept, upload))

    def without(self, doc: str) -> SourceSet:
        """The set without the document `doc` (an upload is dropped, a shipped one hidden)."""
        if self.upload(doc) is not None:
            return replace(self, uploads=tuple(u for u in self.uploads if u.doc != doc))
        return replace(self, hidden=tuple(sorted({*self.hidden, doc})))

    def stamped(self, version: str) -> SourceSet:
        """Uploads new in this set get the version that first holds them."""
        uploads = tuple(u if u.version else replace(u, version=version) for u in self.uploads)
        return replace(self, uploads=uploads)

    def to_json(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "base": self.base,
            "uploads": [asdict(u) for u in self.uploads],
            "hidden": list(self.hidden),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SourceSet:
        """Inverse of `to_json`."""
        uploads = tuple(Upload(**item) for item in data.get("uploads", []))
        return cls(str(data.get("base", "")), uploads, tuple(data.get("hidden", [])))


class ManagedSources:
    """The managed folder of uploaded files, and how a `SourceSet` turns into documents."""

    def __init__(self, folder: Path, shipped: Path) -> None:
        self.folder = folder
        self.shipped = shipped
        self._parsed: OrderedDict[tuple[str, str], SourceDocument] = OrderedDict()

    def base_dir(self, sources: SourceSet) -> Path:
        """The folder the set's non-uploaded documents come from."""
        return Path(sources.base) if sources.base else self.shipped

    def read(self, version_dir: Path | None) -> SourceSet:
        """The set recorded in a version folder; the shipped lecture alone when none is."""
        path = version_dir / SNAPSHOT if version_dir is not None else None
        if path is None or not path.is_file():
            return SourceSet()
        return SourceSet.from_json(json.loads(path.read_text(encoding="utf-8")))

    def write(self, version_dir: Path, sources: SourceSet) -> None:
        """Record the set a version was built from (inside the version's own folder)."""
        text = json.dumps(sources.to_json(), ensure_ascii=False, indent=1)
        tmp = version_dir / f".{SNAPSHOT}.tmp"
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(version_dir / SNAPSHOT)

    def save_file(self, data: bytes, file_name: str, *, added_by: str) -> Upload:
        """Store an uploaded file under its content hash; `file_name` must be safe already."""
        digest = hashlib.sha256(data).hexdigest()
        relative = f"{FILES}/{digest[:16]}/{file_name}"
        path = self.folder / relative
        if not path.is_file():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{file_name}.tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
        added_at = datetime.now(UTC).isoformat(timespec="seconds")
        return Upload(file_name, relative, digest, added_by, added_at)

    def path(self, upload: Upload) -> Path:
        """Where an upload's file is stored."""
        return self.folder / upload.file

    def load_upload(self, upload: Upload) -> SourceDocument:
        """Parse an uploaded file (cached by content), indexed under its `doc` name.

        Raises:
            DocumentError: The file cannot be read or holds no text.

        """
        key = (upload.sha256, upload.doc)
        if key in self._parsed:
            self._parsed.move_to_end(key)
            return self._parsed[key]
        path = self.path(upload)
        document = load_document(path, path.parent)
        document.doc = upload.doc
        self._parsed[key] = document
        while len(self._parsed) > _CACHE_SIZE:
            self._parsed.popitem(last=False)
        return document

    def load(self, sources: SourceSet) -> tuple[list[SourceDocument], list[DocumentError]]:
        """Every document of the set (base folder minus hidden, plus uploads), and failures.

        Raises:
            DocumentError: The base folder does not exist.

        """
        documents, errors = load_directory(self.base_dir(sources))
        uploaded = {upload.doc for upload in sources.uploads}
        hidden = set(sources.hidden) | uploaded  # an upload replaces a base file of its name
        documents = [d for d in documents if d.doc not in hidden]
        for upload in sources.uploads:
            try:
                documents.append(self.load_upload(upload))
            except DocumentError as error:
                errors.append(error)
        return documents, errors

    def base_documents(self, sources: SourceSet) -> set[str]:
        """Names of the documents the base folder provides (hidden ones included)."""
        root = self.base_dir(sources)
        if not root.is_dir():
            return set()
        files = (p for p in root.rglob("*") if p.is_file())
        documents = (p for p in files if not _hidden(p, root) and not is_questions_file(p))
        return {p.relative_to(root).as_posix() for p in documents}

    def delete_unused(self, keep: Iterable[SourceSet]) -> list[str]:
        """Delete stored files no kept set refers to; returns what was deleted."""
        wanted = {Path(upload.file).parent.name for sources in keep for upload in sources.uploads}
        folder = self.folder / FILES
        if not folder.is_dir():
            return []
        removed = []
        for entry in folder.iterdir():
            if entry.name not in wanted:
                shutil.rmtree(entry, ignore_errors=True)
                removed.append(entry.name)
        return removed


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in path.relative_to(root).parts)
