"""Read source files into SourceDocuments: one reader per format, file I/O only.

Formats and how they are cut into sections (the units citations point at):

- ``.md``: YAML front matter gives the metadata and title; ``## สไลด์ N`` / ``## Slide N``
  headings are slide N, ``## หน้า N`` / ``## Page N`` page N, any other heading starts a
  "section" (numbered in order, heading text kept as ``Section.heading``). Text is kept
  as written (Markdown markup included); headings are not repeated in the text.
- ``.txt``: a scraped slide-sharing page (see knowledge.slidepage) gives its slides; a
  file with Markdown ``#`` headings is cut at them like ``.md``; any other text is cut at
  blank lines and consecutive paragraphs are grouped into sections of at most about
  1,500 characters (a paragraph is never split), numbered in order.
- ``.pdf``: one section per page with text (unit "page", the real page number).
- ``.pptx``: one section per slide: the text of every shape, table and group, then the
  speaker notes; the slide's title is its heading.
- ``.docx``: a section per Heading-styled paragraph (tables included as "a | b" rows).

A document ``X.<suffix>`` may have ``X.questions.yaml`` beside it: the questions each of
its units answers (knowledge.unit_questions), attached as ``SourceDocument.questions``; such
a file is never loaded as a document itself.

Every failure is a DocumentError naming the file, never a parser's traceback.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path

import docx
import pptx
from docx.table import Table
from pptx.presentation import Presentation
from pptx.shapes.autoshape import Shape
from pptx.shapes.base import BaseShape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.shapes.group import GroupShape
from pypdf import PasswordType, PdfReader

from core.errors import (
    CorruptFileError,
    DocumentError,
    EmptyDocumentError,
    UnsupportedFileError,
)
from knowledge.markdown import (
    Block,
    heading_of,
    markdown_document,
    numbered_sections,
    paragraph_document,
    split_front_matter,
)
from knowledge.models import Locator, Section, SourceDocument
from knowledge.slidepage import is_slide_page, parse_slide_page
from knowledge.thai import normalize
from knowledge.unit_questions import is_questions_file, load_unit_questions, questions_path

SUPPORTED_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".txt", ".pdf", ".pptx", ".docx")

_TITLE_LIMIT = 120
_DOCX_HEADING = re.compile(r"^(?:heading|หัวเรื่อง)\s*\d$", re.I)
_GENERIC_TITLE = re.compile(r"^(?:microsoft |untitled|powerpoint presentation|slide \d)", re.I)
_OBJECT_REPR = re.compile(r"'?<[^>]*>'?")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


def load_document(path: Path, root: Path) -> SourceDocument:
    """Load one source file; its ``doc`` is the path relative to ``root`` in posix form.

    Raises:
        UnsupportedFileError: The suffix is not one of SUPPORTED_SUFFIXES.
        CorruptFileError: The file cannot be read or parsed.
        EmptyDocumentError: The file holds no text.
        DocumentError: Any other problem (for example a password-protected PDF).

    """
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        kind = f"'{path.suffix}' files are" if path.suffix else "files without a suffix are"
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise UnsupportedFileError(path, f"{kind} not supported (supported: {supported})")
    try:
        document = reader(path, _relative_name(path, root))
    except DocumentError as error:
        raise type(error)(path, error.reason) from error
    except OSError as error:
        raise CorruptFileError(path, f"cannot read the file ({error.strerror})") from error
    except Exception as error:  # parsers raise anything on damaged input
        raise CorruptFileError(path, _describe(error)) from error
    if not document.sections:
        raise EmptyDocumentError(path, "no text found")
    beside = questions_path(path)
    if beside.is_file():
        units = {section.locator for section in document.sections}
        document.questions = load_unit_questions(beside, units)
    return document


def load_directory(root: Path) -> tuple[list[SourceDocument], list[DocumentError]]:
    """Load every non-hidden file under ``root`` (recursively, sorted by path).

    A file that fails becomes an error in the second list; the other files still load.

    Raises:
        DocumentError: ``root`` is not a folder.

    """
    if not root.is_dir():
        raise DocumentError(root, "the source folder does not exist")
    documents: list[SourceDocument] = []
    errors: list[DocumentError] = []
    for path in _source_files(root):
        try:
            documents.append(load_document(path, root))
        except DocumentError as error:
            errors.append(error)
    return documents, errors


def _source_files(root: Path) -> list[Path]:
    """Document files under root: not hidden, not "~$deck.pptx", not "X.questions.yaml"."""
    files = (p for p in root.rglob("*") if p.is_file() and not is_questions_file(p))
    visible = (p for p in files if not any(_is_hidden(part) for part in p.relative_to(root).parts))
    return sorted(visible, key=lambda path: path.relative_to(root).as_posix())


def _is_hidden(name: str) -> bool:
    return name.startswith((".", "~$"))


def _relative_name(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:  # not under root: the name alone still identifies it
        return path.name


def _describe(error: Exception) -> str:
    lines = str(error).strip().splitlines()
    detail = _OBJECT_REPR.sub("the file", lines[0])[:100] if lines else ""
    name = type(error).__name__
    return f"the file is damaged or not in the format its name says ({name}: {detail})"


# --- Markdown and plain text ------------------------------------------------------------


def _load_markdown(path: Path, doc: str) -> SourceDocument:
    metadata, body, off_topic = split_front_matter(_read_text(path))
    document = markdown_document(body, doc, metadata, fallback_title=path.stem)
    document.off_topic = off_topic
    return document


def _load_text(path: Path, doc: str) -> SourceDocument:
    text = _read_text(path)
    if is_slide_page(text):
        return parse_slide_page(text, doc)
    if any(heading_of(line) for line in text.splitlines()):
        return markdown_document(text, doc, {}, fallback_title=path.stem)
    return paragraph_document(text, doc, fallback_title=path.stem)


def _read_text(path: Path) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Thai Windows-874 text."""
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise CorruptFileError(path, "the file holds binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874")
    except UnicodeDecodeError:
        raise CorruptFileError(path, "the text is neither UTF-8 nor Thai (TIS-620)") from None


