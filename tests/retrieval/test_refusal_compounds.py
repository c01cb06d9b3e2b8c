"""Coverage counts a Thai word that newmm found inside one of the material's compounds."""

from __future__ import annotations

from retrieval.refusal import inside_a_compound


def test_a_thai_word_inside_a_longer_word_of_the_material_is_found():
    vocabulary = {"ข้อควรระวัง", "ประชาชน"}
    assert inside_a_compound("ควรระวัง", vocabulary)


def test_short_words_english_words_and_absent_words_are_not():
    vocabulary = {"ข้อควรระวัง", "participation"}
    assert not inside_a_compound("ควร", vocabulary)  # too short to be telling
    assert not inside_a_compound("partic", vocabulary)  # English keeps its own stem rule
    assert not inside_a_compound("งบประมาณ", vocabulary)
