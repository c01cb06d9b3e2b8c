"""PowerPoint and Word files into sections whose text keeps their lists and tables.

The text uses the light Markdown subset every loader writes: a line per paragraph, bullets
as ``- item`` (two spaces per level), numbered items as ``1. item``, tables as pipe tables;
a slide's speaker notes follow a line ``**Notes**``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

import docx
import pptx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn as docx_qn
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn as pptx_qn
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.group import GroupShape
from pptx.slide import Slide
from pptx.text.text import TextFrame, _Paragraph

from core.errors import CorruptFileError
from knowledge.markdown import Block, numbered_sections, pipe_table
from knowledge.models import Locator, Section, SourceDocument
from knowledge.thai import normalize

ListKind = Literal["plain", "bullet", "number"]

NOTES_LINE = "**Notes**"
_TITLE_LIMIT = 120
_GENERIC_TITLE = re.compile(r"^(?:microsoft |untitled|powerpoint presentation|slide \d)", re.I)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_DOCX_HEADING = re.compile(r"^(?:heading|หัวเรื่อง)\s*\d$", re.I)
_DOCX_LIST_STYLE = re.compile(r"^list (?P<kind>bullet|number)(?: (?P<level>\d))?$", re.I)
# Placeholders whose paragraphs are bullets unless the slide says otherwise (the master's
# body style), and ones that only repeat boilerplate on every slide.
_BULLETED = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.VERTICAL_BODY}
_BOILERPLATE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


def useful_title(title: str) -> str:
    """A file's own title property, or "" when it is a tool's default ("Microsoft Word …")."""
    title = normalize(title)
    return "" if _GENERIC_TITLE.match(title) else title[:_TITLE_LIMIT]


def office_bytes(path: Path, kind: str, main_part: str) -> BytesIO:
    """The file's bytes once it is known to be a complete Office package of the right kind."""
    data = BytesIO(path.read_bytes())
    if data.getvalue().startswith(_OLE_MAGIC):
        raise CorruptFileError(path, f"an old binary Office file; save it as {kind} and retry")
    try:
        with zipfile.ZipFile(data) as package:
            names = set(package.namelist())
    except zipfile.BadZipFile:
        raise CorruptFileError(path, f"not a {kind} file, or the file is incomplete") from None
    if main_part not in names:
        raise CorruptFileError(path, f"not a {kind} file (no {main_part} inside)")
    return data


class _Counter:
    """Numbers of numbered items, per list and level; a shallower item restarts deeper ones."""

    def __init__(self) -> None:
        self._next: dict[tuple[object, int], int] = {}

    def number(self, key: object, level: int, start: int = 1) -> int:
        value = self._next.get((key, level), start)
        self._next[(key, level)] = value + 1
        self.restart_below(key, level)
        return value

    def restart_below(self, key: object, level: int) -> None:
        for known in [k for k in self._next if k[0] == key and k[1] > level]:
            del self._next[known]


def _item_line(text: str, level: int, kind: ListKind, number: int = 1) -> str:
    marker = "- " if kind == "bullet" else f"{number}. "
    return "  " * level + marker + " ".join(text.split())


# --- PowerPoint -------------------------------------------------------------------------


def load_pptx(path: Path, doc: str) -> SourceDocument:
    """One section per slide with text: title as heading, shapes' text, tables, notes."""
    presentation = pptx.Presentation(office_bytes(path, ".pptx", "ppt/presentation.xml"))
    sections = []
    for number, slide in enumerate(presentation.slides, start=1):
        heading, text = _slide_text(slide)
        if not text and heading:  # a title-only slide (a section divider) keeps its words
            heading, text = "", heading
        if text:
            sections.append(Section(locator=Locator("slide", number), text=text, heading=heading))
    title = _pptx_title(presentation) or path.stem
    return SourceDocument(doc=doc, title=title, sections=sections)


def _slide_text(slide: Slide) -> tuple[str, str]:
    title = slide.shapes.title
    heading = (
        normalize(title.text_frame.text) if title is not None and title.has_text_frame else ""
    )
    skip = title.shape_id if title is not None else None
    blocks = ["\n".join(_shape_lines(s)) for s in slide.shapes if s.shape_id != skip]
    if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
        notes = "\n".join(_frame_lines(slide.notes_slide.notes_text_frame, None))
        if notes.strip():
            blocks.append(f"{NOTES_LINE}\n{notes}")
    body = "\n\n".join(block for block in blocks if block.strip())
    return heading, normalize(body, keep_lines=True, keep_indent=True)


