"""`ruamkit kb add|remove|rollback|history|test|audit`, and `kb add` killed midway.

The commands run for real on a tmp data dir; only the embedding model is a fast fake.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import bot.services
from bot.cli import main
from core.settings import Settings
from retrieval.knowledge_base import KnowledgeBase
from tests.bot.kb_support import WASTE_BANK, thai_pdf, write
from tests.fakes import HashEmbedder

REPO = Path(__file__).resolve().parents[2]
LECTURE = "participatory-governance.md"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, models_dir: Path) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("RUAMKIT_DATA_DIR", str(folder))
    monkeypatch.setenv("RUAMKIT_MODELS_DIR", str(models_dir))
    monkeypatch.setattr(bot.services, "embedder_factory", lambda _settings: HashEmbedder)
    return folder


def _kb() -> KnowledgeBase:
    return KnowledgeBase.from_settings(Settings(_env_file=None), HashEmbedder)  # type: ignore[call-arg]


def _live_docs() -> set[str]:
    return {d["doc"] for d in _kb().live().documents()}


def test_add_with_yes_goes_live_and_is_audited(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "waste-bank.md", WASTE_BANK)
    # --force: with the fake model the gate's verdict is arbitrary
    assert main(["kb", "add", str(path), "--yes", "--force"]) == 0
    out = capsys.readouterr().out
    assert "added: waste-bank.md" in out and "test questions:" in out and "live: version" in out
    assert _live_docs() == {LECTURE, "waste-bank.md"}
    assert main(["kb", "list"]) == 0
    assert "added by cli:" in capsys.readouterr().out
    assert main(["kb", "audit"]) == 0
    audit = capsys.readouterr().out
    assert "kb.add.staged" in audit and "kb.published" in audit


def test_add_asks_and_a_non_terminal_cancels(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "waste-bank.md", WASTE_BANK)
    assert main(["kb", "add", str(path)]) == 1  # stdin is not a terminal under pytest
    captured = capsys.readouterr()
    assert "pass --yes" in captured.err and "unchanged" in captured.out
    assert _live_docs() == {LECTURE}


def test_dry_run_previews_without_changing_anything(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "waste-bank.md", WASTE_BANK)
    assert main(["kb", "add", str(path), "--dry-run"]) == 0
    assert "sample Section 1" in capsys.readouterr().out
    assert _live_docs() == {LECTURE}


def test_removing_the_lecture_needs_force_after_regressions(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kb", "remove", LECTURE, "--yes"]) == 1
    out = capsys.readouterr().out
    assert "FEWER than the live version" in out and "no longer found: g0" in out
    assert _live_docs() == {LECTURE}
    assert main(["kb", "remove", LECTURE, "--yes", "--force"]) == 0
    assert LECTURE not in _live_docs()
    assert main(["kb", "rollback"]) == 0
    assert _live_docs() == {LECTURE}
    assert main(["kb", "history"]) == 0
    history = capsys.readouterr().out
    assert "remove" in history and "rollback" in history


def test_bad_files_are_refused_with_the_problem_named(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = write(tmp_path, "scan.pdf", thai_pdf(["", ""], image_only=True))
    assert main(["kb", "add", str(scan), "--yes"]) == 2
    assert "cannot use scan.pdf: no text found" in capsys.readouterr().err
    assert main(["kb", "add", str(tmp_path / "missing.pdf")]) == 2
    assert "cannot read" in capsys.readouterr().err
    noise = write(tmp_path, "x.pdf", b"\x00" + random.Random(7).randbytes(4095))
    assert main(["kb", "add", str(noise), "--yes"]) == 2
    err = capsys.readouterr().err
    assert "cannot use x.pdf: this file is not a valid PDF" in err and "supported" not in err
    blank = write(tmp_path, "blank.txt", b"  \n\t\n   \n")
    assert main(["kb", "add", str(blank), "--yes"]) == 2
    err = capsys.readouterr().err
    assert "cannot use blank.txt: the file has no text" in err and "scan" not in err


def test_test_questions_from_the_command_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["kb", "test", "add", "ธนาคารขยะคืออะไร", "รับซื้อขยะรีไซเคิล"]) == 0
    assert "#1 added" in capsys.readouterr().out
    assert main(["kb", "test", "list"]) == 0
    assert "ธนาคารขยะคืออะไร" in capsys.readouterr().out
    assert main(["kb", "test", "remove", "1"]) == 0
    assert main(["kb", "test", "remove", "1"]) == 2  # a clear error, not a traceback


KILLED_ADD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    sys.path.insert(0, {repo!r})
    import bot.services
    from tests.fakes import HashEmbedder

    class Announcing(HashEmbedder):
        def embed_passages(self, texts, **kw):
            if any("ธนาคารขยะ" in text for text in texts):
                Path({marker!r}).write_text("embedding the new document")
                self.delay_s = 5
            return super().embed_passages(texts, **kw)

    bot.services.embedder_factory = lambda settings: Announcing
    from bot.cli import main
    sys.exit(main(["kb", "add", {file!r}, "--yes", "--force"]))
    """
)


def test_kb_add_killed_midway_leaves_the_live_index_answering(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _kb().live().version  # the lecture goes live first
    marker = tmp_path / "marker"
    path = write(tmp_path, "waste-bank.md", WASTE_BANK)
    script = KILLED_ADD.format(repo=str(REPO), marker=str(marker), file=str(path))
    process = subprocess.Popen([sys.executable, "-c", script], env={**os.environ})
    deadline = time.monotonic() + 120
    while not marker.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the add never reached the embedding step"
    process.send_signal(signal.SIGKILL)
    process.wait()

    kb = _kb()
    assert kb.live().version == before
    assert "waste-bank.md" not in {d["doc"] for d in kb.live().documents()}
    assert kb.live().passages  # still answering from the lecture
    assert main(["kb", "add", str(path), "--yes", "--force"]) == 0  # the dead add held nothing
    assert "waste-bank.md" in _live_docs()
    capsys.readouterr()
    assert main(["kb", "audit"]) == 0
    assert "kb.expired" in capsys.readouterr().out
