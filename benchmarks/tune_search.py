"""Fit the search ranker on the golden TRAIN split (plus tuning-only sets), report on train.

Usage: `python -m benchmarks.tune_search [--golden FILE] [--extra FILE...] [--c C...]`. For
every train question, each unit's features (retrieval.ranking.FEATURES) are computed; a
logistic regression on pairs (gold unit minus other unit) gives the linear ranker's weights.
`--extra` adds whole sets to the fit (default: lecture_fresh.jsonl, a development set written
from the structured lecture; it is tuned on and so never reported as evidence). Prints the
weights to paste into `retrieval/hybrid.py` (`FITTED_WEIGHTS`) with the train figures. The
golden test split is never read.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

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
from retrieval.index import KnowledgeIndex
from retrieval.ranking import FEATURES
from retrieval.search import HybridSearcher

GOLDEN_DIR = Path(__file__).resolve().parent.parent / "knowledge" / "golden"
GOLDEN = GOLDEN_DIR / "lecture_split.jsonl"
EXTRA = [GOLDEN_DIR / "lecture_fresh.jsonl"]


def score(
    searcher: HybridSearcher, index: KnowledgeIndex, items: list[LectureItem]
) -> dict[str, Any]:
    """Train hit@k and MRR of one configuration."""
    metrics = Metrics()
    for i in items:
        hits = searcher.search(index, i.question, 5).hits
        flags = (is_gold_unit(h.passage.number, h.passage.unit, h.passage.text, i) for h in hits)
        metrics.add_ranking(first_hit_rank(flags))
    return metrics.summary()


def pairs(
    searcher: HybridSearcher, index: KnowledgeIndex, items: list[LectureItem]
) -> tuple[np.ndarray, np.ndarray]:
    """Feature differences gold - other (label 1) and other - gold (label 0)."""
    rows = []
    for item in items:
        features = searcher.features(index, item.question)
        gold = np.array(
            [is_gold_unit(u.number, u.unit, u.plain, item) for u in index.units], dtype=bool
        )
        if not gold.any():
            continue
        best_gold = features[gold]
        for other in features[~gold]:
            for g in best_gold:
                rows.append(g - other)
    x = np.array(rows)
    return np.vstack([x, -x]), np.concatenate([np.ones(len(x)), np.zeros(len(x))])


def main() -> None:
    """Fit on train; print the weights and the train figures before and after."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--golden", type=Path, default=GOLDEN)
    parser.add_argument("--extra", type=Path, nargs="*", default=EXTRA)
    parser.add_argument("--c", type=float, nargs="+", default=[0.03, 0.1, 0.3])
    args = parser.parse_args()
    limit_threads()
    answerer = build_qa(Settings()).answerer
    index = answerer.knowledge_base.live()
    embedder = CachedQueries(answerer.knowledge_base.embedder)
    items = [i for i in load_lecture_set(args.golden, "train") if i.answerable]
    extra = [i for path in args.extra for i in load_lecture_set(path) if i.answerable]
    base = HybridSearcher(embedder, SearchConfig())
    print("current: train", score(base, index, items), "extra", score(base, index, extra))
    x, y = pairs(base, index, items + extra)
    for c in args.c:
        model = LogisticRegression(C=c, fit_intercept=False, max_iter=2000)
        model.fit(x, y)
        weights = tuple(round(float(w), 3) for w in model.coef_[0])
        searcher = HybridSearcher(embedder, replace(SearchConfig(), ranker=weights))
        print(f"C={c}:", dict(zip(FEATURES, weights, strict=True)))
        print(f"  FITTED_WEIGHTS = {weights}")
        print("  train:", score(searcher, index, items), "extra:", score(searcher, index, extra))


if __name__ == "__main__":
    main()
