from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document as DocxDocument
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn as pptx_qn
from pptx.util import Inches
from pypdf import PdfWriter

from core.errors import (
    CorruptFileError,
    DocumentError,
    EmptyDocumentError,
    UnsupportedFileError,
)
from knowledge.loaders import SUPPORTED_SUFFIXES, load_directory, load_document
from knowledge.models import Locator

MARKDOWN = """---
title: การบริหารราชการแบบมีส่วนร่วม
language: th
tags: [governance, participation]
---

# ชื่อเอกสาร

## สไลด์ 1

ข้อความสไลด์แรก

## Slide 2: Levels

ระดับการมีส่วนร่วม
- inform
- empower

## สไลด์ที่ ๓

สไลด์สามเลขไทย
"""


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def _assert_clear(error: DocumentError, name: str) -> None:
    assert name in str(error)
    assert "Traceback" not in str(error) and len(error.reason) < 200


# --- Markdown and text ------------------------------------------------------------------


def test_markdown_front_matter_and_slide_headings(tmp_path):
    document = load_document(_write(tmp_path / "lecture.md", MARKDOWN), tmp_path)
    assert document.title == "การบริหารราชการแบบมีส่วนร่วม"
    assert document.metadata["language"] == "th"
    assert document.metadata["tags"] == "governance, participation"
    assert [s.locator for s in document.sections] == [Locator("slide", n) for n in (1, 2, 3)]
    assert document.sections[1].heading == "Levels"
    assert document.sections[1].text == "ระดับการมีส่วนร่วม\n- inform\n- empower"
    assert document.sections[2].text == "สไลด์สามเลขไทย"


def test_markdown_pages_and_other_headings(tmp_path):
    text = (
        "คำนำ\n\n## หน้า 4\n\nเนื้อหาหน้าสี่\n\n## ปัจจัยความสำเร็จ\n\nผู้นำ\n\n### ข้อควรระวัง\n\nภาพลวงตา\n"
    )
    document = load_document(_write(tmp_path / "notes.md", text), tmp_path)
    assert document.title == "ปัจจัยความสำเร็จ"  # no front matter: the first heading
    assert [(s.locator, s.heading, s.text) for s in document.sections] == [
        (Locator("section", 1), "", "คำนำ"),
        (Locator("page", 4), "", "เนื้อหาหน้าสี่"),
        (Locator("section", 2), "ปัจจัยความสำเร็จ", "ผู้นำ"),
        (Locator("section", 3), "ข้อควรระวัง", "ภาพลวงตา"),
    ]


def test_markdown_code_fences_do_not_make_headings(tmp_path):
    text = "## สไลด์ 1\n\n```\n## สไลด์ 2\n```\n"
    document = load_document(_write(tmp_path / "code.md", text), tmp_path)
    assert [s.locator for s in document.sections] == [Locator("slide", 1)]


def test_markdown_repeated_slide_number_is_an_error(tmp_path):
    path = _write(tmp_path / "twice.md", "## สไลด์ 1\n\nก\n\n## สไลด์ 1\n\nข\n")
    with pytest.raises(CorruptFileError, match="slide 1 appears twice") as caught:
        load_document(path, tmp_path)
    _assert_clear(caught.value, "twice.md")


def test_markdown_bad_front_matter_is_a_clear_error(tmp_path):
    path = _write(tmp_path / "bad.md", "---\ntitle: [unclosed\n---\n\nข้อความ\n")
    with pytest.raises(CorruptFileError, match="front matter") as caught:
        load_document(path, tmp_path)
    _assert_clear(caught.value, "bad.md")


def test_empty_markdown_is_an_empty_document(tmp_path):
    path = _write(tmp_path / "empty.md", "---\ntitle: ว่าง\n---\n\n## สไลด์ 1\n\n   \n")
    with pytest.raises(EmptyDocumentError, match="no text"):
        load_document(path, tmp_path)


def test_text_slide_page_becomes_slides(tmp_path, seed_text):
    path = _write(tmp_path / "page.txt", seed_text.replace("\n", "\r\n"))
    document = load_document(path, tmp_path)
    assert len(document.sections) == 23
    assert {s.locator.unit for s in document.sections} == {"slide"}


def test_plain_text_is_grouped_into_numbered_sections_of_whole_paragraphs(tmp_path):
    paragraphs = [f"ย่อหน้าที่ {n} " + "การมีส่วนร่วมของประชาชน " * 20 for n in range(1, 7)]
    path = _write(tmp_path / "plain.txt", "\n\n\n".join(paragraphs))
    document = load_document(path, tmp_path)
    assert 1 < len(document.sections) < len(paragraphs)
    assert [s.locator.number for s in document.sections] == list(
        range(1, len(document.sections) + 1)
    )
    rejoined = "\n\n".join(s.text for s in document.sections)
    assert rejoined == "\n\n".join(p.strip() for p in paragraphs)
    assert document.title == "plain"  # the first line is too long to be a title


