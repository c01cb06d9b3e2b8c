"""What a staged version would change, for the admin to read before it goes live."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from knowledge.models import Locator
from knowledge.validation import Notice
from retrieval.builder import ReloadReport
from retrieval.index import KnowledgeIndex
from retrieval.passages import Passage

SAMPLES_PER_DOCUMENT = 2
SAMPLE_CHARS = 220
LITTLE_TEXT_CHARS = 200


@dataclass(frozen=True)
class DocumentChange:
    """One document added, changed or removed, with its passage counts."""

    doc: str
    title: str
    status: str  # added, changed, removed
    passages_before: int
    passages_after: int
    passages_added: int
    passages_removed: int


@dataclass(frozen=True)
class SamplePassage:
    """A new passage as it will be cited: document, locator and the start of its text."""

    doc: str
    title: str
    unit: str
    number: int
    text: str

    def label(self, lang: str = "th") -> str:
        """The citation label, e.g. "หน้า 3" or "Page 3"."""
        return Locator(self.unit, self.number).label(lang)  # type: ignore[arg-type]


@dataclass(frozen=True)
class StagePreview:
    """Per-document changes, passage totals, sample passages and warnings."""

    version: str
    changes: tuple[DocumentChange, ...]
    passages_before: int
    passages_after: int
    samples: tuple[SamplePassage, ...]
    warnings: tuple[Notice, ...]

    @property
    def passages_added(self) -> int:
        """New passages across all documents."""
        return sum(change.passages_added for change in self.changes)

    @property
    def passages_removed(self) -> int:
        """Passages that disappear across all documents."""
        return sum(change.passages_removed for change in self.changes)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (kept with a pending change)."""
        data = asdict(self)
        data["warnings"] = [{"code": n.code, "values": n.values} for n in self.warnings]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StagePreview:
        """Inverse of `to_dict`."""
        return cls(
            str(data["version"]),
            tuple(DocumentChange(**item) for item in data.get("changes", [])),
            int(data.get("passages_before", 0)),
            int(data.get("passages_after", 0)),
            tuple(SamplePassage(**item) for item in data.get("samples", [])),
            tuple(Notice(n["code"], dict(n.get("values", {}))) for n in data.get("warnings", [])),
        )


def build_preview(
    live: KnowledgeIndex | None,
    staged: KnowledgeIndex,
    report: ReloadReport,
    notices: Sequence[Notice] = (),
) -> StagePreview:
    """Compare the staged version with the live one, document by document."""
    before = live.passages if live is not None else []
    changes = _changes(before, staged.passages, report)
    touched = {c.doc for c in changes if c.status != "removed"}
    return StagePreview(
        version=staged.version,
        changes=tuple(changes),
        passages_before=len(before),
        passages_after=len(staged.passages),
        samples=tuple(_samples(before, staged.passages, touched)),
        warnings=tuple([*notices, *_warnings(staged, report, touched)]),
    )


def _changes(
    before: Sequence[Passage], after: Sequence[Passage], report: ReloadReport
) -> list[DocumentChange]:
    old, new = _texts_by_doc(before), _texts_by_doc(after)
    titles = {p.doc: p.title for p in (*before, *after)}
    changes = []
    for status, docs in (
        ("added", report.added),
        ("changed", report.changed),
        ("removed", report.removed),
    ):
        for doc in docs:
            was, now = old.get(doc, Counter()), new.get(doc, Counter())
            changes.append(
                DocumentChange(
                    doc=doc,
                    title=titles.get(doc, doc),
                    status=status,
                    passages_before=sum(was.values()),
                    passages_after=sum(now.values()),
                    passages_added=sum((now - was).values()),
                    passages_removed=sum((was - now).values()),
                )
            )
    return changes


def _texts_by_doc(passages: Sequence[Passage]) -> dict[str, Counter[str]]:
    found: dict[str, Counter[str]] = {}
    for passage in passages:
        found.setdefault(passage.doc, Counter())[passage.embedding_text] += 1
    return found


def _samples(
    before: Sequence[Passage], after: Sequence[Passage], docs: set[str]
) -> list[SamplePassage]:
    """The first new passages of each added or changed document."""
    known = {(p.doc, p.embedding_text) for p in before}
    picked: list[SamplePassage] = []
    per_doc: Counter[str] = Counter()
    for passage in after:
        if passage.doc not in docs or (passage.doc, passage.embedding_text) in known:
            continue
        if per_doc[passage.doc] < SAMPLES_PER_DOCUMENT:
            per_doc[passage.doc] += 1
            picked.append(_sample(passage))
    return picked


def _sample(passage: Passage) -> SamplePassage:
    text = " ".join(passage.text.split())
    if len(text) > SAMPLE_CHARS:
        text = text[: SAMPLE_CHARS - 1].rstrip() + "…"
    return SamplePassage(passage.doc, passage.title, passage.unit, passage.number, text)


def _warnings(staged: KnowledgeIndex, report: ReloadReport, touched: set[str]) -> list[Notice]:
    """Load failures, empty results, thin documents and titles two documents share."""
    notices = [
        Notice("load_error", {"doc": error.path.name, "reason": error.reason})
        for error in report.errors
    ]
    if not staged.passages:
        notices.append(Notice("empty_index"))
    chars: Counter[str] = Counter()
    for passage in staged.passages:
        chars[passage.doc] += len(passage.text)
    notices += [
        Notice("little_text", {"doc": doc, "chars": chars[doc]})
        for doc in sorted(touched)
        if chars[doc] < LITTLE_TEXT_CHARS
    ]
    titles: dict[str, str] = {}
    for entry in staged.documents():
        other = titles.setdefault(entry["title"], entry["doc"])
        if other != entry["doc"] and touched & {entry["doc"], other}:
            notices.append(Notice("same_title", {"doc": entry["doc"], "other": other}))
    return notices
