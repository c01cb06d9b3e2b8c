"""Builders for real PDF, PPTX and DOCX files, made in tmp_path at test time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from fpdf import FPDF
from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from core.fonts import thai_font_path

DATA = Path(__file__).resolve().parent / "data"
SEED = DATA / "slide_page_seed.txt"
MARKER = "ใบสำเนางานนำเสนอ:"


@pytest.fixture
def seed_text() -> str:
    """The scraped slide page of the lecture, boilerplate included (a copy of the seed)."""
    return SEED.read_text(encoding="utf-8")


def _thai_pdf() -> FPDF:
    pdf = FPDF()
    pdf.add_font("Garuda", fname=str(thai_font_path()))
    pdf.set_font("Garuda", size=14)
    return pdf


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[..., Path]:
    """Write a PDF whose pages hold the given texts ("" = a page without text)."""

    def make(name: str, pages: list[str], *, title: str = "", image_only: bool = False) -> Path:
        pdf = _thai_pdf()
        if title:
            pdf.set_title(title)
        for text in pages:
            pdf.add_page()
            if text:
                pdf.multi_cell(0, 10, text)
            if image_only:
                pdf.image(Image.new("RGB", (40, 40), "gray"), x=20, y=20, w=80)
        path = tmp_path / name
        pdf.output(str(path))
        return path

    return make


@pytest.fixture
def make_pptx(tmp_path: Path) -> Callable[[str], Path]:
    """Write a deck: title+body+notes, a table and a group, an empty slide, a text box."""

    def make(name: str) -> Path:
        deck = Presentation()
        deck.core_properties.title = "ชื่อในคุณสมบัติไฟล์"
        first = deck.slides.add_slide(deck.slide_layouts[1])
        first.shapes.title.text = "การบริหารราชการแบบมีส่วนร่วม"
        first.placeholders[1].text = "ระดับการมีส่วนร่วม\nร่วมคิดร่วมทำ (collaborate)"
        first.notes_slide.notes_text_frame.text = "บันทึกผู้บรรยาย: เน้นภาคประชาชน"
        second = deck.slides.add_slide(deck.slide_layouts[6])
        table = second.shapes.add_table(2, 2, Inches(1), Inches(1), Inches(6), Inches(2)).table
        for (row, col), text in {(0, 0): "ระดับ", (0, 1): "ความหมาย", (1, 0): "inform"}.items():
            table.cell(row, col).text = text
        table.cell(1, 1).text = "ให้ข้อมูลข่าวสาร"
        group = second.shapes.add_group_shape()
        box = group.shapes.add_textbox(Inches(1), Inches(4), Inches(4), Inches(1))
        box.text_frame.text = "ข้อความในกลุ่มรูปร่าง"
        deck.slides.add_slide(deck.slide_layouts[6])  # slide 3: no text at all
        fourth = deck.slides.add_slide(deck.slide_layouts[6])
        fourth.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1)).text = "ขอบคุณ"
        path = tmp_path / name
        deck.save(str(path))
        return path

    return make


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[[str], Path]:
    """Write a Word file: a Title, an intro, headings (one empty), a table under a heading."""

    def make(name: str) -> Path:
        document = Document()
        document.add_paragraph("คู่มือการมีส่วนร่วม", style="Title")
        document.add_paragraph("บทนำก่อนหัวข้อแรก")
        document.add_heading("ความหมาย", level=1)
        document.add_paragraph("การบริหารราชการแบบมีส่วนร่วมคือการร่วมคิดร่วมทำ")
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text = "ระดับ"
        table.cell(0, 1).text = "ความหมาย"
        table.cell(1, 0).text = "empower"
        table.cell(1, 1).text = "เสริมอำนาจประชาชน"
        document.add_heading("หัวข้อว่าง", level=1)
        document.add_heading("ปัจจัยความสำเร็จ", level=2)
        document.add_paragraph("ผู้นำที่เข้มแข็ง")
        path = tmp_path / name
        document.save(str(path))
        return path

    return make
