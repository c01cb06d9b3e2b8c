"""Does this question belong to the document at all? A per-document in-scope model.

The refusal signals compare a question with the material and with off-topic text one
similarity at a time. A question near the topic ("How much did the EPA spend on…") sits
inside the lecture's vocabulary and close to its slides on every one of them. A logistic
model fitted on a document's own written questions and headings (in scope) against the
off-topic yardstick read as questions (`retrieval.background`) sees the whole embedding and
the words at once, and its log-odds is one more refusal signal. Only our own written texts
train it, never an eval question; a document with fewer than MIN_QUESTIONS written questions
(most uploads) has none, and its refusal uses the signals without it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from knowledge import thai
from retrieval.index import KnowledgeIndex
from retrieval.keyword import with_bigrams
from retrieval.unit_classifier import (
    WORD_WEIGHT,
    document_frequency_idf,
    term_matrix,
    term_weights,
)
from retrieval.units import ASKED_VIEWS

Scores = NDArray[np.float32]
Embed = Callable[[Sequence[str]], Scores]

# The phrases that name the course's subject. In a chat with this bot the subject is usually
# left implicit ("มีตัวอย่างจากต่างประเทศไหม", "any examples abroad?"), while nearly every
# written question names it; the model also learns from the written questions with these
# phrases taken out (CV on train: out-of-scope refused 0.935 -> 0.947, answerable refused
# 0.046 -> 0.040).
SUBJECT_PHRASES = re.compile(
    r"การบริหารราชการแบบมีส่วนร่วม|การบริหารแบบมีส่วนร่วม|การมีส่วนร่วม(?:ของประชาชน)?"
    r"|แบบมีส่วนร่วม|participatory governance|public participation|citizen participation"
    r"|participation",
    re.I,
)
MIN_VARIANT_CHARS = 9

# Too few written questions make a model that only knows their exact words.
MIN_QUESTIONS = 20
# Chosen by cross-validating the refusal model on the golden train split (5 folds x 5 seeds):
# C 10 / 30 / 100 -> out-of-scope refused 0.929 / 0.932 / 0.932 with answerable refused
# 0.045 each (without the signal: 0.836 / 0.049).
INVERSE_REGULARISATION = 30.0


@dataclass(frozen=True)
class ScopeModel:
    """Binary logistic model over [E5 question vector, WORD_WEIGHT x tf-idf words]."""

    vocabulary: dict[str, int]
    idf: Scores
    dense_weights: Scores
    word_weights: Scores
    intercept: float

    def log_odds(self, query_vector: Scores, terms: Sequence[str]) -> float:
        """How much more the question looks like the document's own questions than off-topic."""
        words = term_weights(terms, self.vocabulary, self.idf)
        return float(
            self.dense_weights @ query_vector.astype(np.float32)
            + WORD_WEIGHT * (self.word_weights @ words)
            + self.intercept
        )


def fit_scope_model(
    inside: tuple[Scores, Sequence[Sequence[str]]],
    outside: tuple[Scores, Sequence[Sequence[str]]],
) -> ScopeModel:
    """Fit in-scope (the document's questions) against off-topic (the yardstick), balanced."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression  # only documents with questions need it

    texts = [*inside[1], *outside[1]]
    vocabulary, idf = document_frequency_idf(texts)
    words = term_matrix(texts, vocabulary, idf)
    vectors = np.vstack([inside[0], outside[0]]).astype(np.float32)
    features = sparse.hstack([sparse.csr_matrix(vectors), WORD_WEIGHT * words]).tocsr()
    labels = np.r_[np.ones(len(inside[0])), np.zeros(len(outside[0]))]
    model = LogisticRegression(C=INVERSE_REGULARISATION, class_weight="balanced", max_iter=5000)
    model.fit(features, labels)
    coef = model.coef_[0].astype(np.float32)
    dim = vectors.shape[1]
    return ScopeModel(vocabulary, idf, coef[:dim], coef[dim:], float(model.intercept_[0]))


def without_the_subject(questions: Sequence[str]) -> list[str]:
    """The questions that name the subject, with it taken out (as officials often ask)."""
    variants = []
    for question in questions:
        bare = " ".join(SUBJECT_PHRASES.sub(" ", question).split())
        if bare != " ".join(question.split()) and len(bare) >= MIN_VARIANT_CHARS:
            variants.append(bare)
    return list(dict.fromkeys(variants))


def question_terms(text: str) -> list[str]:
    """The words and word pairs both models read (as the views' BM25 does)."""
    return with_bigrams(thai.search_tokens(text))


class ScopeModels:
    """One in-scope model per document of the live index version, fitted on first use."""

    def __init__(
        self, off_topic_texts: Sequence[str], off_topic_vectors: Scores, embed_queries: Embed
    ) -> None:
        self._outside = (off_topic_vectors, [question_terms(t) for t in off_topic_texts])
        self._embed_queries = embed_queries
        self._models: dict[tuple[str, str], ScopeModel | None] = {}
        self._lock = threading.Lock()

    def for_document(self, index: KnowledgeIndex, doc: str) -> ScopeModel | None:
        """The document's model, or None when it has too few written questions."""
        key = (index.version, doc)
        with self._lock:
            if key not in self._models:
                self._models = {k: v for k, v in self._models.items() if k[0] == index.version}
                self._models[key] = self._fit(index, doc)
            return self._models[key]

    def _fit(self, index: KnowledgeIndex, doc: str) -> ScopeModel | None:
        """Fit on the document's question and heading views; None with too few questions."""
        mine = index.view_docs == doc
        if int((mine & (index.view_kinds == "question")).sum()) < MIN_QUESTIONS:
            return None
        rows = np.flatnonzero(mine & np.isin(index.view_kinds, ASKED_VIEWS))
        asked = [index.views[i].text for i in rows if index.view_kinds[i] == "question"]
        variants = without_the_subject(asked)
        vectors, terms = index.view_vectors[rows], [index.view_terms[i] for i in rows]
        if variants:
            vectors = np.vstack([vectors, self._embed_queries(variants)])
            terms = [*terms, *(question_terms(v) for v in variants)]
        return fit_scope_model((vectors, terms), self._outside)
