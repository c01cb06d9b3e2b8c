"""Hybrid search: dense (E5) and BM25 (newmm) scores fused, plus the signals refusal needs."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from knowledge import thai
from retrieval.embeddings import Embedder
from retrieval.glossary import thai_terms_for
from retrieval.hybrid import SearchConfig, fuse
from retrieval.index import KnowledgeIndex
from retrieval.keyword import with_bigrams
from retrieval.passages import Passage


@dataclass(frozen=True)
class SearchHit:
    """One ranked passage with the scores that placed it."""

    passage: Passage
    score: float
    dense: float
    lexical: float


@dataclass(frozen=True)
class SearchResult:
    """Ranked hits plus whole-corpus score arrays, for refusal and sentence selection."""

    question: str
    hits: list[SearchHit]
    dense: NDArray[np.float32]
    lexical: NDArray[np.float32]
    query_tokens: list[str]
    query_vector: NDArray[np.float32] | None = None


class HybridSearcher:
    """Ranks the passages of one index version for a question."""

    def __init__(self, embedder: Embedder, config: SearchConfig | None = None) -> None:
        self.embedder = embedder
        self.config = config or SearchConfig()

    def search(self, index: KnowledgeIndex, question: str, k: int = 5) -> SearchResult:
        """The k best passages for a question, with the corpus-wide scores."""
        tokens = thai.search_tokens(question)
        if thai.detect_language(question) == "en":
            tokens += thai.search_tokens(thai_terms_for(question, index.bilingual_pairs))
        needs_dense = self.config.method != "lexical"
        query_vector = self.embedder.embed_queries([question])[0] if needs_dense else None
        if query_vector is not None and len(index):
            dense = index.dense_scores(query_vector)
        else:
            dense = np.zeros(len(index), dtype=np.float32)
        lexical = index.bm25.scores(with_bigrams(index.bm25.with_completions(tokens)))
        fused = fuse(dense, lexical, self.config)
        if self.config.method == "zscore" and self.config.question_penalty:
            fused = fused - self.config.question_penalty * index.question_share
        order = np.argsort(-fused, kind="stable")[: max(k, 0)]
        hits = [
            SearchHit(index.passages[i], float(fused[i]), float(dense[i]), float(lexical[i]))
            for i in order.tolist()
        ]
        return SearchResult(question, hits, dense, lexical, tokens, query_vector)