def _shape_lines(shape: BaseShape) -> Iterator[str]:
    """Lines of a shape: its paragraphs, a table as a pipe table, or a group's shapes."""
    if shape.is_placeholder and shape.placeholder_format.type in _BOILERPLATE:
        return
    if isinstance(shape, GroupShape):
        for inner in shape.shapes:
            yield from _shape_lines(inner)
            yield ""
    elif isinstance(shape, GraphicFrame) and shape.has_table:
        rows = [[cell.text for cell in row.cells] for row in shape.table.rows]
        yield from pipe_table(rows)
    elif isinstance(shape, Shape) and shape.has_text_frame:
        yield from _frame_lines(shape.text_frame, shape)


def _frame_lines(frame: TextFrame, shape: BaseShape | None) -> Iterator[str]:
    counter = _Counter()
    for paragraph in frame.paragraphs:
        text = normalize(paragraph.text, keep_lines=True)
        if not text:
            continue
        level = paragraph.level
        kind, start = _pptx_list_kind(paragraph, shape)
        if kind == "plain":
            counter.restart_below(None, -1)
            yield text
        elif kind == "bullet":
            counter.restart_below(None, level - 1)
            yield _item_line(text, level, kind)
        else:
            yield _item_line(text, level, kind, counter.number(None, level, start))


def _pptx_list_kind(paragraph: _Paragraph, shape: BaseShape | None) -> tuple[ListKind, int]:
    """Bullet, number (and its start) or plain: the paragraph's own, else inherited, setting."""
    level = paragraph.level
    for properties in (paragraph._p.pPr, *_inherited_properties(shape, level)):
        if properties is None:
            continue
        if properties.find(pptx_qn("a:buNone")) is not None:
            return "plain", 1
        auto = properties.find(pptx_qn("a:buAutoNum"))
        if auto is not None:
            return "number", int(auto.get("startAt", "1"))
        if any(properties.find(pptx_qn(t)) is not None for t in ("a:buChar", "a:buBlip")):
            return "bullet", 1
    bulleted = shape is not None and shape.is_placeholder
    bulleted = bulleted and shape.placeholder_format.type in _BULLETED  # type: ignore[union-attr]
    return ("bullet" if bulleted or level > 0 else "plain"), 1


def _inherited_properties(shape: BaseShape | None, level: int) -> Iterator[Any]:
    """The level's list style on the shape itself, then on its layout placeholder."""
    if shape is None:
        return
    tag = pptx_qn(f"a:lvl{level + 1}pPr")
    yield from shape.element.iterfind(f"{pptx_qn('p:txBody')}/{pptx_qn('a:lstStyle')}/{tag}")
    layout = getattr(shape.part, "slide_layout", None)  # a notes page has no layout
    if shape.is_placeholder and layout is not None:
        base = layout.placeholders.get(idx=shape.placeholder_format.idx)
        if base is not None:
            yield from base.element.iterfind(
                f"{pptx_qn('p:txBody')}/{pptx_qn('a:lstStyle')}/{tag}"
            )


def _pptx_title(presentation: Presentation) -> str:
    slides = list(presentation.slides)
    first = slides[0].shapes.title if slides else None
    title = normalize(first.text_frame.text) if first is not None and first.has_text_frame else ""
    return title or useful_title(presentation.core_properties.title or "")


# --- Word -------------------------------------------------------------------------------


def load_docx(path: Path, doc: str) -> SourceDocument:
    """A section per Heading-styled paragraph; lists as bullets/numbers, tables as tables."""
    document = docx.Document(office_bytes(path, ".docx", "word/document.xml"))
    numbering = _DocxNumbering(document)
    blocks, title = [Block(heading=None)], ""
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks[-1].lines.extend(["", *pipe_table(_docx_rows(item)), ""])
            continue
        style = item.style.name if item.style is not None else ""
        if style == "Title":
            title = title or normalize(item.text)
        elif _DOCX_HEADING.match(style or "") and item.text.strip():
            blocks.append(Block(heading=normalize(item.text)))
        elif item.text.strip():
            blocks[-1].lines.append(numbering.line(item))
    sections = numbered_sections(
        (
            ("section", None, block.heading or ""),
            normalize("\n".join(block.lines), keep_lines=True, keep_indent=True),
        )
        for block in blocks
    )
    first_heading = next((block.heading for block in blocks if block.heading), "")
    core_title = useful_title(document.core_properties.title or "")
    title = title or core_title or first_heading or path.stem
    return SourceDocument(doc=doc, title=title, sections=sections)


