"""The question -> unit classifier fitted on each unit's own views (pure, no model)."""

from __future__ import annotations

import numpy as np

from retrieval.unit_classifier import (
    document_frequency_idf,
    fit_unit_classifier,
    term_matrix,
    term_weights,
)


def _views(units: int, per_unit: int = 6, dim: int = 8, seed: int = 0):
    """Views clustered per unit: a direction of their own and a word of their own."""
    rng = np.random.default_rng(seed)
    centres = np.eye(dim, dtype=np.float32)[:units]
    vectors, texts, labels = [], [], []
    for unit in range(units):
        for i in range(per_unit):
            v = centres[unit] + 0.3 * rng.standard_normal(dim).astype(np.float32)
            vectors.append(v / np.linalg.norm(v))
            texts.append([f"word{unit}", f"filler{i}", "common"])
            labels.append(unit)
    return np.array(vectors, dtype=np.float32), texts, labels


def test_a_question_lands_on_the_unit_whose_views_it_resembles():
    vectors, texts, labels = _views(3)
    classifier = fit_unit_classifier(vectors, texts, labels)
    assert classifier is not None
    query = np.eye(8, dtype=np.float32)[1]
    log_p = classifier.log_probabilities(query, ["word1", "common"], units=3)
    assert int(np.argmax(log_p)) == 1
    assert np.isclose(np.exp(log_p).sum(), 1.0, atol=1e-4)


def test_words_alone_can_move_the_answer_when_the_vector_is_ambiguous():
    vectors, texts, labels = _views(3)
    classifier = fit_unit_classifier(vectors, texts, labels)
    assert classifier is not None
    between = np.array([1, 1, 1, 0, 0, 0, 0, 0], dtype=np.float32) / np.sqrt(3)
    log_p = classifier.log_probabilities(between, ["word2", "word2"], units=3)
    assert int(np.argmax(log_p)) == 2


def test_units_without_views_get_no_probability():
    vectors, texts, labels = _views(2)
    labels = [label * 2 for label in labels]  # units 0 and 2 have views; 1 and 3 do not
    classifier = fit_unit_classifier(vectors, texts, labels)
    assert classifier is not None
    log_p = classifier.log_probabilities(vectors[0], texts[0], units=4)
    assert np.isneginf(log_p[1]) and np.isneginf(log_p[3])
    assert int(np.argmax(log_p)) == 0  # two units: the binary model still says which


def test_one_unit_alone_gives_no_classifier():
    vectors, texts, labels = _views(1)
    assert fit_unit_classifier(vectors, texts, labels) is None


def test_tf_idf_rows_are_unit_length_and_ignore_unknown_words():
    vocabulary, idf = document_frequency_idf([["a", "b"], ["a", "c"], ["a"]])
    row = term_weights(["b", "b", "zzz"], vocabulary, idf)
    assert np.isclose(np.linalg.norm(row), 1.0)
    assert row[vocabulary["b"]] > 0 and row[vocabulary["a"]] == 0
    assert idf[vocabulary["a"]] < idf[vocabulary["b"]]  # a word in every text says least
    assert not term_weights(["zzz"], vocabulary, idf).any()


def test_the_training_matrix_holds_the_same_rows_sparsely():
    texts = [["a", "b"], ["a", "c", "c"], [], ["zzz"]]
    vocabulary, idf = document_frequency_idf(texts[:2])
    matrix = term_matrix(texts, vocabulary, idf)
    assert matrix.shape == (4, len(vocabulary))
    for i, terms in enumerate(texts):
        assert np.allclose(matrix[i].toarray()[0], term_weights(terms, vocabulary, idf))


def test_a_unit_with_few_views_is_not_outvoted_by_one_with_many():
    # an agenda slide keeps five written questions while a content slide has dozens; two
    # mirror-image units, 5 and 60 views: an equidistant question must not simply go to the
    # unit we wrote more for (without balanced classes the small one gets 0.14)
    noise = np.random.default_rng(0).standard_normal((60, 2)).astype(np.float32) * 0.3
    vectors, texts, labels = [], [], []
    for unit, count in ((0, 5), (1, 60)):
        for x, y in noise[:count]:
            v = np.array([1 + x, y] if unit == 0 else [y, 1 + x], dtype=np.float32)
            vectors.append(v / np.linalg.norm(v))
            texts.append([f"word{unit}"])
            labels.append(unit)
    classifier = fit_unit_classifier(np.array(vectors), texts, labels)
    assert classifier is not None
    equidistant = np.array([1, 1], dtype=np.float32) / np.sqrt(2)
    log_p = classifier.log_probabilities(equidistant, [], units=2)
    assert np.exp(log_p[0]) >= 0.25
