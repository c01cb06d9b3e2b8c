"""The `ruamkit` command line: the JSON contracts scripts rely on, and kb/eval output."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main

pytestmark = pytest.mark.slow
CITATION_KEYS = {"doc", "title", "unit", "number", "label", "text"}


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch,
    lecture_answerer: Any,
    lecture_data_dir: Path,
    models_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> Any:
    """Run `ruamkit ARGS` in-process over the shared lecture index and the loaded model."""
    monkeypatch.setenv("RUAMKIT_DATA_DIR", str(lecture_data_dir))
    monkeypatch.setenv("RUAMKIT_MODELS_DIR", str(models_dir))
    embedder = lecture_answerer.knowledge_base.embedder
    monkeypatch.setattr("bot.services.load_embedder", lambda _settings: embedder)

    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(args))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_ask_json_prints_the_answer_object(cli: Any) -> None:
    code, out, _ = cli("ask", "government กับ governance ต่างกันอย่างไร", "--json")
    answer = json.loads(out)
    assert code == 0 and answer["found"] is True
    assert answer["citations"] and set(answer["citations"][0]) == CITATION_KEYS
    assert {c["doc"] for c in answer["citations"]} == {"participatory-governance.md"}
    assert 14 in {c["number"] for c in answer["citations"]}


def test_ask_jsonl_keeps_ids_and_order_and_reports_bad_lines(cli: Any) -> None:
    lines = [
        json.dumps({"id": "a", "question": "ปัจจัยความสำเร็จมีอะไรบ้าง"}, ensure_ascii=False),
        "not json",
        json.dumps({"id": 7, "question": "How do I bake bread?"}),
    ]
    code, out, err = cli("ask", "--jsonl", stdin="\n".join(lines) + "\n")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["id"] for r in rows] == ["a", 7]
    assert rows[0]["found"] is True and rows[1]["found"] is False
    assert rows[1]["citations"] == []
    assert "line 2" in err


def test_search_json_ranks_passages_with_scores(cli: Any) -> None:
    code, out, _ = cli("search", "ข้อควรระวัง", "--k", "3", "--json")
    results = json.loads(out)
    assert code == 0 and len(results) == 3
    assert set(results[0]) == CITATION_KEYS | {"score"}
    assert results[0]["label"] == "สไลด์ 22"
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_search_jsonl_wraps_results_with_the_id(cli: Any) -> None:
    line = json.dumps({"id": "q1", "question": "EPA"})
    code, out, _ = cli("search", "--jsonl", "--k", "2", stdin=line + "\n")
    row = json.loads(out)
    assert code == 0 and row["id"] == "q1" and len(row["results"]) == 2


def test_plain_ask_prints_sources(cli: Any) -> None:
    code, out, _ = cli("ask", "การบริหารราชการแบบมีส่วนร่วมคืออะไร")
    assert code == 0 and "แหล่งอ้างอิง:" in out and "[สไลด์ 4]" in out


def test_eval_reports_hits_and_refusals(cli: Any, tmp_path: Path) -> None:
    items = [
        {"id": "1", "question": "ข้อควรระวังมีอะไรบ้าง", "answerable": True, "gold": ["ภาพลวงตา"]},
        {"id": "2", "question": "วิธีต่อพาสปอร์ต", "answerable": False, "gold": []},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), "utf-8")
    code, out, _ = cli("eval", str(path), "--json")
    summary = json.loads(out)
    assert code == 0 and summary["hit@1"] == 1.0 and summary["refusal_accuracy"] == 1.0


def test_kb_reload_reports_changes_for_a_folder(
    cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RUAMKIT_DATA_DIR", str(tmp_path / "data"))  # leave the shared index be
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "note.md").write_text("# บันทึก\n\nการประชุมประชาคมหมู่บ้าน", "utf-8")
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    code, out, err = cli("kb", "reload", "--source", str(folder))
    assert "added: 1  (note.md)" in out
    assert "broken.pdf" in err and code == 1  # reported, and the other file still loaded
    (folder / "broken.pdf").unlink()
    (folder / "note.md").write_text("# บันทึก\n\nการประชุมประชาคมตำบล", "utf-8")
    code, out, _ = cli("kb", "reload", "--source", str(folder))
    assert code == 0 and "changed: 1  (note.md)" in out and "embedded 1" in out
    code, out, _ = cli("kb", "list")
    assert "note.md" in out and "1 passages" in out
