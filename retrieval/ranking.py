"""A learned linear ranker over per-unit features (pure, no I/O).

Each unit gets standardised scores from every retriever: its best text chunk (E5 dense and
BM25), its best question/heading view (dense and BM25), its best single line (dense), its
character trigrams, its share of question text (agenda slides), and the unit classifier's
log-probability and probability (retrieval.unit_classifier); English questions get
their own weights for the dense and BM25 features, since crossing languages changes what
each retriever is worth. The weights are fitted on the golden TRAIN split only
(`python -m benchmarks.tune_search`), pairwise: the gold unit against each other unit.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from retrieval.hybrid import zscore

Scores = NDArray[np.float32]

FEATURES = (
    "dense",
    "lexical",
    "view_dense",
    "view_lexical",
    "line_dense",
    "chars",
    "agenda",
    "dense_en",
    "lexical_en",
    "view_dense_en",
    "line_dense_en",
    "gloss_dense",
    "gloss_lexical",
    "gloss_dense_en",
    "gloss_lexical_en",
    "classifier",
    "classifier_p",
)


@dataclass(frozen=True)
class UnitScores:
    """Raw per-unit scores of one question (-inf where a unit has no such view)."""

    dense: Scores
    lexical: Scores
    view_dense: Scores
    view_lexical: Scores
    line_dense: Scores
    chars: Scores
    agenda: Scores
    gloss_dense: Scores
    gloss_lexical: Scores
    classifier: Scores  # the unit classifier's log-probability (retrieval.unit_classifier)


def standardised(values: Scores) -> Scores:
    """Z-scores over the units that have a value; 0 (no evidence) for those without."""
    present = np.isfinite(values)
    out = np.zeros(len(values), dtype=np.float32)
    if present.any():
        out[present] = zscore(values[present].astype(np.float32))
    return out


def lexical_standardised(values: Scores) -> Scores:
    """Standardised BM25; all zero when nothing matched (no keyword evidence at all)."""
    present = np.isfinite(values)
    if float(values[present].max(initial=0.0)) <= 0:
        return np.zeros(len(values), dtype=np.float32)
    return standardised(values)


def feature_matrix(scores: UnitScores, english: bool) -> NDArray[np.float32]:
    """Units x FEATURES, in the order of FEATURES."""
    dense = standardised(scores.dense)
    lexical = lexical_standardised(scores.lexical)
    view_dense = standardised(scores.view_dense)
    line_dense = standardised(scores.line_dense)
    gloss_dense = standardised(scores.gloss_dense)
    gloss_lexical = lexical_standardised(scores.gloss_lexical)
    en = 1.0 if english else 0.0
    columns = [
        dense,
        lexical,
        view_dense,
        lexical_standardised(scores.view_lexical),
        line_dense,
        lexical_standardised(scores.chars),
        scores.agenda.astype(np.float32),
        en * dense,
        en * lexical,
        en * view_dense,
        en * line_dense,
        gloss_dense,
        gloss_lexical,
        en * gloss_dense,
        en * gloss_lexical,
        standardised(scores.classifier),
        np.where(np.isfinite(scores.classifier), np.exp(scores.classifier), 0.0),
    ]
    return np.stack(columns, axis=1).astype(np.float32)


def rank_scores(features: NDArray[np.float32], weights: tuple[float, ...]) -> Scores:
    """The linear ranker's score per unit."""
    return (features @ np.asarray(weights, dtype=np.float32)).astype(np.float32)
