"""Pure pieces of retrieval: BM25, word pairs, fusion, the glossary, eval metrics."""

from __future__ import annotations

import numpy as np

from retrieval.evaluation import Metrics, first_hit_rank, is_lecture_hit, unique_in_order
from retrieval.glossary import bilingual_pairs, thai_terms_for
from retrieval.hybrid import SearchConfig, fuse
from retrieval.keyword import BM25Index, with_bigrams


def test_bm25_prefers_the_passage_with_the_rare_term() -> None:
    index = BM25Index([["ภาครัฐ", "ประชาชน"], ["ภาครัฐ", "ภาพลวงตา"], ["ภาครัฐ"]])
    scores = index.scores(["ภาพลวงตา", "ภาครัฐ"])
    assert int(np.argmax(scores)) == 1
    assert index.top(["ไม่มีคำนี้"], 3) == []


def test_word_pairs_reward_kept_phrasing() -> None:
    docs = [["แบ่งปัน", "อำนาจ", "ให้", "ประชาชน"], ["อำนาจ", "รัฐ", "แบ่งปัน", "ข้อมูล"]]
    index = BM25Index([with_bigrams(d) for d in docs])
    scores = index.scores(with_bigrams(["แบ่งปัน", "อำนาจ"]))
    assert scores[0] > scores[1]


def test_zscore_fusion_combines_both_signals() -> None:
    dense = np.array([0.80, 0.82, 0.79], dtype=np.float32)
    lexical = np.array([5.0, 0.0, 0.0], dtype=np.float32)
    fused = fuse(dense, lexical, SearchConfig(method="zscore", lexical_weight=1.0))
    assert int(np.argmax(fused)) == 0  # a strong keyword match beats a slight dense edge
    only_dense = fuse(dense, lexical, SearchConfig(method="dense"))
    assert int(np.argmax(only_dense)) == 1


def test_fusion_without_any_keyword_match_follows_dense() -> None:
    dense = np.array([0.7, 0.9, 0.8], dtype=np.float32)
    fused = fuse(dense, np.zeros(3, dtype=np.float32), SearchConfig())
    assert list(np.argsort(-fused)) == [1, 2, 0]


def test_rrf_rewards_agreement() -> None:
    dense = np.array([0.9, 0.8, 0.1], dtype=np.float32)
    lexical = np.array([0.0, 3.0, 1.0], dtype=np.float32)
    fused = fuse(dense, lexical, SearchConfig(method="rrf"))
    assert int(np.argmax(fused)) == 1


def test_bilingual_pairs_come_from_the_material() -> None:
    pairs = bilingual_pairs(["ระดับการให้ข้อมูล (inform) และ การลงโทษ (sanctions)"])
    assert pairs["inform"] == "ระดับการให้ข้อมูล"
    assert "การลงโทษ" in thai_terms_for("What are sanctions?", pairs)
    assert "ข้อควรระวัง" in thai_terms_for("Which pitfalls matter?", {})


def test_lecture_hit_rule_ignores_whitespace_and_long_passages() -> None:
    assert is_lecture_hit("ระดับที่ 4  ร่วมคิด ร่วมทำ", ["ระดับที่ 4 ร่วมคิดร่วมทำ"])
    assert not is_lecture_hit("ก" * 1501 + "ร่วมคิดร่วมทำ", ["ร่วมคิดร่วมทำ"])


def test_metrics_count_hits_mrr_and_refusals() -> None:
    metrics = Metrics()
    metrics.add_ranking(1)
    metrics.add_ranking(3)
    metrics.add_ranking(None)
    metrics.unanswerable, metrics.refused_unanswerable = 2, 1
    summary = metrics.summary()
    assert summary["hit@1"] == round(1 / 3, 4)
    assert summary["hit@3"] == round(2 / 3, 4)
    assert summary["mrr"] == round((1 + 1 / 3) / 3, 4)
    assert summary["refusal_accuracy"] == 0.5
    assert first_hit_rank([False, True]) == 2
    assert unique_in_order(["a", "b", "a", "c"]) == ["a", "b", "c"]


def test_unknown_query_words_are_completed_from_the_index() -> None:
    index = BM25Index([["เบอร์เซิร์ก", "มังงะ"], ["ปลา", "เลี้ยง"]])
    assert index.completions("เบอ") == ["เบอร์เซิร์ก"]
    expanded = index.with_completions(["เบอ", "ปลา"])
    assert expanded == ["เบอ", "ปลา", "เบอร์เซิร์ก"]  # known words are not expanded
    assert int(np.argmax(index.scores(expanded))) == 0


def test_english_words_count_as_covered_by_their_stem():
    from knowledge import thai
    from retrieval.keyword import BM25Index
    from retrieval.refusal import vocabulary_coverage

    material = ["warning signs of illusion", "checking quality"]
    bm25 = BM25Index([thai.search_tokens(t) for t in material])
    vocabulary = {w for t in material for w in thai.search_tokens(t)}
    stems = {thai.english_stem(w) for w in vocabulary}
    tokens = thai.search_tokens("warnings checks illusions")
    assert vocabulary_coverage(tokens, bm25, set(), vocabulary) == 0.0
    assert vocabulary_coverage(tokens, bm25, set(), vocabulary, stems) == 1.0
    assert thai.english_stem("การมีส่วนร่วม") == "การมีส่วนร่วม"  # Thai words stay whole
