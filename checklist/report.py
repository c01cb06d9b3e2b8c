"""The assessment report as Markdown and as PDF (Thai font embedded, text extractable)."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from checklist.actions import Action
from checklist.charts import radar_chart_png
from checklist.definition import Checklist
from checklist.history import Comparison
from checklist.pdf_widths import cache_text_widths
from checklist.report_blocks import (
    Block,
    Bullets,
    Chart,
    Heading,
    Paragraph,
    ReportInput,
    Table,
    report_blocks,
)
from checklist.results import Answer, AssessmentResult
from checklist.scoring import ProjectInfo
from core.dates import DEFAULT_TIMEZONE
from core.fonts import thai_font_path

NIKHAHIT, SARA_AA = "\u0e4d", "\u0e32"
_SARA_AM = re.compile("([\u0e48-\u0e4b]*)\u0e33")  # tone marks, then sara am

if TYPE_CHECKING:
    from fpdf import FPDF

FONT = "garuda"
BODY_SIZE = 11
LINE_HEIGHT = 6.5
HEADING_SIZES = {1: 17, 2: 13.5}
CHART_WIDTH_MM = 120
KEEP_WITH_HEADING_MM = 40
CELL_PADDING = (1.6, 1.5)  # mm top/bottom, left/right: room for Thai marks above and below


def render_markdown(
    checklist: Checklist,
    project_info: ProjectInfo,
    result: AssessmentResult,
    actions: Sequence[Action],
    comparison: Comparison | None,
    lang: str = "th",
    *,
    answers: Mapping[str, Answer] | None = None,
    assessed_at: datetime | None = None,
    timezone: str = DEFAULT_TIMEZONE,
) -> str:
    """The report as Markdown (the chart is left out; send it as a separate image).

    `assessed_at` (stored UTC) is shown in `timezone`, Buddhist era in Thai.
    """
    data = ReportInput(
        checklist, project_info, result, actions, comparison, lang, answers, assessed_at, timezone
    )
    parts = [_markdown(block) for block in report_blocks(data)]
    return "\n\n".join(part for part in parts if part) + "\n"


def _markdown(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {block.text}"
    if isinstance(block, Paragraph):
        return f"**{block.text}**" if block.bold else block.text
    if isinstance(block, Bullets):
        marks = [f"{n}." if block.numbered else "-" for n in range(1, len(block.items) + 1)]
        return "\n".join(f"{mark} {item}" for mark, item in zip(marks, block.items, strict=True))
    if isinstance(block, Table):
        lines = [_row(block.header), _row(tuple("---" for _ in block.header))]
        return "\n".join(lines + [_row(row) for row in block.rows])
    return ""  # Chart: Markdown carries no image


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"


def render_pdf(
    checklist: Checklist,
    project_info: ProjectInfo,
    result: AssessmentResult,
    actions: Sequence[Action],
    comparison: Comparison | None,
    lang: str = "th",
    *,
    answers: Mapping[str, Answer] | None = None,
    assessed_at: datetime | None = None,
    timezone: str = DEFAULT_TIMEZONE,
    chart_png: bytes | None = None,
) -> bytes:
    """The report as an A4 PDF with the radar chart (drawn here unless `chart_png` is given)."""
    data = ReportInput(
        checklist, project_info, result, actions, comparison, lang, answers, assessed_at, timezone
    )
    chart = chart_png if chart_png is not None else radar_chart_png(result, lang)
    pdf = _new_pdf(checklist.title.get(lang), lang)
    for block in report_blocks(data):
        _draw(pdf, block, chart)
    return bytes(pdf.output())


def _new_pdf(title: str, lang: str) -> FPDF:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font(FONT, "", str(thai_font_path()))
    pdf.add_font(FONT, "B", str(thai_font_path(bold=True)))
    cache_text_widths(pdf)
    # HarfBuzz shaping places Thai tone marks and upper vowels (GSUB/GPOS); without it they
    # float right of their consonant. HarfBuzz reads GSUB/GPOS from the full font file; the
    # embedded subset drops them on purpose, since the PDF carries the shaped glyphs and
    # their positions. Shaped sara am extracts as nikhahit + sara aa (equal under NFKC).
    pdf.set_text_shaping(use_shaping_engine=True, script="thai", language="tha")
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    pdf.set_font(FONT, size=BODY_SIZE)
    return pdf


def _draw(pdf: FPDF, block: Block, chart: bytes) -> None:
    if isinstance(block, Heading):
        if pdf.will_page_break(KEEP_WITH_HEADING_MM):  # no heading alone at a page's foot
            pdf.add_page()
        pdf.ln(2)
        pdf.set_font(FONT, "B", HEADING_SIZES.get(block.level, BODY_SIZE))
        _text(pdf, block.text, height=LINE_HEIGHT + 2)
    elif isinstance(block, Paragraph):
        pdf.set_font(FONT, "B" if block.bold else "", BODY_SIZE)
        _text(pdf, block.text)
    elif isinstance(block, Bullets):
        pdf.set_font(FONT, "", BODY_SIZE)
        for n, item in enumerate(block.items, start=1):
            _text(pdf, f"{n}. {item}" if block.numbered else f"• {item}")
    elif isinstance(block, Table):
        _table(pdf, block)
    elif isinstance(block, Chart):
        x = (pdf.w - CHART_WIDTH_MM) / 2
        pdf.image(io.BytesIO(chart), x=x, w=CHART_WIDTH_MM)
    pdf.set_font(FONT, "", BODY_SIZE)


def pdf_text(text: str) -> str:
    """Thai text with sara am split as HarfBuzz draws it, so each glyph keeps its character.

    HarfBuzz draws ำ as nikhahit + sara aa and moves the nikhahit before any tone mark;
    fpdf2 then gives the second glyph no character, which extracts as garbage ("ตํา!บล").
    Splitting it here draws the same glyphs, each mapped to its own character.
    """
    return _SARA_AM.sub(lambda m: NIKHAHIT + m.group(1) + SARA_AA, text)


def _text(pdf: FPDF, text: str, height: float = LINE_HEIGHT) -> None:
    pdf.multi_cell(0, height, pdf_text(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _table(pdf: FPDF, table: Table) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font(FONT, "", BODY_SIZE - 1)
    has_header = any(table.header)
    with pdf.table(
        text_align="LEFT",
        first_row_as_headings=has_header,
        headings_style=FontFace(family=FONT, emphasis="BOLD", fill_color=(230, 238, 242)),
        line_height=LINE_HEIGHT,
        padding=CELL_PADDING,
    ) as grid:
        for cells in ((table.header,) if has_header else ()) + table.rows:
            row = grid.row()
            for cell in cells:
                row.cell(pdf_text(cell))
    pdf.ln(2)
