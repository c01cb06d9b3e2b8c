"""Which unit answers this question? A classifier fitted on each unit's own views.

Nearest-view search asks "which written question is closest?"; a classifier fitted on all
of a unit's views at once (the questions it answers, its heading, its list lines and English
rendering) learns which directions of the embedding and which words set that unit apart from
the others, so a question worded unlike every written one can still land on its unit. Inputs:
the question's E5 vector and its tf-idf words (newmm words and word pairs). Only our own
written views train it, never an eval question; its log-probability is one of the ranker's
features (docs/retrieval.md: cross-validated on the golden train split, hit@1 0.863 -> 0.905).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from scipy import sparse

# The view kinds that train it (the same views the ranker reads).
CLASSIFIER_VIEWS: tuple[str, ...] = ("question", "heading", "translation", "line")
# Chosen by cross-validation on the golden train split (5 folds x 3 seeds): the words' weight
# against the unit-norm E5 vector 0.35 / 0.5 / 1.0 -> ranker hit@1 0.901 / 0.905 / 0.905, and
# the inverse regularisation 100 over 300 (0.902).
WORD_WEIGHT = 0.5
INVERSE_REGULARISATION = 100.0

Scores = NDArray[np.float32]


def term_weights(terms: Sequence[str], vocabulary: dict[str, int], idf: Scores) -> Scores:
    """The tf-idf row of one text: (1 + log count) x idf, unit length; unknown terms dropped."""
    row = np.zeros(len(vocabulary), dtype=np.float32)
    for term, count in Counter(terms).items():
        column = vocabulary.get(term)
        if column is not None:
            row[column] = (1.0 + np.log(count)) * idf[column]
    norm = float(np.linalg.norm(row))
    return row / norm if norm > 0 else row


def term_matrix(
    texts: Sequence[Sequence[str]], vocabulary: dict[str, int], idf: Scores
) -> sparse.csr_matrix:
    """The tf-idf rows of many texts, sparse (a dense texts x vocabulary matrix costs GBs)."""
    from scipy import sparse

    rows, columns, values = [], [], []
    for i, terms in enumerate(texts):
        row = term_weights(terms, vocabulary, idf)
        nonzero = np.flatnonzero(row)
        rows.extend([i] * len(nonzero))
        columns.extend(nonzero.tolist())
        values.extend(row[nonzero].tolist())
    shape = (len(texts), len(vocabulary))
    return sparse.csr_matrix((np.asarray(values, dtype=np.float32), (rows, columns)), shape=shape)


def document_frequency_idf(texts: Sequence[Sequence[str]]) -> tuple[dict[str, int], Scores]:
    """The vocabulary of the training texts and each term's smoothed idf."""
    frequency: Counter[str] = Counter()
    for terms in texts:
        frequency.update(set(terms))
    vocabulary = {term: i for i, term in enumerate(sorted(frequency))}
    df = np.array([frequency[term] for term in vocabulary], dtype=np.float32)
    idf = (np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0).astype(np.float32)
    return vocabulary, idf


@dataclass(frozen=True)
class UnitClassifier:
    """A multinomial logistic model over [E5 vector, WORD_WEIGHT x tf-idf words]."""

    units: NDArray[np.int64]  # the unit position of each class
    vocabulary: dict[str, int]
    idf: Scores
    dense_weights: Scores  # classes x embedding dimension
    word_weights: Scores  # classes x vocabulary
    intercept: Scores

    def log_probabilities(self, query_vector: Scores, terms: Sequence[str], units: int) -> Scores:
        """Per unit, log P(unit | question); -inf for units the classifier does not know."""
        words = term_weights(terms, self.vocabulary, self.idf)
        logits = (
            self.dense_weights @ query_vector.astype(np.float32)
            + WORD_WEIGHT * (self.word_weights @ words)
            + self.intercept
        )
        shifted = logits - float(logits.max())
        log_p = shifted - float(np.log(np.exp(shifted).sum()))
        out = np.full(units, -np.inf, dtype=np.float32)
        out[self.units] = log_p.astype(np.float32)
        return out


def fit_unit_classifier(
    vectors: Scores, texts: Sequence[Sequence[str]], labels: Sequence[int]
) -> UnitClassifier | None:
    """Fit on views (vector, words, unit position); None when fewer than two units have any."""
    if len(set(labels)) < 2:
        return None
    from scipy import sparse  # imported here: only an index with written questions needs them
    from sklearn.linear_model import LogisticRegression

    vocabulary, idf = document_frequency_idf(texts)
    words = term_matrix(texts, vocabulary, idf)
    features = sparse.hstack(
        [sparse.csr_matrix(vectors.astype(np.float32)), WORD_WEIGHT * words]
    ).tocsr()
    # Balanced classes: a unit's prior must not grow with how many questions we wrote for it
    # (an agenda slide keeps at most five).
    model = LogisticRegression(C=INVERSE_REGULARISATION, max_iter=5000, class_weight="balanced")
    model.fit(features, np.asarray(labels, dtype=np.int64))
    coef = model.coef_.astype(np.float32)
    intercept = model.intercept_.astype(np.float32)
    if len(model.classes_) == 2:  # binary: one row for the second class; the first is 0
        coef = np.vstack([np.zeros_like(coef), coef])
        intercept = np.array([0.0, intercept[0]], dtype=np.float32)
    dim = vectors.shape[1]
    return UnitClassifier(
        units=model.classes_.astype(np.int64),
        vocabulary=vocabulary,
        idf=idf,
        dense_weights=coef[:, :dim],
        word_weights=coef[:, dim:],
        intercept=intercept,
    )
