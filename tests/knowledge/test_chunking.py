from __future__ import annotations

import pytest

from knowledge import thai
from knowledge.chunking import chunk_document, chunk_documents, estimate_tokens
from knowledge.models import Locator, Section, SourceDocument
from knowledge.slidepage import parse_slide_page
from knowledge.structure import plain_text

NO_SPACES = "การบริหารราชการแบบมีส่วนร่วมหมายถึงการที่หน่วยงานภาครัฐมีเป้าหมายต้องการให้ประชาชน" * 12


def count_words(text: str) -> int:
    """A counter unlike the default estimate: one token per newmm word."""
    return len(thai.word_tokenize(text))


def _document(*texts: str, unit="slide") -> SourceDocument:
    sections = [Section(Locator(unit, n), text) for n, text in enumerate(texts, start=1)]
    return SourceDocument(doc="d.md", title="เอกสาร", sections=sections)


def _offsets(section_text: str, chunks: list[str]) -> list[tuple[int, int]]:
    """Where each chunk sits in its section, searched in order (chunks never overlap)."""
    offsets, cursor = [], 0
    for chunk in chunks:
        start = section_text.index(chunk, cursor)
        offsets.append((start, start + len(chunk)))
        cursor = start + len(chunk)
    return offsets


def _assert_whole_words(section_text: str, chunks: list[str]) -> None:
    spans = thai.word_spans(section_text)
    starts, ends = {a for a, _ in spans}, {b for _, b in spans}
    for start, end in _offsets(section_text, chunks):
        assert start in starts, f"starts mid-word: {section_text[start - 5 : start + 10]!r}"
        assert end in ends, f"ends mid-word: {section_text[end - 10 : end + 5]!r}"


def test_lecture_chunks_stay_in_their_slide_and_under_the_limit(seed_text):
    lecture = parse_slide_page(seed_text, "lecture.md")
    chunks = chunk_document(lecture, count_tokens=count_words, max_tokens=60, target_tokens=30)
    assert len(chunks) > len(lecture.sections)
    assert {c.locator for c in chunks} == {s.locator for s in lecture.sections}
    # chunks hold the plain words: markup such as the slide's *** emphasis is not indexed
    by_locator = {s.locator: plain_text(s.text) for s in lecture.sections}
    for chunk in chunks:
        assert count_words(chunk.text) <= 60
        assert chunk.text in by_locator[chunk.locator]
        assert (chunk.doc, chunk.title) == ("lecture.md", lecture.title)
    for section in lecture.sections:
        texts = [c.text for c in chunks if c.locator == section.locator]
        _assert_whole_words(plain_text(section.text), texts)
        assert [c.ordinal for c in chunks if c.locator == section.locator] == list(
            range(len(texts))
        )
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_default_settings_keep_each_lecture_slide_whole_and_under_480(seed_text):
    lecture = parse_slide_page(seed_text, "lecture.md")
    chunks = chunk_document(lecture)
    assert all(estimate_tokens(c.text) <= 480 for c in chunks)
    assert [c.text for c in chunks if c.ordinal == 0] == [
        plain_text(s.text) for s in lecture.sections
    ]


def test_long_thai_section_cuts_between_words_at_sentence_boundaries(seed_text):
    joined = "\n".join(s.text for s in parse_slide_page(seed_text, "x").sections[3:12])
    chunks = chunk_document(_document(joined), count_tokens=count_words, max_tokens=80)
    texts = [c.text for c in chunks]
    assert len(texts) > 3
    assert all(count_words(text) <= 80 for text in texts)
    _assert_whole_words(joined, texts)
    sentences = thai.sentence_spans(joined)
    long_sentences = [(a, b) for a, b in sentences if count_words(joined[a:b]) > 80]
    assert long_sentences  # the lecture has one: it must be cut inside, the others must not
    for start, _ in _offsets(joined, texts):
        inside_long = any(a < start < b for a, b in long_sentences)
        assert inside_long or start in {a for a, _ in sentences}


def test_an_over_long_sentence_is_cut_at_word_boundaries_only():
    chunks = chunk_document(
        _document(NO_SPACES), count_tokens=count_words, max_tokens=40, target_tokens=25
    )
    texts = [c.text for c in chunks]
    assert len(texts) > 1
    assert "".join(texts) == NO_SPACES
    assert all(count_words(text) <= 40 for text in texts)
    _assert_whole_words(NO_SPACES, texts)


def test_a_short_section_stays_one_chunk_and_sections_never_merge():
    chunks = chunk_document(_document("สไลด์สั้น ๆ", "สไลด์ที่สอง", unit="page"))
    assert [(c.locator, c.text, c.ordinal) for c in chunks] == [
        (Locator("page", 1), "สไลด์สั้น ๆ", 0),
        (Locator("page", 2), "สไลด์ที่สอง", 0),
    ]


def test_heading_is_carried_by_every_chunk_of_its_section():
    section = Section(Locator("section", 1), NO_SPACES, heading="ความหมาย")
    document = SourceDocument(doc="g.docx", title="คู่มือ", sections=[section])
    chunks = chunk_document(document, max_tokens=100, target_tokens=50)
    assert len(chunks) > 1
    assert {c.heading for c in chunks} == {"ความหมาย"}


def test_english_text_is_packed_by_whole_sentences():
    text = " ".join(f"Sentence number {n} talks about deliberation." for n in range(1, 30))
    chunks = chunk_document(_document(text), max_tokens=60, target_tokens=40)
    assert len(chunks) > 1
    assert all(c.text.startswith("Sentence") and c.text.endswith(".") for c in chunks)
    assert all(estimate_tokens(c.text) <= 60 for c in chunks)


def test_a_word_longer_than_the_limit_is_still_cut_under_it():
    blob = "x" * 3000
    chunks = chunk_document(_document(blob), max_tokens=100, target_tokens=50)
    assert "".join(c.text for c in chunks) == blob
    assert all(estimate_tokens(c.text) <= 100 for c in chunks)


def test_chunk_documents_keeps_each_documents_name():
    first = _document("หนึ่ง")
    second = SourceDocument(doc="e.md", title="อีก", sections=[Section(Locator("slide", 9), "สอง")])
    chunks = chunk_documents([first, second])
    assert [(c.doc, c.title, c.locator.number) for c in chunks] == [
        ("d.md", "เอกสาร", 1),
        ("e.md", "อีก", 9),
    ]


@pytest.mark.parametrize(("max_tokens", "target_tokens"), [(0, 200), (100, 0)])
def test_invalid_limits_are_refused(max_tokens, target_tokens):
    with pytest.raises(ValueError, match="positive"):
        chunk_document(_document("ก"), max_tokens=max_tokens, target_tokens=target_tokens)


def test_a_max_below_the_default_target_caps_the_target():
    chunks = chunk_document(_document(NO_SPACES), max_tokens=50)
    assert len(chunks) > 1
    assert all(estimate_tokens(c.text) <= 50 for c in chunks)


def test_estimate_tokens_rounds_up_and_counts_thai_cheaper_than_latin():
    assert estimate_tokens("") == 0
    assert estimate_tokens("กขคง") == 1
    assert estimate_tokens("abcd") == 2
    assert estimate_tokens("ก" * 100) < estimate_tokens("a" * 100)
