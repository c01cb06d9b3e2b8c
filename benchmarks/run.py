"""`make bench`: quality and speed of RuamKit next to two peers, written to docs/benchmarks.md.

Peers, measured in the same run on the same machine and model:
- BM25 over PyThaiNLP `newmm` tokens alone;
- a naive LangChain pipeline (RecursiveCharacterTextSplitter 1000/200 + Chroma, dense only).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.load_report import keep_section
from benchmarks.peers import bm25_corpus, bm25_lecture, naive_corpus, naive_lecture
from benchmarks.report import render
from bot.cli.evaluate import score_lecture
from bot.services import build_qa, limit_threads
from core.settings import Settings
from retrieval.embeddings import Embedder
from retrieval.evaluation import (
    LectureItem,
    Metrics,
    first_hit_rank,
    load_corpus_documents,
    load_corpus_queries,
    load_lecture_set,
    unique_in_order,
)
from retrieval.index import StoreConfig
from retrieval.knowledge_base import KnowledgeBase, index_root
from retrieval.qa import QuestionAnswerer

ROUNDS = 5


def settings_for(data_dir: Path) -> Settings:
    """Settings on a fresh data dir that share the already converted model."""
    base = Settings()
    return Settings(ruamkit_data_dir=data_dir, ruamkit_models_dir=base.models_dir)


ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "knowledge" / "golden" / "lecture_split.jsonl"
FRESH = ROOT / "knowledge" / "golden" / "lecture_fresh.jsonl"
OFFICIALS = ROOT / "knowledge" / "golden" / "lecture_officials.jsonl"


def lecture_sets(eval_dir: Path) -> dict[str, list[LectureItem]]:
    """The lecture-style sets, the held-out golden test split first."""
    return {
        "golden_test": load_lecture_set(GOLDEN, "test"),
        "officials": load_lecture_set(OFFICIALS),
        "golden_train": load_lecture_set(GOLDEN, "train"),
        "dev": load_lecture_set(eval_dir / "lecture_dev.jsonl"),
        "fresh": load_lecture_set(FRESH),
    }


def corpus_quality(answerer: QuestionAnswerer, queries: Path) -> dict[str, Any]:
    """RuamKit's document-level hit@k on a corpus/queries set."""
    index = answerer.knowledge_base.live()
    metrics = Metrics()
    for query in load_corpus_queries(queries):
        result = answerer.searcher.search(index, query.question, 60)
        ranked = unique_in_order(h.passage.doc for h in result.hits)
        metrics.add_ranking(first_hit_rank(doc in query.gold_ids for doc in ranked))
    return metrics.summary()


def latency(answerer: QuestionAnswerer, questions: list[str]) -> dict[str, float]:
    """Warm extractive `ask` latency over the questions, several rounds."""
    answerer.ask(questions[0])
    samples = []
    for _ in range(ROUNDS):
        for question in questions:
            started = time.perf_counter()
            answerer.ask(question)
            samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(samples[int(0.95 * (len(samples) - 1))], 1),
        "n": len(samples),
    }


def shared_kb(settings: Settings, embedder: Embedder) -> KnowledgeBase:
    """A knowledge base under the bench dir that reuses the already loaded model."""
    root = index_root(settings.data_dir / "bench-index", embedder.model_id)
    return KnowledgeBase(root, lambda: embedder, StoreConfig(), settings.source_dir)


def indexing(kb: KnowledgeBase, corpus: Path) -> dict[str, Any]:
    """RuamKit's full index build vs raw sentence-transformers encoding of the same chunks."""
    documents = load_corpus_documents(corpus)
    from retrieval.builder import make_passages

    embedder = kb.embedder
    texts = [p.embedding_text for p in make_passages(documents, embedder)]
    embedder.embed_passages(texts[:32])  # warm-up
    started = time.perf_counter()
    embedder.embed_passages(texts)
    raw = len(texts) / (time.perf_counter() - started)
    started = time.perf_counter()
    report = kb.reload_documents(documents, source=str(corpus), actor="bench")
    built = report.passages / (time.perf_counter() - started)
    return {
        "passages": report.passages,
        "raw_per_s": round(raw, 1),
        "ruamkit_per_s": round(built, 1),
        "ratio": round(built / raw, 3),
    }


