"""The report: Markdown and a PDF whose extracted text holds the Thai headings and scores."""

from __future__ import annotations

import io
import re
import unicodedata
from datetime import UTC, datetime

import pytest
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from checklist import pdf_widths, report, texts
from checklist.actions import next_actions
from checklist.history import compare
from checklist.report import pdf_text, render_markdown, render_pdf
from checklist.results import Answer
from checklist.scoring import project_info, score_assessment
from core.fonts import thai_font_path

EVENING_UTC = datetime(2025, 3, 1, 20, 30, tzinfo=UTC)  # already 2 March in Bangkok

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
    """The PDF's text, NFKC-normalised (shaping draws sara am as nikhahit + sara aa)."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return _nfkc(text)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _embedded_fonts(pdf: bytes) -> dict[str, TTFont]:
    """Embedded font subsets by base font name."""
    fonts = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            data = descriptor.get_object()["/FontFile2"].get_object().get_data()
            fonts[str(font["/BaseFont"])] = TTFont(io.BytesIO(data))
    return fonts


def test_markdown_report_in_thai(assessment):
    markdown = render_markdown(**assessment, lang="th", assessed_at=EVENING_UTC)
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
    assert "2 มี.ค. 2568 03:30 น." in markdown  # Bangkok's next morning, Buddhist era
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
        assert _nfkc(heading) in text
    result = assessment["result"]
    assert f"{result.overall:.1f}" in text
    for section in result.sections:
        if section.score is not None:
            assert f"{section.score:.1f}" in text
    assert _nfkc("เทศบาลตำบลหนองบัว") in text
    assert _nfkc("ความสำเร็จ") in text  # sara am survives extraction
    assert _nfkc("ไม่ทราบ/ข้าม") in text


def test_pdf_thai_is_shaped_and_extracts_without_garbage(assessment, checklist):
    facts = assessment["answers"] | {
        "a_community": Answer("ผู้ค้าและผู้ใช้ตลาดน้ำ ส่วนร่วม"),
        "a_agency": Answer("สำนักงานเขตบางรัก"),
    }
    info = project_info(checklist, facts)
    pdf = render_pdf(**(assessment | {"answers": facts, "project_info": info}), lang="th")
    text = _pdf_text(pdf)
    for word in ("ผู้ค้า", "ผู้ใช้", "ส่วนร่วม", "ไม่ทราบ/ข้าม", "สำนักงานเขตบางรัก", "ร่วมคิดร่วมทำ"):
        assert _nfkc(word) in text
    # A glyph without a character extracts as stray ASCII inside a Thai word ("ตํา!บล");
    # none of these signs occurs in the report's own texts.
    assert not re.search("[\u0e00-\u0e7f][!#$%&*=?@^_`~]+[\u0e00-\u0e7f]", text)
    glyphs = {name for font in _embedded_fonts(pdf).values() for name in font.getGlyphOrder()}
    # GSUB swaps in the lowered mai tho over ผู้ (uni0E49.low, named by its PUA code point
    # U+F70B in the subset); unshaped text never uses it.
    assert glyphs & {"uni0E49.low", "uniF70B"}


def test_pdf_positions_thai_marks_from_gpos(assessment):
    pdf = render_pdf(**assessment, lang="th")
    pages = PdfReader(io.BytesIO(pdf)).pages
    streams = [page.get_contents() for page in pages]
    content = b"".join(stream.get_data() for stream in streams if stream is not None)
    # fpdf2 places a GPOS-shifted mark with its own text matrix; without shaping there are none.
    assert re.search(rb"1 0 0 1 [\d.]+ [\d.]+ Tm", content)


def test_pdf_text_splits_sara_am_as_harfbuzz_draws_it():
    assert pdf_text("ทำ") == "ท\u0e4d\u0e32"
    assert pdf_text("น้ำ") == "น\u0e4d\u0e49\u0e32"  # nikhahit before the tone mark
    assert _nfkc(pdf_text("ความสำเร็จ")) == _nfkc("ความสำเร็จ")


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


def test_pdf_and_markdown_show_the_assessment_time_in_the_configured_zone(assessment):
    thai = _pdf_text(render_pdf(**assessment, lang="th", assessed_at=EVENING_UTC))
    assert _nfkc("2 มี.ค. 2568 03:30 น.") in thai
    english = _pdf_text(render_pdf(**assessment, lang="en", assessed_at=EVENING_UTC))
    assert "2 Mar 2025 03:30" in english
    utc = render_markdown(**assessment, lang="en", assessed_at=EVENING_UTC, timezone="UTC")
    assert "1 Mar 2025 20:30" in utc


def test_pdf_in_english(assessment):
    text = _pdf_text(render_pdf(**assessment, lang="en"))
    assert "Participatory governance quality report" in text
    assert "Section scores" in text


def _page_streams(pdf: bytes) -> list[bytes]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return [
        b"".join(s.get_data() for s in [page.get_contents()] if s is not None) for page in pages
    ]


def test_cached_text_widths_lay_the_report_out_exactly_as_measuring_does(assessment, monkeypatch):
    pdf_widths._widths.clear()
    first = render_pdf(**assessment, lang="th")  # measures every width
    again = render_pdf(**assessment, lang="th")  # finds them all in the cache
    monkeypatch.setattr(report, "cache_text_widths", lambda pdf: None)
    uncached = render_pdf(**assessment, lang="th")
    assert _page_streams(first) == _page_streams(again) == _page_streams(uncached)


def test_a_second_report_reuses_the_widths_of_the_first(assessment):
    pdf_widths._widths.clear()
    render_pdf(**assessment, lang="th")
    measured = pdf_widths.cached_widths()
    render_pdf(**assessment, lang="en")
    english = pdf_widths.cached_widths()
    render_pdf(**assessment, lang="th")
    assert measured > 0
    assert pdf_widths.cached_widths() == english  # nothing new to measure


def test_the_width_cache_stays_within_its_bound(assessment, monkeypatch):
    pdf_widths._widths.clear()
    monkeypatch.setattr(pdf_widths, "MAX_WIDTHS", 500)
    pdf = render_pdf(**assessment, lang="th")
    assert pdf_widths.cached_widths() == 500
    assert _nfkc(texts.REPORT_TITLE.th) in _pdf_text(pdf)


def test_cached_widths_differ_by_size_and_weight_as_measured_ones_do():
    from fpdf import FPDF

    def widths(cached: bool) -> list[float]:
        pdf = FPDF()
        pdf.add_font("garuda", "", str(thai_font_path()))
        pdf.add_font("garuda", "B", str(thai_font_path(bold=True)))
        if cached:
            pdf_widths.cache_text_widths(pdf)
        pdf.set_text_shaping(use_shaping_engine=True, script="thai", language="tha")
        found = []
        for style, size in (("", 11), ("", 17), ("B", 11), ("", 11)):
            pdf.set_font("garuda", style, size)
            found.append(pdf.get_string_width("การมีส่วนร่วมของประชาชน"))
        return found

    pdf_widths._widths.clear()
    assert widths(cached=True) == widths(cached=False)
    assert widths(cached=True) == widths(cached=False)  # now all from the cache
    assert len(set(widths(cached=True))) == 3
