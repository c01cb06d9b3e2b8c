"""Reloads: atomic, incremental, with rollback and a writer lock (fake embedder, real Chroma)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from core.errors import IndexBusyError, IndexError_
from retrieval.index import StoreConfig
from retrieval.knowledge_base import KnowledgeBase
from tests.fakes import HashEmbedder

REPO = Path(__file__).resolve().parents[2]


def _write(folder: Path, name: str, slides: list[str]) -> None:
    body = "\n\n".join(f"## สไลด์ {i}\n\n{text}" for i, text in enumerate(slides, start=1))
    (folder / name).write_text(f"---\ntitle: {name}\n---\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    _write(folder, "levels.md", ["ระดับการให้ข้อมูล inform", "ระดับการเสริมอำนาจ empower"])
    _write(folder, "factors.md", ["ผู้นำที่เข้มแข็ง strong leadership"])
    return folder


def _kb(tmp_path: Path, embedder: HashEmbedder, sources: Path) -> KnowledgeBase:
    return KnowledgeBase(tmp_path / "index", lambda: embedder, StoreConfig(), sources)


def test_first_use_builds_the_index_from_the_sources(tmp_path: Path, sources: Path) -> None:
    kb = _kb(tmp_path, HashEmbedder(), sources)
    index = kb.live()
    assert {d["doc"] for d in index.documents()} == {"levels.md", "factors.md"}
    assert {p.label() for p in index.passages} >= {"สไลด์ 1", "สไลด์ 2"}


def test_unchanged_passages_are_not_embedded_again(tmp_path: Path, sources: Path) -> None:
    embedder = HashEmbedder()
    kb = _kb(tmp_path, embedder, sources)
    first = kb.reload()
    assert first.embedded == first.passages == 3
    _write(sources, "levels.md", ["ระดับการให้ข้อมูล inform", "ระดับร่วมคิดร่วมทำ collaborate"])
    (sources / "factors.md").unlink()
    _write(sources, "pitfalls.md", ["ภาพลวงตา"])
    second = kb.reload()
    assert (second.added, second.changed, second.removed) == (
        ["pitfalls.md"],
        ["levels.md"],
        ["factors.md"],
    )
    assert second.embedded == 2  # the changed slide and the new file only
    assert second.reused == 1
    assert {d["doc"] for d in kb.live().documents()} == {"levels.md", "pitfalls.md"}


def test_reload_without_changes_keeps_the_live_version(tmp_path: Path, sources: Path) -> None:
    kb = _kb(tmp_path, HashEmbedder(), sources)
    kb.reload()
    live = kb.versions.current()
    report = kb.reload()
    assert report.unchanged == ["factors.md", "levels.md"] and not report.live
    assert kb.versions.current() == live


def test_a_failing_reload_leaves_the_old_index_answering(tmp_path: Path, sources: Path) -> None:
    embedder = HashEmbedder()
    kb = _kb(tmp_path, embedder, sources)
    kb.reload()
    before = kb.live().version

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("model crashed")

    embedder.embed_passages = broken  # type: ignore[method-assign]
    _write(sources, "new.md", ["เนื้อหาใหม่"])
    with pytest.raises(RuntimeError):
        kb.reload()
    assert kb.live().version == before
    assert "new.md" not in {d["doc"] for d in kb.live().documents()}


def test_rollback_restores_the_previous_version(tmp_path: Path, sources: Path) -> None:
    kb = _kb(tmp_path, HashEmbedder(), sources)
    kb.reload()
    _write(sources, "new.md", ["เนื้อหาใหม่"])
    kb.reload()
    assert "new.md" in {d["doc"] for d in kb.live().documents()}
    kb.rollback(actor="test")
    assert "new.md" not in {d["doc"] for d in kb.live().documents()}
    assert [e.action for e in kb.history()] == ["reload", "reload", "rollback"]


def test_rollback_without_history_is_a_clear_error(tmp_path: Path, sources: Path) -> None:
    kb = _kb(tmp_path, HashEmbedder(), sources)
    kb.reload()
    with pytest.raises(IndexError_, match="no earlier version"):
        kb.rollback()


def test_a_second_writer_is_told_to_wait(tmp_path: Path, sources: Path) -> None:
    kb = _kb(tmp_path, HashEmbedder(), sources)
    with kb.versions.writer_lock(), pytest.raises(IndexBusyError):
        kb.reload()


KILLED_RELOAD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    from retrieval.index import StoreConfig
    from retrieval.knowledge_base import KnowledgeBase
    from tests.fakes import HashEmbedder

    class Announcing(HashEmbedder):
        def embed_passages(self, texts, **kw):
            Path({marker!r}).write_text("embedding")
            return super().embed_passages(texts, **kw)

    kb = KnowledgeBase(Path({root!r}), lambda: Announcing(delay_s=5), StoreConfig(), Path({src!r}))
    kb.reload()
    """
)


def test_a_reload_killed_midway_leaves_the_old_index_answering(
    tmp_path: Path, sources: Path
) -> None:
    kb = _kb(tmp_path, HashEmbedder(), sources)
    kb.reload()
    before = kb.live()
    _write(sources, "new.md", ["เนื้อหาใหม่ที่ยังไม่ควรตอบ"])
    marker = tmp_path / "marker"
    script = KILLED_RELOAD.format(
        repo=str(REPO), marker=str(marker), root=str(tmp_path / "index"), src=str(sources)
    )
    process = subprocess.Popen([sys.executable, "-c", script], env={**os.environ})
    deadline = time.monotonic() + 60
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the reload never reached the embedding step"
    process.send_signal(signal.SIGKILL)
    process.wait()
    fresh = _kb(tmp_path, HashEmbedder(), sources)
    assert fresh.live().version == before.version
    assert "new.md" not in {d["doc"] for d in fresh.live().documents()}
    report = fresh.reload()  # the lock died with the process; leftovers are pruned
    assert report.added == ["new.md"]
