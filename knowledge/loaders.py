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
- ``.pptx``: one section per slide: the slide's title is its heading; then a line per
  paragraph of every shape and group (bullets as ``- item``, two spaces per level,
  numbered items as ``1. item``), tables as pipe tables, and the speaker notes after a
  line ``**Notes**`` (see knowledge.office).
- ``.docx``: a section per Heading-styled paragraph; paragraphs apart, list items as
  ``- item`` / ``1. item``, tables as pipe tables.

Every unit's text keeps its lines in that light Markdown subset (paragraphs, ``**bold**``
sub-heading lines, bullets, numbered items, pipe tables); PDF and plain text keep the
lines they have and get no structure invented.

A document ``X.<suffix>`` may have ``X.questions.yaml`` beside it: the questions each of
its units answers (knowledge.unit_questions), attached as ``SourceDocument.questions``; such
a file is never loaded as a document itself.

Every failure is a DocumentError naming the file, never a parser's traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

from pypdf import PasswordType, PdfReader

from core.errors import (
    CorruptFileError,
    DocumentError,
    EmptyDocumentError,
    UnsupportedFileError,
)
from knowledge.markdown import (
    heading_of,
    markdown_document,
    paragraph_document,
    split_front_matter,
)
from knowledge.models import Locator, Section, SourceDocument
from knowledge.office import load_docx, load_pptx, useful_title
from knowledge.slidepage import is_slide_page, parse_slide_page
from knowledge.thai import normalize
from knowledge.unit_questions import (
    is_questions_file,
    load_unit_file,
    questions_path,
)

SUPPORTED_SUFFIXES: tuple[str, ...] = (".md", ".markdown", ".txt", ".pdf", ".pptx", ".docx")

_TITLE_LIMIT = 120
_OBJECT_REPR = re.compile(r"'?<[^>]*>'?")


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
        document.questions, document.translations = load_unit_file(beside, units)
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
    title = useful_title(str(reader.metadata.title or "") if reader.metadata else "")
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


def _first_line(sections: list[Section], path: Path) -> str:
    line = sections[0].text.split("\n", 1)[0] if sections else ""
    return line if 0 < len(line) <= _TITLE_LIMIT else path.stem


_READERS: dict[str, Callable[[Path, str], SourceDocument]] = {
    ".md": _load_markdown,
    ".markdown": _load_markdown,
    ".txt": _load_text,
    ".pdf": _load_pdf,
    ".pptx": load_pptx,
    ".docx": load_docx,
}
