"""The two peers `make bench` measures RuamKit against."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from knowledge import thai
from knowledge.loaders import load_directory
from retrieval.embeddings import Embedder
from retrieval.evaluation import (
    LectureItem,
    Metrics,
    first_hit_rank,
    is_gold_unit,
    is_lecture_hit,
    load_corpus_documents,
    load_corpus_queries,
    unique_in_order,
)
from retrieval.keyword import BM25Index
from retrieval.naive_peer import NaiveLangChainPipeline

DEPTH = 60


def bm25_corpus(corpus: Path, queries: Path) -> dict[str, Any]:
    """BM25 over newmm tokens of each whole corpus passage (title + text)."""
    documents = load_corpus_documents(corpus)
    index = BM25Index([thai.search_tokens(f"{d.title}\n{d.sections[0].text}") for d in documents])
    metrics = Metrics()
    for query in load_corpus_queries(queries):
        ranked = [documents[i].doc for i, _ in index.top(thai.search_tokens(query.question), 5)]
        metrics.add_ranking(first_hit_rank(doc in query.gold_ids for doc in ranked))
    return metrics.summary()


def bm25_lecture(source_dir: Path, items: Sequence[LectureItem]) -> dict[str, Any]:
    """BM25 over newmm tokens of each slide (retrieval only: it cannot refuse)."""
    documents, _ = load_directory(source_dir)
    slides = [s for d in documents for s in d.sections]
    index = BM25Index([thai.search_tokens(s.text) for s in slides])
    metrics = Metrics()
    for item in items:
        if item.answerable:
            top = [slides[i] for i, _ in index.top(thai.search_tokens(item.question), 5)]
            flags = (is_gold_unit(s.locator.number, s.locator.unit, s.text, item) for s in top)
            metrics.add_ranking(first_hit_rank(flags))
    return metrics.summary()


def naive_corpus(embedder: Embedder, corpus: Path, queries: Path, work: Path) -> dict[str, Any]:
    """The naive LangChain pipeline on a corpus/queries set, plus its indexing speed."""
    pipeline = NaiveLangChainPipeline(embedder, work / "naive-corpus")
    started = time.perf_counter()
    chunks = pipeline.index(load_corpus_documents(corpus))
    per_second = chunks / (time.perf_counter() - started)
    metrics = Metrics()
    for query in load_corpus_queries(queries):
        found = pipeline.search(query.question, DEPTH)
        ranked = unique_in_order(str(d.metadata["doc"]) for d in found)
        metrics.add_ranking(first_hit_rank(doc in query.gold_ids for doc in ranked))
    return {**metrics.summary(), "chunks": chunks, "index_per_s": round(per_second, 1)}


def naive_lecture(
    embedder: Embedder, source_dir: Path, items: Sequence[LectureItem], work: Path
) -> dict[str, Any]:
    """The naive LangChain pipeline on the lecture (retrieval only: it cannot refuse).

    Its chunks cross slide borders, so a hit needs a gold string; a set whose questions name
    gold slides only (lecture_fresh.jsonl) gets no figures rather than zeros.
    """
    if not any(item.gold for item in items):
        return {}
    pipeline = NaiveLangChainPipeline(embedder, work / f"naive-lecture-{len(items)}")
    documents, _ = load_directory(source_dir)
    pipeline.index(documents)
    metrics = Metrics()
    for item in items:
        if item.answerable:
            found = pipeline.search(item.question, 5)
            flags = (is_lecture_hit(d.page_content, item.gold) for d in found)
            metrics.add_ranking(first_hit_rank(flags))
    return metrics.summary()
