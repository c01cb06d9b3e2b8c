"""Hybrid, multi-vector search: units ranked by their text, heading and questions.

Each unit (slide, page, section) is scored by its best text chunk (dense E5 and BM25, as
before) and by its best view (its heading and the questions it answers), all standardised
and summed with fitted weights. One hit per unit, best first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from knowledge import thai
from retrieval.embeddings import Embedder
from retrieval.evaluation import MAX_HIT_PASSAGE_CHARS
from retrieval.glossary import english_terms_for, thai_terms_for
from retrieval.hybrid import SearchConfig, fuse, zscore
from retrieval.index import KnowledgeIndex
from retrieval.keyword import char_trigrams, with_bigrams
from retrieval.kinds import asks_for_lecturer, asks_for_outline, asks_which_level
from retrieval.passages import Passage
from retrieval.ranking import UnitScores, feature_matrix, rank_scores
from retrieval.units import ASKED_VIEWS

Scores = NDArray[np.float32]


@dataclass(frozen=True)
class SearchHit:
    """One ranked unit with the scores that placed it (dense/lexical of its best chunk)."""

    passage: Passage
    score: float
    dense: float
    lexical: float
    unit_text: str = ""  # the whole unit with its structure (lists, tables), for answers
    question_share: float = 0.0  # of the unit: an agenda or question-only slide is near 1


@dataclass(frozen=True)
class SearchResult:
    """Ranked hits plus whole-corpus score arrays, for refusal and answer composition."""

    question: str
    hits: list[SearchHit]
    dense: Scores
    lexical: Scores
    query_tokens: list[str]
    query_vector: NDArray[np.float32] | None = None
    view_dense: Scores = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    question_terms: list[str] = field(default_factory=list)  # its own words and pairs


def per_unit_max(values: Scores, owner: NDArray[np.int64], units: int) -> Scores:
    """The largest value per unit (-inf where a unit owns none)."""
    best = np.full(units, -np.inf, dtype=np.float32)
    if len(values):
        np.maximum.at(best, owner, values.astype(np.float32))
    return best


@dataclass(frozen=True)
class RawScores:
    """One question's query tokens and vector, and every retriever's chunk and view scores."""

    tokens: list[str]
    query_vector: NDArray[np.float32] | None
    dense: Scores
    lexical: Scores
    view_dense: Scores
    view_lexical: Scores
    question_terms: list[str] = field(default_factory=list)  # its own words and pairs


def classifier_scores(index: KnowledgeIndex, raw: RawScores) -> Scores:
    """Per unit, the unit classifier's log-probability (-inf where it has nothing to say)."""
    classifier = index.unit_classifier if len(index.units) else None
    if classifier is None or raw.query_vector is None:
        return np.full(len(index.units), -np.inf, dtype=np.float32)
    return classifier.log_probabilities(raw.query_vector, raw.question_terms, len(index.units))


def unit_scores(index: KnowledgeIndex, question: str, raw: RawScores) -> UnitScores:
    """Every retriever's best score per unit (-inf where a unit has no such view)."""
    dense, lexical = raw.dense, raw.lexical
    view_dense, view_lexical = raw.view_dense, raw.view_lexical
    units = len(index.units)
    kinds = index.view_kinds
    asked = np.isin(kinds, ASKED_VIEWS)
    lines = kinds == "line"
    english = kinds == "translation"
    return UnitScores(
        dense=per_unit_max(dense, index.passage_unit, units),
        lexical=np.maximum(per_unit_max(lexical, index.passage_unit, units), 0.0),
        view_dense=per_unit_max(view_dense[asked], index.view_unit[asked], units),
        view_lexical=per_unit_max(view_lexical[asked], index.view_unit[asked], units),
        line_dense=per_unit_max(view_dense[lines], index.view_unit[lines], units),
        chars=index.char_bm25.scores(char_trigrams(question)),
        agenda=index.unit_question_share,
        gloss_dense=per_unit_max(view_dense[english], index.view_unit[english], units),
        gloss_lexical=per_unit_max(view_lexical[english], index.view_unit[english], units),
        classifier=classifier_scores(index, raw),
    )


def _dense_lexical_fusion(raw: UnitScores, config: SearchConfig) -> Scores:
    """The plain dense + BM25 fusion of each unit's best chunk (no views)."""
    dense = np.where(np.isfinite(raw.dense), raw.dense, -1.0).astype(np.float32)
    lexical = np.where(np.isfinite(raw.lexical), raw.lexical, 0.0).astype(np.float32)
    return fuse(dense, lexical, config)


def cap_agenda_units(
    scores: Scores, agenda: NDArray[np.bool_], documents: Sequence[str] | NDArray[np.str_]
) -> Scores:
    """Agenda/question-only units never outrank the best content unit of their document."""
    capped = scores.copy()
    documents = np.asarray(documents)
    for doc in np.unique(documents[agenda]):  # only documents that have agenda units
        mine = documents == doc
        content = mine & ~agenda
        if not content.any():
            continue
        ceiling = float(scores[content].max()) - 1e-3
        capped[mine & agenda] = np.minimum(scores[mine & agenda], ceiling)
    return capped


