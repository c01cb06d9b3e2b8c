"""Fit the search weights on the golden TRAIN split only, and report them on train.

Usage: `python -m benchmarks.tune_search [--golden FILE]`. Grid-searches the multi-vector
weights (view dense, view BM25), the agenda penalty and the BM25 weight by train MRR
(ties: hit@1), then prints the best settings to paste into `retrieval/hybrid.py`
(`SearchConfig`). The test split is never read here.
"""

from __future__ import annotations

import argparse
import itertools
from dataclasses import replace
from pathlib import Path

from bot.services import build_qa, limit_threads
from core.settings import Settings
from retrieval.evaluation import (
    LectureItem,
    Metrics,
    first_hit_rank,
    is_gold_unit,
    load_lecture_set,
)
from retrieval.gate import CachedQueries
from retrieval.hybrid import SearchConfig
from retrieval.search import HybridSearcher

GOLDEN = Path(__file__).resolve().parent.parent / "knowledge" / "golden" / "lecture_split.jsonl"


def score(searcher: HybridSearcher, index: object, items: list[LectureItem]) -> dict[str, float]:
    """Train hit@k and MRR of one configuration."""
    metrics = Metrics()
    for i in items:
        hits = searcher.search(index, i.question, 5).hits  # type: ignore[arg-type]
        flags = (is_gold_unit(h.passage.number, h.passage.unit, h.passage.text, i) for h in hits)
        metrics.add_ranking(first_hit_rank(flags))
    return metrics.summary()


def main() -> None:
    """Grid search on train; print the best few configurations."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--golden", type=Path, default=GOLDEN)
    args = parser.parse_args()
    limit_threads()
    answerer = build_qa(Settings()).answerer
    index = answerer.knowledge_base.live()
    embedder = CachedQueries(answerer.knowledge_base.embedder)
    items = [i for i in load_lecture_set(args.golden, "train") if i.answerable]
    results = []
    grid = itertools.product(
        (1.0, 1.3, 1.6),  # BM25 weight
        (0.0, 0.5, 1.0, 1.5, 2.0),  # view dense
        (0.0, 0.25, 0.5, 1.0),  # view BM25
        (2.0, 4.0),  # agenda penalty
    )
    for lexical, view_dense, view_lexical, penalty in grid:
        config = replace(
            SearchConfig(),
            lexical_weight=lexical,
            view_dense_weight=view_dense,
            view_lexical_weight=view_lexical,
            question_penalty=penalty,
        )
        figures = score(HybridSearcher(embedder, config), index, items)
        results.append(((figures["mrr"], figures["hit@1"]), config, figures))
    results.sort(key=lambda r: r[0], reverse=True)
    for _, config, figures in results[:8]:
        print(
            f"lexical={config.lexical_weight} view_dense={config.view_dense_weight} "
            f"view_lexical={config.view_lexical_weight} penalty={config.question_penalty}: "
            f"{figures}"
        )


if __name__ == "__main__":
    main()
