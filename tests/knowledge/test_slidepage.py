from __future__ import annotations

from dataclasses import replace

import pytest

from core.errors import CorruptFileError, EmptyDocumentError
from knowledge.loaders import load_document
from knowledge.models import Locator, Section, SourceDocument
from knowledge.slidepage import is_slide_page, parse_slide_page, to_markdown

MARKER = "ใบสำเนางานนำเสนอ:"


def _raw_slides(seed_text: str) -> list[str]:
    """The lecture as the brief defines it: paragraphs after the marker line."""
    lecture = seed_text.split(MARKER + "\n", 1)[1]
    return [paragraph.strip() for paragraph in lecture.split("\n\n") if paragraph.strip()]


def _boilerplate_lines(seed_text: str) -> list[str]:
    before = seed_text.split(MARKER, 1)[0]
    return [line.strip() for line in before.splitlines()[1:] if line.strip()]


def test_seed_page_gives_the_23_slides_in_order_with_their_exact_text(seed_text):
    document = parse_slide_page(seed_text, "lecture.txt")
    assert [s.locator for s in document.sections] == [Locator("slide", n) for n in range(1, 24)]
    assert [s.text for s in document.sections] == _raw_slides(seed_text)
    assert document.title == "การบริหารราชการแบบมีส่วนร่วม"
    assert document.doc == "lecture.txt"


def test_no_boilerplate_reaches_a_section(seed_text):
    sections = parse_slide_page(seed_text, "lecture.txt").sections
    lecture = "\n".join(_raw_slides(seed_text))
    foreign = [line for line in _boilerplate_lines(seed_text) if line not in lecture]
    assert "MTRD 427 Radiation rotection - RSO" in foreign
    assert "สถาบันพัฒนาอนามัยเด็กแห่งชาติ" in foreign
    for line in [*foreign, "MTRD 427", "Advertisements", "งานนำเสนอที่คล้ายกัน", MARKER]:
        assert not any(line in section.text for section in sections), line


def test_crlf_trailing_spaces_and_extra_blank_lines_change_nothing(seed_text):
    messy = seed_text.replace("\n\n", "\n  \n\t\n\n").replace("\n", "   \r\n")
    clean = parse_slide_page(seed_text, "a.txt")
    assert parse_slide_page(messy, "a.txt").sections == clean.sections


def test_is_slide_page():
    assert is_slide_page(f"ชื่อ\nAdvertisements\n{MARKER}\n\nสไลด์แรก")
    assert is_slide_page("Title\nPresentation transcript:\n\nFirst slide")
    assert not is_slide_page(f"ข้อความที่กล่าวถึง {MARKER} กลางบรรทัด")


def test_title_falls_back_to_the_first_slide_when_the_first_line_is_unrelated():
    text = f"โฆษณาอื่น\n{MARKER}\n\nระดับการมีส่วนร่วม ห้าระดับ\n\nสไลด์สอง"
    document = parse_slide_page(text, "x.txt")
    assert document.title == "ระดับการมีส่วนร่วม ห้าระดับ"
    assert [s.text for s in document.sections] == ["ระดับการมีส่วนร่วม ห้าระดับ", "สไลด์สอง"]


def test_a_page_without_marker_or_slides_is_an_error():
    with pytest.raises(CorruptFileError):
        parse_slide_page("just text\n\nmore", "x.txt")
    with pytest.raises(EmptyDocumentError):
        parse_slide_page(f"title\n{MARKER}\n\n  \n", "x.txt")


def test_markdown_written_from_a_slide_page_loads_back_identically(seed_text, tmp_path):
    parsed = parse_slide_page(seed_text, "lecture.md")
    source = replace(parsed, metadata={"title_en": "Participatory Governance", "language": "th"})
    path = tmp_path / "lecture.md"
    path.write_text(to_markdown(source), encoding="utf-8")
    loaded = load_document(path, tmp_path)
    assert loaded.sections == parsed.sections
    assert loaded.title == parsed.title
    assert loaded.metadata["title_en"] == "Participatory Governance"


def test_markdown_writer_refuses_text_that_would_read_as_a_heading():
    section = Section(locator=Locator("slide", 1), text="# not a heading")
    with pytest.raises(ValueError, match="heading"):
        to_markdown(SourceDocument(doc="x.md", title="x", sections=[section]))