class HybridSearcher:
    """Ranks the units of one index version for a question."""

    def __init__(self, embedder: Embedder, config: SearchConfig | None = None) -> None:
        self.embedder = embedder
        self.config = config or SearchConfig()

    def search(
        self,
        index: KnowledgeIndex,
        question: str,
        k: int = 5,
        query_vector: NDArray[np.float32] | None = None,
    ) -> SearchResult:
        """The k best units for a question, with the corpus-wide chunk scores.

        `query_vector`, when given, is the question's embedding computed beforehand (a batch
        of questions embedded together); otherwise the question is embedded here.
        """
        raw = self._raw(index, question, query_vector)
        scores = self._unit_scores(index, question, raw)
        if not asks_for_outline(question):
            agenda = index.unit_question_share >= self.config.agenda_share
            scores = cap_agenda_units(scores, agenda, index.unit_docs)
        hits = self._hits(index, scores, raw.dense, raw.lexical, k)
        return SearchResult(
            question,
            hits,
            raw.dense,
            raw.lexical,
            raw.tokens,
            raw.query_vector,
            raw.view_dense,
            raw.question_terms,
        )

    def features(self, index: KnowledgeIndex, question: str) -> NDArray[np.float32]:
        """The ranker's feature matrix (units x FEATURES) for a question (for fitting)."""
        raw = unit_scores(index, question, self._raw(index, question))
        return feature_matrix(raw, thai.detect_language(question) == "en")

    def _raw(
        self,
        index: KnowledgeIndex,
        question: str,
        query_vector: NDArray[np.float32] | None = None,
    ) -> RawScores:
        """Query tokens and vector; chunk and view scores from every retriever."""
        tokens = thai.search_tokens(question)
        question_terms = with_bigrams(tokens)
        if thai.detect_language(question) == "en":
            tokens += thai.search_tokens(thai_terms_for(question, index.bilingual_pairs))
        elif index.has_english_documents:  # a Thai question may be about an English upload
            tokens += thai.search_tokens(english_terms_for(question, index.bilingual_pairs))
        needs_dense = self.config.method != "lexical"
        if not needs_dense:
            query_vector = None
        elif query_vector is None:
            query_vector = self.embedder.embed_queries([question])[0]
        if query_vector is not None and len(index):
            dense = index.dense_scores(query_vector)
        else:
            dense = np.zeros(len(index), dtype=np.float32)
        query_terms = with_bigrams(index.bm25.with_completions(tokens))
        lexical = index.bm25.scores(query_terms)
        view_dense = (
            index.view_vectors @ query_vector.astype(np.float32)
            if query_vector is not None and len(index.views)
            else np.zeros(len(index.views), dtype=np.float32)
        )
        view_lexical = index.view_bm25.scores(query_terms)
        return RawScores(
            tokens, query_vector, dense, lexical, view_dense, view_lexical, question_terms
        )

    def _unit_scores(self, index: KnowledgeIndex, question: str, raw_scores: RawScores) -> Scores:
        """Score per unit: the fitted ranker over every retriever's standardised scores."""
        units = len(index.units)
        if not units:
            return np.zeros(0, dtype=np.float32)
        raw = unit_scores(index, question, raw_scores)
        legacy = _dense_lexical_fusion(raw, self.config)
        if self.config.method != "zscore":
            return legacy
        english = thai.detect_language(question) == "en"
        fused = rank_scores(feature_matrix(raw, english), self.config.ranker)
        # Units with no written questions (most uploads, plain corpora) keep the dense + BM25
        # fusion the ranker was not fitted for (iApp: hit@1 0.9689 with the ranker, 0.9716).
        plain = ~index.units_with_questions
        if plain.any():
            fused = np.where(plain, legacy, fused).astype(np.float32)
        if self.config.lecturer_boost and asks_for_lecturer(question):
            fused = fused + self.config.lecturer_boost * index.lecturer_units
        if self.config.outline_boost and asks_for_outline(question):
            agenda = index.unit_question_share >= self.config.agenda_share
            lecture = np.isin(index.unit_docs, list(index.lecture_docs))
            fused = fused + self.config.outline_boost * (agenda & lecture)
        if self.config.level_boost and asks_which_level(question):
            fused = fused + self.config.level_boost * index.level_units
        return fused.astype(np.float32)

    def _hits(
        self, index: KnowledgeIndex, scores: Scores, dense: Scores, lexical: Scores, k: int
    ) -> list[SearchHit]:
        """One hit per unit, best first, carrying the unit's text (or its best chunk)."""
        best_chunk = _best_chunk_per_unit(index, dense, lexical)
        order = np.argsort(-scores, kind="stable")[: max(k, 0)]
        hits = []
        for u in order.tolist():
            chunk = best_chunk.get(u)
            if chunk is None:
                continue
            passage = unit_passage(index, index.passages[chunk])
            hits.append(
                SearchHit(
                    passage,
                    float(scores[u]),
                    float(dense[chunk]),
                    float(lexical[chunk]),
                    index.units[u].text,
                    float(index.unit_question_share[u]),
                )
            )
        return hits


def _best_chunk_per_unit(index: KnowledgeIndex, dense: Scores, lexical: Scores) -> dict[int, int]:
    """Per unit, the position of its chunk that matches best (dense + BM25 standardised)."""
    if not len(index.passages):
        return {}
    combined = zscore(dense) + (zscore(lexical) if float(lexical.max()) > 0 else 0.0)
    best: dict[int, int] = {}
    for position, unit in enumerate(index.passage_unit.tolist()):
        if unit not in best or combined[position] > combined[best[unit]]:
            best[unit] = position
    return best


def unit_passage(index: KnowledgeIndex, chunk: Passage) -> Passage:
    """The passage a hit shows: the whole unit's plain text when it is short enough."""
    unit = index.unit_of(chunk)
    plain = unit.plain
    if plain and len(plain) <= MAX_HIT_PASSAGE_CHARS:
        return replace(chunk, text=plain, ordinal=0)
    return chunk