# --- PDF --------------------------------------------------------------------------------


def _load_pdf(path: Path, doc: str) -> SourceDocument:
    data = path.read_bytes()
    if b"%PDF-" not in data[:1024]:
        raise CorruptFileError(path, "not a PDF file (no %PDF header)")
    reader = PdfReader(BytesIO(data))
    _unlock(reader, path)
    sections = []
    for number, page in enumerate(reader.pages, start=1):
        text = normalize(page.extract_text() or "", keep_lines=True)
        if text:
            sections.append(Section(locator=Locator("page", number), text=text))
    if not sections:
        raise EmptyDocumentError(path, "no text found (scanned pages need OCR first)")
    title = _useful_title(str(reader.metadata.title or "") if reader.metadata else "")
    return SourceDocument(doc=doc, title=title or _first_line(sections, path), sections=sections)


def _unlock(reader: PdfReader, path: Path) -> None:
    """Open PDFs that only carry an owner password; refuse ones that need a user password."""
    if not reader.is_encrypted:
        return
    try:
        unlocked = reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:  # AES needs the optional `cryptography` package
        raise DocumentError(path, "the PDF is encrypted; upload an unencrypted copy") from None
    if not unlocked:
        raise DocumentError(path, "the PDF is password-protected; upload a copy without one")


def _useful_title(title: str) -> str:
    title = normalize(title)
    return "" if _GENERIC_TITLE.match(title) else title[:_TITLE_LIMIT]


def _first_line(sections: list[Section], path: Path) -> str:
    line = sections[0].text.split("\n", 1)[0] if sections else ""
    return line if 0 < len(line) <= _TITLE_LIMIT else path.stem


# --- Office files -----------------------------------------------------------------------


def _office_bytes(path: Path, kind: str, main_part: str) -> BytesIO:
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


def _load_pptx(path: Path, doc: str) -> SourceDocument:
    presentation = pptx.Presentation(_office_bytes(path, ".pptx", "ppt/presentation.xml"))
    sections = []
    for number, slide in enumerate(presentation.slides, start=1):
        lines = [line for shape in slide.shapes for line in _shape_lines(shape)]
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame is not None:
            lines.append(slide.notes_slide.notes_text_frame.text)
        text = normalize("\n".join(lines), keep_lines=True)
        if text:
            heading = normalize(slide.shapes.title.text) if slide.shapes.title else ""
            sections.append(Section(locator=Locator("slide", number), text=text, heading=heading))
    title = _pptx_title(presentation) or path.stem
    return SourceDocument(doc=doc, title=title, sections=sections)


def _shape_lines(shape: BaseShape) -> Iterator[str]:
    """Text of a shape: its text frame, a table's rows, or the shapes of a group."""
    if isinstance(shape, GroupShape):
        for inner in shape.shapes:
            yield from _shape_lines(inner)
    elif isinstance(shape, GraphicFrame) and shape.has_table:
        for row in shape.table.rows:
            yield " | ".join(cell.text.strip() for cell in row.cells if cell.text.strip())
    elif isinstance(shape, Shape) and shape.has_text_frame:
        yield shape.text_frame.text


def _pptx_title(presentation: Presentation) -> str:
    slides = list(presentation.slides)
    first = slides[0].shapes.title if slides else None
    title = normalize(first.text) if first is not None else ""
    return title or _useful_title(presentation.core_properties.title or "")


def _load_docx(path: Path, doc: str) -> SourceDocument:
    document = docx.Document(_office_bytes(path, ".docx", "word/document.xml"))
    blocks, title = [Block(heading=None)], ""
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            blocks[-1].lines.extend(_table_lines(item))
            continue
        style = item.style.name if item.style is not None else ""
        if style == "Title":
            title = title or normalize(item.text)
        elif _DOCX_HEADING.match(style or "") and item.text.strip():
            blocks.append(Block(heading=normalize(item.text)))
        else:
            blocks[-1].lines.append(item.text)
    sections = numbered_sections(
        (
            ("section", None, block.heading or ""),
            normalize("\n".join(block.lines), keep_lines=True),
        )
        for block in blocks
    )
    first_heading = next((block.heading for block in blocks if block.heading), "")
    core_title = _useful_title(document.core_properties.title or "")
    title = title or core_title or first_heading or path.stem
    return SourceDocument(doc=doc, title=title, sections=sections)


def _table_lines(table: Table) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:  # a merged cell repeats in every row/column it spans
            text = cell.text.strip()
            if text and text not in cells:
                cells.append(text)
        yield " | ".join(cells)


_READERS: dict[str, Callable[[Path, str], SourceDocument]] = {
    ".md": _load_markdown,
    ".markdown": _load_markdown,
    ".txt": _load_text,
    ".pdf": _load_pdf,
    ".pptx": _load_pptx,
    ".docx": _load_docx,
}
