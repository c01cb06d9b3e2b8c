"""BM25 over pre-tokenised passages (Thai `newmm` tokens come from knowledge.thai)."""

from __future__ import annotations

import bisect
import itertools
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

PAIR_JOINER = "\u2009"  # a thin space: never inside a token, so pairs never clash with words
PREFIX_COMPLETIONS = 3


def with_bigrams(tokens: Sequence[str]) -> list[str]:
    """Words plus adjacent word pairs: pairs reward passages that keep the question's phrasing.

    Thai has no spaces, so newmm splits one phrase ("แบ่งปันอำนาจ") into common words; the
    pair restores the phrase (+4.5 points hit@1 on the lecture set, docs/benchmarks.md).
    """
    return [*tokens, *(f"{a}{PAIR_JOINER}{b}" for a, b in itertools.pairwise(tokens))]


def char_trigrams(text: str) -> list[str]:
    """Character trigrams of a text without spaces, lower-cased (misspellings share most)."""
    squashed = "".join(text.lower().split())
    return [squashed[i : i + 3] for i in range(max(len(squashed) - 2, 0))]


@dataclass(frozen=True)
class BM25Params:
    """Okapi BM25 constants; b is lower than usual because slides vary wildly in length."""

    k1: float = 1.2
    b: float = 0.6


class BM25Index:
    """An inverted index with per-term BM25 weights precomputed, so a query is a few adds."""

    def __init__(
        self, documents: Sequence[Sequence[str]], params: BM25Params | None = None
    ) -> None:
        self.params = params or BM25Params()
        self.size = len(documents)
        self._postings: dict[str, tuple[NDArray[np.int64], NDArray[np.float32]]] = {}
        self._document_frequency: dict[str, int] = {}
        self._build(documents)
        self._words = sorted(t for t in self._postings if PAIR_JOINER not in t)

    def _build(self, documents: Sequence[Sequence[str]]) -> None:
        """Precompute idf x saturated tf for every (term, document) pair."""
        lengths = np.array([len(doc) for doc in documents], dtype=np.float32)
        average = float(lengths.mean()) if self.size and lengths.sum() else 1.0
        k1, b = self.params.k1, self.params.b
        rows: dict[str, tuple[list[int], list[float]]] = {}
        for index, doc in enumerate(documents):
            norm = k1 * (1 - b + b * lengths[index] / average)
            for term, tf in Counter(doc).items():
                entry = rows.setdefault(term, ([], []))
                entry[0].append(index)
                entry[1].append(tf * (k1 + 1) / (tf + norm))
        for term, (ids, weights) in rows.items():
            idf = self.idf_from_df(len(ids))
            self._document_frequency[term] = len(ids)
            self._postings[term] = (
                np.array(ids, dtype=np.int64),
                np.array(weights, dtype=np.float32) * idf,
            )

    def idf_from_df(self, document_frequency: int) -> float:
        """BM25+ style idf that stays positive for very common terms."""
        n = self.size
        return math.log(1 + (n - document_frequency + 0.5) / (document_frequency + 0.5))

    def idf(self, term: str) -> float:
        """Idf of a term; unseen terms get the maximum idf."""
        return self.idf_from_df(self._document_frequency.get(term, 0))

    def contains(self, term: str) -> bool:
        """Whether any passage holds the term."""
        return term in self._postings

    def completions(self, prefix: str, limit: int = PREFIX_COMPLETIONS) -> list[str]:
        """Indexed words that start with `prefix` (for a partial or truncated query word)."""
        start = bisect.bisect_left(self._words, prefix)
        found = []
        for word in itertools.islice(self._words, start, start + limit):
            if not word.startswith(prefix):
                break
            found.append(word)
        return found

    def with_completions(self, tokens: Sequence[str]) -> list[str]:
        """The tokens plus completions of those the index lacks (iApp hit@5 0.9946 -> 0.9959)."""
        extra = [
            word
            for token in tokens
            if len(token) >= 2 and token not in self._postings
            for word in self.completions(token)
        ]
        return [*tokens, *extra]

    def scores(self, query_tokens: Sequence[str]) -> NDArray[np.float32]:
        """BM25 score of every passage for the query (repeated query terms count once)."""
        totals = np.zeros(self.size, dtype=np.float32)
        for term in dict.fromkeys(query_tokens):
            posting = self._postings.get(term)
            if posting is not None:
                np.add.at(totals, posting[0], posting[1])
        return totals

    def top(self, query_tokens: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The k best passages with a positive score, best first."""
        scores = self.scores(query_tokens)
        k = min(k, self.size)
        if k <= 0:
            return []
        candidates = np.argpartition(-scores, k - 1)[:k]
        ranked = sorted(candidates.tolist(), key=lambda i: (-scores[i], i))
        return [(i, float(scores[i])) for i in ranked if scores[i] > 0]