def test_text_with_markdown_headings_is_cut_at_them(tmp_path):
    path = _write(tmp_path / "notes.txt", "# บทนำ\nเนื้อหา\n# สรุป\nท้ายเรื่อง\n")
    document = load_document(path, tmp_path)
    assert [(s.heading, s.text) for s in document.sections] == [
        ("บทนำ", "เนื้อหา"),
        ("สรุป", "ท้ายเรื่อง"),
    ]


def test_thai_windows_874_text_is_decoded(tmp_path):
    path = _write(tmp_path / "legacy.txt", "การบริหารราชการแบบมีส่วนร่วม", encoding="cp874")
    assert load_document(path, tmp_path).sections[0].text == "การบริหารราชการแบบมีส่วนร่วม"


def test_binary_data_in_a_text_file_is_corrupt(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(CorruptFileError, match="binary"):
        load_document(path, tmp_path)


# --- PDF --------------------------------------------------------------------------------


def test_pdf_thai_text_by_page_keeps_real_page_numbers(make_pdf, tmp_path):
    pages = ["การบริหารราชการแบบมีส่วนร่วม หมายถึง การร่วมคิดร่วมทำ น้ำใจ", "", "Deliberation"]
    path = make_pdf("deck.pdf", pages, title="ชื่อเรื่องใน PDF")
    document = load_document(path, tmp_path)
    assert document.title == "ชื่อเรื่องใน PDF"
    assert [s.locator for s in document.sections] == [Locator("page", 1), Locator("page", 3)]
    first = document.sections[0].text.replace("\n", " ")
    for word in ("การบริหารราชการแบบมีส่วนร่วม", "ร่วมคิดร่วมทำ", "น้ำใจ"):
        assert word in first
    assert document.sections[1].text == "Deliberation"


def test_pdf_title_falls_back_to_its_first_line(make_pdf, tmp_path):
    document = load_document(make_pdf("untitled.pdf", ["หัวเรื่องหน้าแรก"]), tmp_path)
    assert document.title == "หัวเรื่องหน้าแรก"


def test_password_protected_pdf_is_a_clear_error(make_pdf, tmp_path):
    writer = PdfWriter(clone_from=make_pdf("plain.pdf", ["ความลับ"]))
    writer.encrypt("secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    with pytest.raises(DocumentError, match="password") as caught:
        load_document(path, tmp_path)
    _assert_clear(caught.value, "locked.pdf")


def test_pdf_with_only_an_owner_password_still_loads(make_pdf, tmp_path):
    writer = PdfWriter(clone_from=make_pdf("plain.pdf", ["เปิดอ่านได้"]))
    writer.encrypt("", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "restricted.pdf"
    writer.write(path)
    assert load_document(path, tmp_path).sections[0].text == "เปิดอ่านได้"


@pytest.mark.parametrize("image_only", [True, False])
def test_pdf_without_a_text_layer_is_empty(make_pdf, tmp_path, image_only):
    path = make_pdf("scan.pdf", ["", ""], image_only=image_only)
    with pytest.raises(EmptyDocumentError, match="no text found") as caught:
        load_document(path, tmp_path)
    _assert_clear(caught.value, "scan.pdf")


def test_truncated_pdf_is_corrupt(make_pdf, tmp_path):
    source = make_pdf("whole.pdf", ["ข้อความ"]).read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(source[: len(source) // 3])
    with pytest.raises(CorruptFileError) as caught:
        load_document(path, tmp_path)
    _assert_clear(caught.value, "cut.pdf")


def test_a_pdf_name_on_something_else_is_corrupt(tmp_path):
    path = _write(tmp_path / "fake.pdf", "<html>not a pdf</html>")
    with pytest.raises(CorruptFileError, match="not a PDF"):
        load_document(path, tmp_path)


# --- PowerPoint and Word ----------------------------------------------------------------


def test_pptx_slides_with_tables_groups_and_notes(make_pptx, tmp_path):
    document = load_document(make_pptx("deck.pptx"), tmp_path)
    assert document.title == "การบริหารราชการแบบมีส่วนร่วม"
    assert [s.locator for s in document.sections] == [Locator("slide", n) for n in (1, 2, 4)]
    first, second, last = document.sections
    assert first.heading == "การบริหารราชการแบบมีส่วนร่วม"
    assert "ร่วมคิดร่วมทำ (collaborate)" in first.text
    assert "บันทึกผู้บรรยาย: เน้นภาคประชาชน" in first.text
    assert "ระดับ | ความหมาย" in second.text and "inform | ให้ข้อมูลข่าวสาร" in second.text
    assert "ข้อความในกลุ่มรูปร่าง" in second.text
    assert last.text == "ขอบคุณ"


def test_docx_sections_follow_heading_styles(make_docx, tmp_path):
    document = load_document(make_docx("guide.docx"), tmp_path)
    assert document.title == "คู่มือการมีส่วนร่วม"
    assert [(s.locator, s.heading) for s in document.sections] == [
        (Locator("section", 1), ""),
        (Locator("section", 2), "ความหมาย"),
        (Locator("section", 3), "ปัจจัยความสำเร็จ"),
    ]
    assert document.sections[0].text == "บทนำก่อนหัวข้อแรก"
    assert "empower | เสริมอำนาจประชาชน" in document.sections[1].text
    assert all("คู่มือการมีส่วนร่วม" not in s.text for s in document.sections)


@pytest.mark.parametrize("suffix", [".pptx", ".docx"])
def test_truncated_office_files_are_corrupt(make_pptx, make_docx, tmp_path, suffix):
    maker = make_pptx if suffix == ".pptx" else make_docx
    data = maker("whole" + suffix).read_bytes()
    path = tmp_path / f"cut{suffix}"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFileError) as caught:
        load_document(path, tmp_path)
    _assert_clear(caught.value, f"cut{suffix}")


def test_a_deck_renamed_to_docx_is_corrupt(make_pptx, tmp_path):
    path = tmp_path / "renamed.docx"
    path.write_bytes(make_pptx("deck.pptx").read_bytes())
    with pytest.raises(CorruptFileError):
        load_document(path, tmp_path)


def test_old_binary_office_file_gets_a_helpful_reason(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(CorruptFileError, match=r"save it as \.docx"):
        load_document(path, tmp_path)


@pytest.mark.parametrize("name", ["sheet.xlsx", "notes.csv", "README"])
def test_unsupported_files_are_refused(tmp_path, name):
    path = _write(tmp_path / name, "a,b\n")
    with pytest.raises(UnsupportedFileError) as caught:
        load_document(path, tmp_path)
    _assert_clear(caught.value, name)
    assert ".pdf" in caught.value.reason


def test_supported_suffixes():
    assert {".md", ".txt", ".pdf", ".pptx", ".docx"} <= set(SUPPORTED_SUFFIXES)


# --- Folders ----------------------------------------------------------------------------


def test_doc_is_the_posix_path_relative_to_the_root(tmp_path):
    path = _write(tmp_path / "sources" / "week 1" / "abc.md", "## สไลด์ 1\n\nก\n")
    assert load_document(path, tmp_path / "sources").doc == "week 1/abc.md"


def test_load_directory_continues_past_bad_files(make_pdf, tmp_path):
    root = tmp_path / "sources"
    _write(root / "b.md", "## สไลด์ 1\n\nสไลด์\n")
    _write(root / "sub" / "a.txt", "ข้อความธรรมดา\n")
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    _write(root / "data.xlsx", "x")
    _write(root / ".hidden.md", "## สไลด์ 1\n\nซ่อน\n")
    _write(root / ".git" / "c.md", "## สไลด์ 1\n\nซ่อน\n")
    _write(root / "~$b.md", "lock file")
    documents, errors = load_directory(root)
    assert [document.doc for document in documents] == ["b.md", "sub/a.txt"]
    assert {(type(e), e.path.name) for e in errors} == {
        (CorruptFileError, "broken.pdf"),
        (UnsupportedFileError, "data.xlsx"),
    }


def test_load_directory_of_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(DocumentError, match="does not exist"):
        load_directory(tmp_path / "nowhere")


# --- Structure kept in the text ---------------------------------------------------------


def _numbered(paragraph, start: int | None = None) -> None:
    """Give a PowerPoint paragraph its own "1." numbering, as PowerPoint writes it."""
    auto = etree.SubElement(paragraph._p.get_or_add_pPr(), pptx_qn("a:buAutoNum"))
    auto.set("type", "arabicPeriod")
    if start is not None:
        auto.set("startAt", str(start))


def _paragraphs(frame, items: list[tuple[str, int]]) -> list:
    """Fill a text frame with (text, level) paragraphs; returns the paragraphs."""
    paragraphs = []
    for index, (text, level) in enumerate(items):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text, paragraph.level = text, level
        paragraphs.append(paragraph)
    return paragraphs


def test_pptx_keeps_bullets_nesting_numbers_tables_and_notes(tmp_path):
    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[1])  # title and content
    slide.shapes.title.text = "ระดับการมีส่วนร่วม"
    body = slide.placeholders[1].text_frame
    _paragraphs(body, [("ระดับการให้ข้อมูล", 0), ("inform", 1), ("ระดับการร่วมคิดร่วมทำ", 0)])
    box = slide.shapes.add_textbox(Inches(1), Inches(5), Inches(6), Inches(1)).text_frame
    _paragraphs(box, [("ย่อหน้าแรก", 0), ("ย่อหน้าที่สอง", 0)])
    steps = slide.shapes.add_textbox(Inches(1), Inches(6), Inches(6), Inches(1)).text_frame
    first, second, _nested, third = _paragraphs(
        steps, [("ตั้งเป้าหมาย", 0), ("ชวนชุมชน", 0), ("ประชุมหมู่บ้าน", 1), ("ประเมินผล", 0)]
    )
    for paragraph in (first, second, third):
        _numbered(paragraph)
    table = slide.shapes.add_table(3, 2, Inches(1), Inches(1), Inches(6), Inches(2)).table
    for (row, col), text in {
        (0, 0): "ระดับ", (0, 1): "ความหมาย", (1, 0): "inform", (1, 1): "ให้ข้อมูล ข่าวสาร",
        (2, 0): "empower", (2, 1): "เสริมอำนาจ|ประชาชน",
    }.items():  # fmt: skip
        table.cell(row, col).text = text
    slide.notes_slide.notes_text_frame.text = "เน้นตัวอย่างจริง\nถามผู้เรียนก่อน"
    path = tmp_path / "levels.pptx"
    deck.save(str(path))

    section = load_document(path, tmp_path).sections[0]
    assert section.heading == "ระดับการมีส่วนร่วม"
    assert section.text.split("\n") == [
        "- ระดับการให้ข้อมูล",
        "  - inform",
        "- ระดับการร่วมคิดร่วมทำ",
        "",
        "ย่อหน้าแรก",
        "ย่อหน้าที่สอง",
        "",
        "1. ตั้งเป้าหมาย",
        "2. ชวนชุมชน",
        "  - ประชุมหมู่บ้าน",
        "3. ประเมินผล",
        "",
        "| ระดับ | ความหมาย |",
        "| --- | --- |",
        "| inform | ให้ข้อมูล ข่าวสาร |",
        "| empower | เสริมอำนาจ\\|ประชาชน |",
        "",
        "**Notes**",
        "เน้นตัวอย่างจริง",
        "ถามผู้เรียนก่อน",
    ]


def test_pptx_paragraphs_without_bullets_stay_plain(tmp_path):
    deck = Presentation()
    section_header = deck.slides.add_slide(deck.slide_layouts[2])  # its layout says buNone
    section_header.shapes.title.text = "ส่วนที่ 2"
    section_header.placeholders[1].text = "ความแตกต่างจากการรับฟังความคิดเห็น"
    content = deck.slides.add_slide(deck.slide_layouts[1])
    content.shapes.title.text = "สรุป"
    (statement,) = _paragraphs(content.placeholders[1].text_frame, [("ไม่มีสูตรสำเร็จ", 0)])
    etree.SubElement(statement._p.get_or_add_pPr(), pptx_qn("a:buNone"))
    numbered = content.shapes.add_textbox(Inches(1), Inches(5), Inches(4), Inches(1)).text_frame
    for paragraph in _paragraphs(numbered, [("ข้อสี่", 0), ("ข้อห้า", 0)]):
        _numbered(paragraph, start=4)
    title_only = deck.slides.add_slide(deck.slide_layouts[5])
    title_only.shapes.title.text = "คำถามท้ายบท"
    path = tmp_path / "plain.pptx"
    deck.save(str(path))

    sections = load_document(path, tmp_path).sections
    assert [(s.heading, s.text) for s in sections] == [
        ("ส่วนที่ 2", "ความแตกต่างจากการรับฟังความคิดเห็น"),
        ("สรุป", "ไม่มีสูตรสำเร็จ\n\n4. ข้อสี่\n5. ข้อห้า"),
        ("", "คำถามท้ายบท"),  # a title-only slide keeps its words as its text
    ]


def test_pptx_title_is_the_heading_and_not_repeated(make_pptx, tmp_path):
    first = load_document(make_pptx("deck.pptx"), tmp_path).sections[0]
    assert first.heading == "การบริหารราชการแบบมีส่วนร่วม"
    assert first.heading not in first.text
    assert first.text.split("\n")[-2:] == ["**Notes**", "บันทึกผู้บรรยาย: เน้นภาคประชาชน"]


def test_docx_keeps_bullets_numbers_paragraphs_and_tables(tmp_path):
    word = DocxDocument()
    word.add_heading("ปัจจัยความสำเร็จ", level=1)
    word.add_paragraph("ย่อหน้าแรกของหัวข้อ")
    word.add_paragraph("ย่อหน้าที่สอง")
    word.add_paragraph("ผู้นำที่เข้มแข็ง", style="List Bullet")
    word.add_paragraph("มุ่งมั่นร่วมงานกับประชาชน", style="List Bullet 2")
    word.add_paragraph("แบ่งปันอำนาจ", style="List Bullet")
    word.add_paragraph("ตั้งคณะทำงาน", style="List Number")
    word.add_paragraph("จัดเวทีสานเสวนา", style="List Number")
    table = word.add_table(rows=3, cols=3)
    for (row, col), text in {(0, 0): "ด้าน", (0, 1): "ก่อน", (0, 2): "หลัง"}.items():
        table.cell(row, col).text = text
    table.cell(1, 0).text = "โครงสร้าง"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "ปรับทั้งองค์การ"
    table.cell(2, 0).text = "บุคลากร"
    table.cell(2, 1).text = "ไม่มี"
    table.cell(2, 2).text = "มีเจ้าหน้าที่ด้านการมีส่วนร่วม"
    word.add_paragraph("ท้ายหัวข้อ")
    path = tmp_path / "factors.docx"
    word.save(str(path))

    (section,) = load_document(path, tmp_path).sections
    assert section.heading == "ปัจจัยความสำเร็จ"
    assert section.text.split("\n") == [
        "ย่อหน้าแรกของหัวข้อ",
        "",
        "ย่อหน้าที่สอง",
        "",
        "- ผู้นำที่เข้มแข็ง",
        "  - มุ่งมั่นร่วมงานกับประชาชน",
        "- แบ่งปันอำนาจ",
        "1. ตั้งคณะทำงาน",
        "2. จัดเวทีสานเสวนา",
        "",
        "| ด้าน | ก่อน | หลัง |",
        "| --- | --- | --- |",
        "| โครงสร้าง | ปรับทั้งองค์การ | |",
        "| บุคลากร | ไม่มี | มีเจ้าหน้าที่ด้านการมีส่วนร่วม |",
        "",
        "ท้ายหัวข้อ",
    ]


def test_docx_numbering_set_on_the_paragraph_itself(tmp_path):
    word = DocxDocument()
    template = word.add_paragraph("ข้อหนึ่ง", style="List Number")
    num_id = template.style.element.pPr.numPr.numId.val
    for text, level in (("ข้อสอง", 0), ("ข้อย่อย", 1), ("ข้อสาม", 0)):
        paragraph = word.add_paragraph(text)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_numId().val = num_id
        num_pr.get_or_add_ilvl().val = level
    path = tmp_path / "numbered.docx"
    word.save(str(path))
    text = load_document(path, tmp_path).sections[0].text
    assert text.split("\n") == ["1. ข้อหนึ่ง", "2. ข้อสอง", "  1. ข้อย่อย", "3. ข้อสาม"]


def test_markdown_lists_and_tables_are_kept_as_written(tmp_path):
    body = (
        "**ระดับ**\n\n1. inform\n2. consult\n   - รับฟังความคิดเห็น\n\n"
        "| government | governance |\n| --- | --- |\n| รัฐบาล | การจัดการปกครอง |\n"
    )
    path = _write(tmp_path / "levels.md", f"## สไลด์ 1: ระดับ\n\n{body}\n## สไลด์ 2: คำถาม\n")
    sections = load_document(path, tmp_path).sections
    assert (sections[0].heading, sections[0].text) == ("ระดับ", body.strip())
    assert (sections[1].heading, sections[1].text) == ("", "คำถาม")  # a title-only slide


def test_pdf_and_plain_text_keep_their_lines(make_pdf, tmp_path):
    pdf = load_document(make_pdf("lines.pdf", ["บรรทัดแรก\nบรรทัดที่สอง"]), tmp_path)
    assert pdf.sections[0].text.split("\n") == ["บรรทัดแรก", "บรรทัดที่สอง"]
    text = _write(tmp_path / "lines.txt", "หัวข้อ\n- ข้อแรก\n- ข้อสอง\n\nย่อหน้าใหม่\n")
    assert load_document(text, tmp_path).sections[0].text == "หัวข้อ\n- ข้อแรก\n- ข้อสอง\n\nย่อหน้าใหม่"