def lecture_build(settings: Settings, embedder: Embedder) -> dict[str, Any]:
    """A from-scratch build of the lecture index: passages, views and seconds."""
    root = index_root(settings.data_dir / "bench-lecture", embedder.model_id)
    kb = KnowledgeBase(root, lambda: embedder, StoreConfig(), settings.source_dir)
    started = time.perf_counter()
    report = kb.reload(actor="bench")
    seconds = time.perf_counter() - started
    views = len(kb.live().views)
    return {"passages": report.passages, "views": views, "seconds": round(seconds, 2)}


def child_peak(code: str, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run `code` in a fresh Python; its wall time and its own peak memory."""
    probe = (
        f"{code}\nfrom benchmarks.peak_memory import peak_rss_kb\n"
        "print('PEAK_KB', peak_rss_kb(), file=sys.stderr)\n"
    )
    env = {**env, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", probe, *args], env=env, capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - started
    peak_kb = int(done.stderr.rsplit("PEAK_KB", 1)[1].split()[0])
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_kb / 1024, 1)}


def cold_start(data_dir: Path, question: str, models_dir: Path | None = None) -> dict[str, Any]:
    """A fresh `ruamkit ask` process on an existing index: wall time and peak memory.

    With `models_dir` the converted model is there (a normal start); without it the process
    converts the model into the data dir first (a machine's very first start).
    """
    code = "import sys\nfrom bot.cli import main\nmain(['ask', sys.argv[1], '--json'])"
    env = {**os.environ, "RUAMKIT_DATA_DIR": str(data_dir), "LOG_LEVEL": "WARNING"}
    if models_dir is not None:
        env["RUAMKIT_MODELS_DIR"] = str(models_dir)
    return child_peak(code, [question], env)


def main() -> None:
    """Run everything and write the report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--out", type=Path, default=Path("docs/benchmarks.md"))
    args = parser.parse_args()
    limit_threads()
    corpus = args.eval_dir / "iapp_wiki_test_corpus.jsonl"
    queries = args.eval_dir / "iapp_wiki_test_queries.jsonl"
    with tempfile.TemporaryDirectory(prefix="ruamkit-bench-") as tmp:
        settings = settings_for(Path(tmp))
        lecture = build_qa(settings).answerer
        lecture.warm_up()
        results: dict[str, Any] = {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
        results["machine"] = (
            f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}"
        )
        sets = lecture_sets(args.eval_dir)
        results["lecture"] = {
            name: {"ruamkit": score_lecture(lecture, items)} for name, items in sets.items()
        }
        results["latency"] = latency(lecture, [i.question for i in sets["golden_test"]])
        asked = "การบริหารราชการแบบมีส่วนร่วมคืออะไร"
        results["cold_start"] = cold_start(Path(tmp), asked, settings.models_dir)
        results["first_start"] = cold_start(Path(tmp), asked)  # converts the model too
        embedder = lecture.knowledge_base.embedder
        corpus_kb = shared_kb(settings, embedder)
        results["indexing"] = indexing(corpus_kb, corpus)
        corpus_qa = build_qa(settings, corpus_kb).answerer
        results["iapp"] = {"ruamkit": corpus_quality(corpus_qa, queries)}
        results["iapp"]["bm25_newmm"] = bm25_corpus(corpus, queries)
        results["iapp"]["naive_langchain"] = naive_corpus(embedder, corpus, queries, Path(tmp))
        for name, items in sets.items():
            answerable = [item for item in items if item.answerable]
            rows = results["lecture"][name]
            rows["bm25_newmm"] = bm25_lecture(settings.source_dir, answerable)
            rows["naive_langchain"] = naive_lecture(
                embedder, settings.source_dir, answerable, Path(tmp)
            )
        results["lecture_build"] = lecture_build(settings, embedder)
    # `make bench-load` owns its own section of the same file: keep it.
    args.out.write_text(keep_section(args.out, render(results)), encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
