"""The committed lecture keeps the seed's words exactly, with the slides' structure restored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.loaders import load_directory, load_document
from knowledge.models import Locator, Section, SourceDocument
from knowledge.slidepage import parse_slide_page

SOURCES = Path(__file__).resolve().parents[2] / "knowledge" / "sources"
LECTURE = SOURCES / "participatory-governance.md"

_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$")
_LIST_MARK = re.compile(r"^\s*(?:-|\d+\.)\s+")
# The lecturer's own bullets in the scraped text: "-ตั้ง ..." after a space or at the start
# ("1970s-1980s", "หน่วยงาน- regulatory" and "Policy- 2001" are words, not bullets).
_SEED_BULLET = re.compile(r"(?:(?<=\s)|^)-(?=[^\s\d-])")
_SPACE = re.compile(r"\s+")


def _bare_markdown(text: str) -> str:
    """The words of a slide as written here, markup removed, tables read column by column."""
    words: list[str] = []
    table: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        row = _TABLE_ROW.match(line)
        if row:
            if not _TABLE_RULE.match(line):
                table.append(row.group(1).split("|"))
            continue
        for column in range(max(map(len, table), default=0)):  # a slide reads column-wise
            words.extend(cells[column] for cells in table if column < len(cells))
        table = []
        words.append(_LIST_MARK.sub("", line))
    return _SPACE.sub("", "".join(words).replace("*", ""))


def _bare_seed(text: str) -> str:
    """The scraped slide's words: no whitespace, no bullet dashes, no emphasis asterisks."""
    return _SPACE.sub("", _SEED_BULLET.sub("", text).replace("*", ""))


@pytest.fixture(scope="module")
def lecture() -> SourceDocument:
    return load_document(LECTURE, SOURCES)


def _slide(document: SourceDocument, number: int) -> Section:
    return next(s for s in document.sections if s.locator == Locator("slide", number))


def test_every_slide_keeps_the_seed_words_exactly(lecture, seed_text):
    seed = parse_slide_page(seed_text, "seed.txt")
    assert lecture.doc == "participatory-governance.md"
    assert [s.locator for s in lecture.sections] == [s.locator for s in seed.sections]
    assert [s.locator for s in lecture.sections] == [Locator("slide", n) for n in range(1, 24)]
    for ours, scraped in zip(lecture.sections, seed.sections, strict=True):
        assert _bare_markdown(f"{ours.heading}\n{ours.text}") == _bare_seed(scraped.text), (
            ours.locator
        )


def test_the_comparison_reads_column_by_column():
    table = "| ก | ข |\n| --- | --- |\n| ค | ง |\n| จ | ฉ |"
    assert _bare_markdown(table) == "กคจขงฉ"
    assert _bare_markdown("1. หนึ่ง\n  - สอง\n**หัวข้อ**") == "หนึ่งสองหัวข้อ"
    assert _bare_seed("ก -ข 1970s-1980s หน่วยงาน- ค ***ง***") == "กข1970s-1980sหน่วยงาน-คง"


def test_slides_carry_their_own_titles_as_headings(lecture):
    headings = {s.locator.number: s.heading for s in lecture.sections}
    assert headings[4] == "การบริหารราชการแบบมีส่วนร่วม (participatory governance) คืออะไร"
    assert headings[8] == "ระดับการมีส่วนร่วมของประชาชนในการบริหารงานภาครัฐ"
    assert headings[13] == "ทำไมต้องมีการบริหารราชการแบบมีส่วนร่วม"
    assert headings[21] == "ปัจจัยความสำเร็จของการบริหารราชการแบบมีส่วนร่วม"
    assert headings[22] == "ข้อควรระวัง!"
    for section in lecture.sections:  # a title is never repeated as the body's first line
        assert not section.heading or not section.text.startswith(section.heading)


def test_the_five_levels_are_a_numbered_list(lecture):
    lines = _slide(lecture, 8).text.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["1.", "2.", "3.", "4.", "5."]
    assert lines[0].endswith("(inform)") and lines[4].endswith("(empower)")


def test_the_central_comparison_is_a_two_column_table(lecture):
    rows = [line for line in _slide(lecture, 11).text.splitlines() if line.startswith("|")]
    cells = [[cell.strip() for cell in row.strip("|").split("|")] for row in rows]
    assert cells[0] == ["การให้ประชาชนเข้ามาร่วม", "การบริหารราชการแบบมีส่วนร่วม"]
    assert all(len(row) == 2 for row in cells) and len(cells) == 7  # header, rule, 5 aspects
    assert ["อิทธิพลที่ประชาชนมีต่อภาครัฐต่ำ", "ประชาชนมีอิทธิพลสูง"] in cells


@pytest.mark.parametrize(
    ("number", "items"),
    [(2, 5), (3, 2), (12, 3), (13, 3), (15, 4), (21, 4), (22, 6), (23, 3)],
)
def test_lists_are_bullets_one_item_a_line(lecture, number, items):
    lines = _slide(lecture, number).text.splitlines()
    assert sum(line.startswith("- ") for line in lines) == items


def test_nested_items_stay_nested(lecture):
    lines = _slide(lecture, 18).text.splitlines()
    assert lines[:2] == ["- หน่วยงานมีการปรับเปลี่ยน", "  - โครงสร้างองค์การ"]


def test_line_wraps_of_the_web_page_are_repaired(lecture):
    text = "\n".join(f"{s.heading}\n{s.text}" for s in lecture.sections)
    for broken in ("ให้เข้า มาร่วม", "ร่วมดำเนิน นโยบาย", "ไร้ อำนาจ", "bottom- up", "แบบมี ส่วนร่วม"):
        assert broken not in text
    assert "มาสูหน่วยงาน" in text  # the lecturer's own spelling stays
    assert not any(
        line.lstrip().startswith("#") for s in lecture.sections for line in s.text.splitlines()
    )


def test_committed_lecture_metadata(lecture):
    metadata = lecture.metadata
    assert metadata["title"] == "การบริหารราชการแบบมีส่วนร่วม"
    assert metadata["title_en"] == "Participatory Governance"
    assert "พัชรี สิโรรส" in metadata["lecturer"]
    assert "Patcharee Siroros" in metadata["lecturer"]
    assert "มหาวิทยาลัยธรรมศาสตร์" in metadata["institution"]
    assert metadata["language"] == "th"
    assert metadata["source"] and metadata["source_en"]


def test_sources_folder_loads_without_errors():
    documents, errors = load_directory(SOURCES)
    assert errors == []
    assert "participatory-governance.md" in [document.doc for document in documents]
