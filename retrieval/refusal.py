"""Decide whether the material covers a question, from several calibrated signals.

E5 cosine scores sit in a narrow band (~0.75-0.95), so one raw threshold is a poor test.
We combine: how well the best passage matches compared with a fixed set of off-topic
"background" passages (a none-of-the-above reference), how far it stands out from the rest
of the corpus, and how much of the question's vocabulary the corpus contains at all.
A question in another language than the material scores lower on every signal, so that is
a feature too. The weights are fitted on knowledge/golden/lecture.jsonl (docs/retrieval.md).
"""

from __future__ import annotations

import math
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from knowledge import thai
from retrieval.keyword import BM25Index


@dataclass(frozen=True)
class CoverageSignals:
    """The features behind a refusal decision, all computed per question."""

    dense_top: float
    background_margin: float
    dense_z: float
    vocabulary_coverage: float
    lexical_top: float
    # 1 when the question and the material are in different languages (English question,
    # Thai lecture; Thai question, English upload): every other signal is weaker then.
    cross_lingual: float = 0.0
    # Best similarity to a question the document answers, minus the best to off-topic text
    # read as a query (0 for documents without question views).
    view_top: float = 0.0
    # The document's in-scope model's log-odds (retrieval.scope); None when it has none.
    in_scope: float | None = None

    def as_vector(self) -> NDArray[np.float64]:
        """Feature vector in the order of `RefusalModel.weights` (or `scoped_weights`)."""
        values = [
            self.background_margin,
            self.dense_z,
            self.vocabulary_coverage,
            self.lexical_top,
            self.cross_lingual,
            self.view_top,
        ]
        if self.in_scope is not None:
            values.append(self.in_scope)
        return np.array(values, dtype=np.float64)


# Fitted like `RefusalModel.weights`, on the same train rows with the in-scope log-odds
# (retrieval.scope) as a seventh signal: train 0.978 / 0.036 in-sample. Refitted 2026-12-05
# after the in-scope model read 191 more off-topic questions (laws, figures, requests, chat):
# cross-validated (5 folds x 5 seeds) 0.960 / 0.029 -> 0.963 / 0.034, and on the fresh set
# (never fitted for refusal) 0.966 / 0.032 -> 0.966 / 0.027: flat within a question or two;
# kept for the kinds of near-topic question it adds. (Without the signal: 0.847 / 0.036.)
SCOPED_WEIGHTS: tuple[float, ...] = (-1.9853, -0.2883, 3.0917, 0.407, -0.9267, 16.5265, 0.6991)
SCOPED_BIAS = -3.0587
SCOPED_THRESHOLD = 0.54


@dataclass(frozen=True)
class RefusalModel:
    """Logistic model over the signals; `threshold` is the probability needed to answer."""

    # Fitted by benchmarks/calibrate_refusal.py on the golden TRAIN split (lecture_split.jsonl
    # train + the older lecture.jsonl): standardised logistic regression, C=0.3, balanced
    # classes, un-standardised. The threshold is the one that refuses the most out-of-scope
    # train questions while refusing at most 5% of the answerable ones (0.859 / 0.045).
    # Refitted 2026-12-04 when coverage began to count English words by their stems. Not
    # refitted on 2026-12-05: the lecture is judged by the scoped model, so these weights only
    # judge uploads, and the refit on the lecture's new rows refused an upload's plain question.
    weights: tuple[float, ...] = (13.2458, -0.6275, 2.8991, 0.7651, -1.3156, 29.2667)
    bias: float = -1.7105
    threshold: float = 0.38
    # The same signals plus the document's in-scope log-odds, for documents that have an
    # in-scope model (written questions: the lecture); fitted the same way on the same rows.
    scoped_weights: tuple[float, ...] = SCOPED_WEIGHTS
    scoped_bias: float = SCOPED_BIAS
    scoped_threshold: float = SCOPED_THRESHOLD

    def probability(self, signals: CoverageSignals) -> float:
        """Probability that the material covers the question."""
        scoped = signals.in_scope is not None
        weights = self.scoped_weights if scoped else self.weights
        bias = self.scoped_bias if scoped else self.bias
        z = float(np.dot(np.asarray(weights), signals.as_vector())) + bias
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def threshold_for(self, signals: CoverageSignals) -> float:
        """The probability needed to answer, for the model these signals use."""
        return self.scoped_threshold if signals.in_scope is not None else self.threshold

    def covers(self, signals: CoverageSignals) -> bool:
        """Answer (True) or refuse (False)."""
        return self.probability(signals) >= self.threshold_for(signals)


# newmm keeps some compounds whole: the question's "ควรระวัง" is inside the slide's
# "ข้อควรระวัง". A Thai word of at least this many letters found inside a word of the
# material counts as found.
MIN_COMPOUND_PART = 4
_THAI_WORD = re.compile(r"^[\u0e00-\u0e7f]+$")


def inside_a_compound(token: str, vocabulary: AbstractSet[str]) -> bool:
    """Whether a Thai word appears inside a longer word of the material."""
    if len(token) < MIN_COMPOUND_PART or not _THAI_WORD.match(token):
        return False
    return any(token in word for word in vocabulary if len(word) > len(token))


def vocabulary_coverage(
    query_tokens: list[str],
    bm25: BM25Index,
    stopwords: set[str],
    vocabulary: AbstractSet[str] | None = None,
    stems: AbstractSet[str] | None = None,
) -> float:
    """Idf-weighted share of the question's content words found in the material.

    `vocabulary` limits "found" to one document's words, so that adding or removing another
    document does not change whether a question about this one is covered. `stems` (the
    English stems of those words) also counts "warnings" as found where the material says
    "warning".
    """
    content = [t for t in dict.fromkeys(query_tokens) if t not in stopwords and len(t) > 1]
    if not content:
        return 0.0
    unseen_idf = bm25.idf("\u0000never-seen\u0000")
    total = present = 0.0
    for token in content:
        found = token in vocabulary if vocabulary is not None else bm25.contains(token)
        found = found or (stems is not None and thai.english_stem(token) in stems)
        found = found or (vocabulary is not None and inside_a_compound(token, vocabulary))
        # Weight by rarity: a rare word the material lacks (e.g. a place name) counts most.
        weight = bm25.idf(token) if found else unseen_idf
        total += weight
        present += weight if found else 0.0
    return present / total if total else 0.0


def compute_signals(
    dense: NDArray[np.float32],
    lexical: NDArray[np.float32],
    background_top: float,
    coverage: float,
    query_token_count: int,
    cross_lingual: bool = False,
    view_top: float = 0.0,
    in_scope: float | None = None,
) -> CoverageSignals:
    """Signals from the score arrays of one question (over the best-matching document)."""
    crossing = 1.0 if cross_lingual else 0.0
    if dense.size == 0:
        return CoverageSignals(0.0, -1.0, 0.0, coverage, 0.0, crossing, view_top, in_scope)
    top = float(dense.max())
    std = float(dense.std()) or 1.0
    lexical_top = float(lexical.max(initial=0.0)) / max(query_token_count, 1)
    return CoverageSignals(
        dense_top=top,
        background_margin=top - background_top,
        dense_z=(top - float(dense.mean())) / std,
        vocabulary_coverage=coverage,
        lexical_top=lexical_top,
        cross_lingual=crossing,
        view_top=view_top,
        in_scope=in_scope,
    )
