"""The ranker's features and the agenda cap (pure)."""

from __future__ import annotations

import numpy as np

from retrieval.ranking import FEATURES, UnitScores, feature_matrix, rank_scores
from retrieval.search import cap_agenda_units

INF = -np.inf


def _scores(**overrides):
    base = {
        "dense": np.array([0.80, 0.90, 0.70], dtype=np.float32),
        "lexical": np.array([1.0, 0.0, 2.0], dtype=np.float32),
        "view_dense": np.array([0.95, INF, 0.60], dtype=np.float32),
        "view_lexical": np.array([0.0, INF, 0.0], dtype=np.float32),
        "line_dense": np.array([INF, INF, INF], dtype=np.float32),
        "chars": np.array([0.0, 0.0, 0.0], dtype=np.float32),
        "agenda": np.array([0.0, 0.0, 1.0], dtype=np.float32),
        "gloss_dense": np.array([INF, INF, INF], dtype=np.float32),
        "gloss_lexical": np.array([INF, INF, INF], dtype=np.float32),
        "classifier": np.array([INF, INF, INF], dtype=np.float32),
    }
    base.update(overrides)
    return UnitScores(**base)


def test_units_without_a_view_get_no_view_evidence():
    features = feature_matrix(_scores(), english=False)
    assert features.shape == (3, len(FEATURES))
    view = features[:, FEATURES.index("view_dense")]
    assert view[1] == 0.0 and view[0] > 0 > view[2]
    assert not features[:, FEATURES.index("line_dense")].any()
    assert not features[:, FEATURES.index("view_lexical")].any()  # nothing matched


def test_english_questions_switch_on_their_own_weights():
    thai = feature_matrix(_scores(), english=False)
    english = feature_matrix(_scores(), english=True)
    column = FEATURES.index("dense_en")
    assert not thai[:, column].any()
    assert np.allclose(english[:, column], english[:, FEATURES.index("dense")])


def test_the_ranker_is_a_weighted_sum():
    features = feature_matrix(_scores(), english=False)
    weights = tuple(1.0 if name == "dense" else 0.0 for name in FEATURES)
    assert int(np.argmax(rank_scores(features, weights))) == 1  # the best dense unit


def test_an_agenda_unit_never_outranks_its_documents_best_content_unit():
    scores = np.array([3.0, 1.0, 2.0, 5.0], dtype=np.float32)
    agenda = np.array([True, False, False, True])
    docs = ["lecture.md", "lecture.md", "lecture.md", "other.md"]
    capped = cap_agenda_units(scores, agenda, docs)
    assert capped[0] < capped[2] and capped[1] == 1.0 and capped[2] == 2.0
    assert capped[3] == 5.0  # a document with no content unit keeps its score
