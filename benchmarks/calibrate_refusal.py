"""Fit the refusal model's weights on the golden TRAIN split and print them.

Usage: `python -m benchmarks.calibrate_refusal [--golden FILE] [--check FILE]`. Only the
train split (and the older shipped set, all of it train) is read for fitting. Paste the
printed weights into `retrieval/refusal.py` (`RefusalModel`). Uses scikit-learn, which
sentence-transformers already installs.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from bot.services import build_qa, limit_threads
from core.settings import Settings
from retrieval.evaluation import load_lecture_set, splits_of
from retrieval.qa import QuestionAnswerer

GOLDEN_DIR = Path(__file__).resolve().parent.parent / "knowledge" / "golden"
PLAIN_SIGNALS = 6  # CoverageSignals without the in-scope log-odds
TRAIN_SETS = (GOLDEN_DIR / "lecture_split.jsonl", GOLDEN_DIR / "lecture.jsonl")


def features(
    answerer: QuestionAnswerer, paths: Sequence[Path], split: str | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Signal vectors and answerable labels of lecture-style sets (one split of each)."""
    rows, labels = [], []
    items = [
        item
        for path in paths
        for item in load_lecture_set(path, split if splits_of(path) else None)
    ]
    for item in items:
        rows.append(answerer.assess(item.question).signals.as_vector())
        labels.append(int(item.answerable))
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """Standardised, class-balanced logistic regression, returned in raw-feature units."""
    mean, std = x.mean(0), x.std(0) + 1e-9
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=1000)
    model.fit((x - mean) / std, y)
    weights = model.coef_[0] / std
    bias = float(model.intercept_[0] - np.sum(model.coef_[0] * mean / std))
    return weights, bias


def choose_threshold(
    x: np.ndarray, y: np.ndarray, weights: np.ndarray, bias: float, max_false: float
) -> float:
    """The threshold refusing the most unanswerable train questions within `max_false`."""
    probability = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
    best, best_refused = 0.5, -1.0
    for threshold in np.linspace(0.02, 0.98, 97):
        answer = probability >= threshold
        false = np.mean(~answer[y == 1])
        refused = np.mean(~answer[y == 0])
        if false <= max_false and refused > best_refused:
            best, best_refused = float(threshold), float(refused)
    return round(best, 2)


def report_at(name: str, x: np.ndarray, y: np.ndarray, weights: np.ndarray, bias: float,
              threshold: float) -> None:  # fmt: skip
    """Refusal figures at a probability threshold."""
    answer = 1.0 / (1.0 + np.exp(-(x @ weights + bias))) >= threshold
    print(
        f"{name} at {threshold}: refused {np.mean(~answer[y == 0]):.3f} of unanswerable, "
        f"{np.mean(~answer[y == 1]):.3f} of answerable"
    )


def main() -> None:
    """Fit on the golden set, report on it and on an optional held-out set."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--golden", type=Path, nargs="+", default=list(TRAIN_SETS))
    parser.add_argument("--check", type=Path, help="a held-out lecture-style set")
    parser.add_argument("--c", type=float, default=0.3)
    parser.add_argument("--max-false", type=float, default=0.04, help="false refusals on train")
    parser.add_argument("--cache", type=Path, help="reuse/keep the train features in this .npz")
    args = parser.parse_args()
    limit_threads()
    answerer = build_qa(Settings()).answerer
    if args.cache and args.cache.exists():
        stored = np.load(args.cache)
        x, y = stored["x"], stored["y"]
    else:
        x, y = features(answerer, args.golden, "train")
        if args.cache:
            np.savez(args.cache, x=x, y=y)
    # The lecture has an in-scope model, so its rows carry a seventh signal: the scoped
    # model is fitted on all seven, the plain one (documents without it) on the first six.
    models = (
        {"plain": PLAIN_SIGNALS, "scoped": x.shape[1]}
        if x.shape[1] > PLAIN_SIGNALS
        else {"plain": PLAIN_SIGNALS}
    )
    check = features(answerer, [args.check]) if args.check else None
    for name, width in models.items():
        weights, bias = fit(x[:, :width], y, args.c)
        threshold = choose_threshold(x[:, :width], y, weights, bias, args.max_false)
        print(f"[{name}] weights =", tuple(round(float(w), 4) for w in weights))
        print(f"[{name}] bias =", round(bias, 4), "threshold =", threshold)
        report_at("train", x[:, :width], y, weights, bias, threshold)
        if check is not None:
            report_at("check", check[0][:, :width], check[1], weights, bias, threshold)


if __name__ == "__main__":
    main()
