"""The test-question gate: hit@3 on the staged vs the live version, regressions listed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np

from retrieval.gate import (
    GOLDEN_SET,
    CachedQueries,
    GateQuestion,
    GateResult,
    QuestionGate,
    compare,
    golden_questions,
)
from retrieval.index import KnowledgeIndex, StoreConfig
from retrieval.knowledge_base import KnowledgeBase
from tests.fakes import HashEmbedder


def _questions(*ids: str) -> list[GateQuestion]:
    return [GateQuestion(i, f"question {i}", ("gold",)) for i in ids]


def test_a_question_found_live_but_not_staged_is_a_regression() -> None:
    questions = _questions("a", "b", "c")
    result = compare(questions, frozenset({"a", "b"}), frozenset({"b", "c"}))
    assert [q.id for q in result.regressions] == ["a"]
    assert [q.id for q in result.fixed] == ["c"]
    assert result.passed  # 2 found before, 2 after: the rate did not drop


def test_the_gate_fails_when_the_hit_rate_drops() -> None:
    result = compare(_questions("a", "b"), frozenset({"a", "b"}), frozenset({"b"}))
    assert not result.passed
    assert (result.live_rate, result.staged_rate) == (1.0, 0.5)


def test_results_survive_a_round_trip_through_json() -> None:
    result = compare(_questions("a", "b"), frozenset({"a"}), frozenset())
    again = GateResult.from_dict(json.loads(json.dumps(result.to_dict())))
    assert again == result


def test_the_shipped_golden_set_gives_the_answerable_questions() -> None:
    questions = golden_questions(GOLDEN_SET)
    rows = [json.loads(line) for line in GOLDEN_SET.read_text(encoding="utf-8").splitlines()]
    answerable = {row["id"] for row in rows if row.get("answerable", True) and row.get("gold")}
    assert {q.id for q in questions} == answerable
    assert all(q.expected for q in questions)


def _kb(tmp_path: Path, docs: dict[str, str]) -> KnowledgeBase:
    folder = tmp_path / "src"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    for name, body in docs.items():
        (folder / name).write_text(body, encoding="utf-8")
    return KnowledgeBase(tmp_path / "index", HashEmbedder, StoreConfig(), folder)


def test_removing_the_document_that_answers_shows_the_regression(tmp_path: Path) -> None:
    docs = {
        "levels.md": "## สไลด์ 1\n\nระดับการเสริมอำนาจ empower ให้ประชาชนตัดสินใจเอง",
        "leaders.md": "## สไลด์ 1\n\nผู้นำที่เข้มแข็ง strong leadership ช่วยให้สำเร็จ",
    }
    kb = _kb(tmp_path, docs)
    live = kb.live()
    questions = [
        GateQuestion("q1", "ระดับการเสริมอำนาจคืออะไร", ("ให้ประชาชนตัดสินใจเอง",)),
        GateQuestion("q2", "ผู้นำที่เข้มแข็ง", ("strong leadership",)),
    ]
    staged_report = kb.stage_sources(kb.sources().without("levels.md"))
    staged = KnowledgeIndex.load(kb.versions.path(staged_report.version), kb.store)
    result = QuestionGate(HashEmbedder).run(live, staged, questions)
    assert (result.live_hits, result.staged_hits) == (2, 1)
    assert [q.id for q in result.regressions] == ["q1"]
    assert not result.passed


def test_nothing_live_means_nothing_can_regress(tmp_path: Path) -> None:
    kb = _kb(tmp_path, {"a.md": "## สไลด์ 1\n\nเนื้อหาเรื่องการมีส่วนร่วม"})
    questions = [GateQuestion("q", "การมีส่วนร่วม", ("การมีส่วนร่วม",))]
    result = QuestionGate(HashEmbedder).run(None, kb.live(), questions)
    assert (result.live_hits, result.staged_hits, result.passed) == (0, 1, True)


class CountingEmbedder(HashEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.query_calls: list[int] = []

    def embed_queries(self, texts: Any) -> Any:
        self.query_calls.append(len(texts))
        return super().embed_queries(texts)


def test_each_test_question_is_embedded_once_in_batches() -> None:
    embedder = CountingEmbedder()
    cached = CachedQueries(embedder)
    first = cached.embed_queries(["ก", "ข"])
    again = cached.embed_queries(["ข", "ก", "ข"])
    assert embedder.query_calls == [2]
    np.testing.assert_array_equal(again[1], first[0])


def test_the_real_gate_passes_an_unchanged_lecture_and_catches_its_removal(
    lecture_answerer: Any,
) -> None:
    """With the real model: same version, same hits; without the lecture, every hit is lost."""
    kb = lecture_answerer.knowledge_base
    live = kb.live()
    gate = QuestionGate(lambda: kb.embedder, lecture_answerer.search_config)
    questions = golden_questions()
    same = gate.run(live, live, questions)
    assert same.passed and not same.regressions and same.staged_hits == same.live_hits
    assert same.live_rate > 0.5  # the lecture answers most of its own golden questions
    no_vectors = np.zeros((0, live.vectors.shape[1]), np.float32)
    empty = KnowledgeIndex("empty", live.model_id, [], no_vectors, [], {})
    removed = gate.run(live, empty, questions)
    assert removed.staged_hits == 0 and len(removed.regressions) == same.live_hits
    assert not removed.passed
