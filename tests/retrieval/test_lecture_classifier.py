"""The lecture index fits its question -> slide classifier on the slides' own views only."""

from __future__ import annotations

import numpy as np

from retrieval.ranking import FEATURES


def test_every_slide_with_written_questions_is_a_class(lecture_answerer):
    index = lecture_answerer.knowledge_base.live()
    classifier = index.unit_classifier
    assert classifier is not None
    assert set(classifier.units.tolist()) == set(np.flatnonzero(index.units_with_questions))


def test_the_classifier_is_one_of_the_rankers_inputs(lecture_answerer):
    index = lecture_answerer.knowledge_base.live()
    searcher = lecture_answerer.searcher
    features = searcher.features(index, "ระดับการมีส่วนร่วมของประชาชนมีกี่ระดับ")
    probability = features[:, FEATURES.index("classifier_p")]
    assert np.isclose(probability.sum(), 1.0, atol=1e-3)
    assert probability[~index.units_with_questions].max(initial=0.0) == 0.0
