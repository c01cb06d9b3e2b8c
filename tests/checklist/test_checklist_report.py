"""The report: Markdown and a PDF whose extracted text holds the Thai headings and scores."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from checklist import texts
from checklist.actions import next_actions
from checklist.history import compare
from checklist.report import render_markdown, render_pdf
from checklist.results import Answer
from checklist.scoring import project_info, score_assessment

THAI_HEADINGS = [
    texts.REPORT_TITLE.th,
    texts.OVERALL.th,
    texts.SECTIONS_HEADING.th,
    texts.ACTIONS_HEADING.th,
    texts.LEVEL_HEADING.th,
]


@pytest.fixture
def assessment(checklist, answers):
    """A project that claims collaboration but only consults, run twice."""
    facts = answers(
        a_name="โครงการจัดการขยะชุมชน | บ้านหนองบัว",
        a_agency="เทศบาลตำบลหนองบัว",
        a_community="ชาวบ้านหมู่ 3",
        a_stage="running",
        b_claim="collaborate",
        b_inform="yes",
        b_consult="yes",
        b_codecide="no",
        c_open="partly",
        c_carried="yes",
        d_delib="yes",
        e_leader="dont_know",
        f_illusion="yes",
    )
    facts["c_carried"] = Answer("yes", evidence="รายงานการประชุม 12 ม.ค.")
    previous = score_assessment(checklist, facts | answers(c_carried="no", d_delib="no"))
    result = score_assessment(checklist, facts)
    return {
        "checklist": checklist,
        "project_info": project_info(checklist, facts),
        "result": result,
        "actions": next_actions(checklist, facts, result),
        "comparison": compare(previous, result),
        "answers": facts,
    }


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_markdown_report_in_thai(assessment):
    markdown = render_markdown(**assessment, lang="th", assessed_on=date(2025, 3, 1))
    result = assessment["result"]
    for heading in THAI_HEADINGS:
        assert heading in markdown
    assert f"{result.overall:.1f}" in markdown
    assert f"{result.section('C').score:.1f}" in markdown
    assert result.maturity.label.th in markdown
    assert "ข้อสังเกต" in markdown  # the claimed-versus-shown flag
    assert assessment["actions"][0].text.th in markdown
    assert texts.HISTORY_HEADING.th in markdown
    assert "รายงานการประชุม 12 ม.ค." in markdown
    assert "2025-03-01" in markdown
    assert "ชุมชน \\| บ้าน" in markdown  # a pipe in user text cannot break the table


def test_markdown_report_in_english_without_history(assessment):
    markdown = render_markdown(**(assessment | {"comparison": None}), lang="en")
    assert "# Participatory governance quality report" in markdown
    assert "## Next actions" in markdown
    assert texts.HISTORY_HEADING.en not in markdown
    assert "Flag:" in markdown


def test_pdf_embeds_the_thai_font_and_its_text_extracts(assessment):
    pdf = render_pdf(**assessment, lang="th")
    assert pdf.startswith(b"%PDF")
    text = _pdf_text(pdf)
    for heading in THAI_HEADINGS:
        assert heading in text
    result = assessment["result"]
    assert f"{result.overall:.1f}" in text
    for section in result.sections:
        if section.score is not None:
            assert f"{section.score:.1f}" in text
    assert "เทศบาลตำบลหนองบัว" in text
    assert "ความสำเร็จ" in text  # sara am survives extraction


def test_pdf_embeds_font_and_chart(assessment):
    reader = PdfReader(io.BytesIO(render_pdf(**assessment, lang="th")))
    fonts = set()
    images = 0
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object()  # embedded, not just named
            fonts.add(str(font.get_object()["/BaseFont"]))
        images += len(page.images)
    assert any("Garuda" in name for name in fonts)
    assert images == 1


def test_pdf_in_english(assessment):
    text = _pdf_text(render_pdf(**assessment, lang="en"))
    assert "Participatory governance quality report" in text
    assert "Section scores" in text