def _docx_rows(table: Table) -> list[list[str]]:
    """Cell texts; a merged cell is written once (python-docx repeats it where it spans)."""
    rows: list[list[str]] = []
    above: list[object] = []
    for row in table.rows:
        cells = list(row.cells)
        texts = []
        for column, cell in enumerate(cells):
            repeated = (column > 0 and cells[column - 1]._tc is cell._tc) or (
                column < len(above) and above[column] is cell._tc
            )
            texts.append("" if repeated else cell.text)
        above = [cell._tc for cell in cells]
        rows.append(texts)
    return rows


class _DocxNumbering:
    """Which paragraphs are list items (own or style numbering) and their numbers."""

    def __init__(self, document: DocxDocument) -> None:
        self._formats: dict[tuple[str, int], tuple[str, int]] = {}
        self._counter = _Counter()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # no numbering part in the package
            return
        abstract = {
            a.get(docx_qn("w:abstractNumId")): a for a in root.iterfind(docx_qn("w:abstractNum"))
        }
        for num in root.iterfind(docx_qn("w:num")):
            ref = num.find(docx_qn("w:abstractNumId"))
            levels = abstract.get(ref.get(docx_qn("w:val")) if ref is not None else None)
            for lvl in levels.iterfind(docx_qn("w:lvl")) if levels is not None else ():
                fmt, start = lvl.find(docx_qn("w:numFmt")), lvl.find(docx_qn("w:start"))
                key = (num.get(docx_qn("w:numId")) or "", int(lvl.get(docx_qn("w:ilvl")) or 0))
                self._formats[key] = (
                    fmt.get(docx_qn("w:val")) or "decimal" if fmt is not None else "decimal",
                    int(start.get(docx_qn("w:val")) or 1) if start is not None else 1,
                )

    def line(self, paragraph: DocxParagraph) -> str:
        """The paragraph as a Markdown line: "- item", "1. item", or a paragraph of its own."""
        num_id, level, kind, start = self._list_of(paragraph)
        text = normalize(paragraph.text, keep_lines=True)
        if kind == "plain":
            return f"\n{text}\n"
        number = self._counter.number(num_id, level, start) if kind == "number" else 1
        if kind == "bullet":
            self._counter.restart_below(num_id, level)
        return _item_line(text, level, kind, number)

    def _list_of(self, paragraph: DocxParagraph) -> tuple[str, int, ListKind, int]:
        """(list id, level, kind, start) from the paragraph's numbering, else its style's."""
        style_name = paragraph.style.name if paragraph.style is not None else ""
        by_name = _DOCX_LIST_STYLE.match(style_name or "")
        own = _num_pr(paragraph._p.pPr)
        numbered = own or (_num_pr(paragraph.style.element.pPr) if paragraph.style else None)
        num_id, level = numbered or (style_name, 0)
        if own is None and by_name and by_name.group("level"):
            level = int(by_name.group("level")) - 1  # "List Bullet 2" is the second level
        if num_id == "0":  # numbering switched off on this paragraph
            return num_id, 0, "plain", 1
        if numbered is not None:  # a level the list does not define reads like its first
            fmt = self._formats.get(numbered) or self._formats.get((num_id, 0))
            if fmt is not None:
                return num_id, level, _kind_of_format(fmt[0]), fmt[1]
        if by_name:
            return num_id, level, _kind_of_format(by_name.group("kind").lower()), 1
        return num_id, level, ("bullet" if numbered is not None else "plain"), 1


def _kind_of_format(number_format: str) -> ListKind:
    """A Word number format ("bullet", "decimal", "none", "thaiNumbers"…) as a list kind."""
    if number_format == "none":
        return "plain"
    return "bullet" if number_format == "bullet" else "number"


def _num_pr(properties: object) -> tuple[str, int] | None:
    """(numId, ilvl) of a paragraph or style's numbering properties, if it has any."""
    num_pr = getattr(properties, "numPr", None)
    if num_pr is None or num_pr.numId is None:
        return None
    return str(num_pr.numId.val), int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
