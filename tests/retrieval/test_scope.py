"""The per-document in-scope model: a refusal signal fitted on our own written questions."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from retrieval.refusal import CoverageSignals, RefusalModel
from retrieval.scope import fit_scope_model, without_the_subject


def _cluster(centre: int, n: int, words: list[str], seed: int):
    rng = np.random.default_rng(seed)
    vectors = np.eye(6, dtype=np.float32)[centre] + 0.3 * rng.standard_normal((n, 6))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors.astype(np.float32), [[*words, f"w{i}"] for i in range(n)]


def test_questions_like_the_documents_own_score_above_off_topic_ones():
    inside = _cluster(0, 30, ["ladder", "levels"], seed=1)
    outside = _cluster(3, 30, ["passport", "tax"], seed=2)
    model = fit_scope_model(inside, outside)
    assert model.log_odds(np.eye(6, dtype=np.float32)[0], ["levels"]) > 0
    assert model.log_odds(np.eye(6, dtype=np.float32)[3], ["passport"]) < 0


def _signals(in_scope: float | None) -> CoverageSignals:
    return CoverageSignals(0.85, 0.02, 1.0, 0.8, 0.5, 0.0, 0.01, in_scope)


def test_the_in_scope_signal_moves_the_decision_only_where_a_document_has_a_model():
    model = RefusalModel()
    assert model.probability(_signals(6.0)) > model.probability(_signals(-6.0))
    assert model.covers(_signals(6.0)) and not model.covers(_signals(-6.0))
    plain = _signals(None)
    assert len(plain.as_vector()) == len(model.weights)
    assert model.threshold_for(plain) == model.threshold


def test_the_lecture_has_an_in_scope_model_and_uploads_without_questions_do_not(
    lecture_answerer: Any,
) -> None:
    assessment = lecture_answerer.assess("ระดับการมีส่วนร่วมมีกี่ระดับ")
    assert assessment.covered and assessment.signals.in_scope is not None
    assert assessment.signals.in_scope > 0


@pytest.mark.parametrize(
    "question",
    [
        "Who won the 2022 World Cup?",
        "How many provinces does Thailand have?",
        "What is the OCSC budget for 2025?",
        # Thai, near the topic, yet not what the lecture answers
        "เบี้ยประชุมกรรมการชุมชนเบิกได้ครั้งละเท่าไหร่",
        "พ.ร.บ.สภาตำบลและองค์การบริหารส่วนตำบลแก้ไขล่าสุดปีไหน",
        "ธนาคารออมสินมีสินเชื่อให้วิสาหกิจชุมชนไหม",
    ],
)
def test_off_topic_questions_english_or_near_the_topic_look_off_topic_and_are_refused(
    lecture_answerer: Any, question: str
) -> None:
    assessment = lecture_answerer.assess(question)
    assert assessment.signals.in_scope is not None and assessment.signals.in_scope < 0
    assert not assessment.covered


def test_written_questions_also_teach_the_model_without_their_subject():
    variants = without_the_subject(
        [
            "ปัจจัยความสำเร็จของการบริหารราชการแบบมีส่วนร่วมมีอะไรบ้าง",
            "What are the pitfalls of participatory governance?",
            "ใครเป็นผู้บรรยาย",  # names no subject: no variant
            "การมีส่วนร่วม",  # nothing left of it
        ]
    )
    assert variants == ["ปัจจัยความสำเร็จของ มีอะไรบ้าง", "What are the pitfalls of ?"]


@pytest.mark.parametrize(
    ("question", "slides"),
    # Slides 19 and 20 are the two slides of the EPA case study (the lecture's one example abroad).
    [("มีตัวอย่างจากต่างประเทศไหม", {19, 20}), ("ควรระวังอะไรบ้าง", {22})],
)
def test_a_short_question_that_leaves_the_subject_implicit_is_answered(
    lecture_answerer: Any, question: str, slides: set[int]
) -> None:
    answer = lecture_answerer.ask(question)
    assert answer.found
    assert answer.citations[0].number in slides
