"""Checks on an uploaded file, by its content rather than its name, before anything parses it.

`check_upload` decides what the bytes are (PDF, PowerPoint, Word, Markdown or text) and
refuses what is too big, too long, encrypted, a zip bomb or not a supported format.
`check_document` looks at the parsed document (no text at all, pages without text).
Every refusal is an `UploadRejected` whose `problem` the bot turns into a message.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from enum import StrEnum
from io import BytesIO
from pathlib import PurePosixPath, PureWindowsPath

from pypdf import PasswordType, PdfReader

from core.errors import CorruptFileError, DocumentError, EmptyDocumentError, UnsupportedFileError
from knowledge.models import SourceDocument

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # what a Telegram bot may download
MAX_PAGES = 500
MAX_SLIDES = 300
MAX_TEXT_CHARS = 2_000_000  # about 500 dense pages
# Zip bombs: an Office file is a ZIP; judge what it would unpack to before any parser does.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 5000
MAX_RATIO = 100  # XML packs 5-20x; a bomb packs 1000x and more
RATIO_FLOOR_BYTES = 1024 * 1024  # tiny members may pack well; only big ones are judged
_READ_CHUNK = 1024 * 1024
_NAME_LIMIT = 80
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")
_SLIDE_PART = re.compile(r"^ppt/slides/slide\d+\.xml$")
_DOCX_PAGES = re.compile(rb"<(?:\w+:)?Pages>\s*(\d+)\s*</")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Formats a file name can claim that only a parser can confirm; a mismatch is "not a valid X".
CLAIMED_FORMATS = {".pdf": "pdf", ".docx": "docx", ".pptx": "pptx"}
_BLANK = " \t\r\n\f\v\ufeff\u200b\xa0"  # spaces, BOM, zero-width and no-break spaces
_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")


class Problem(StrEnum):
    """Why an upload was refused (each has its own message in the bot)."""

    TOO_LARGE = "too_large"
    EMPTY_FILE = "empty_file"
    UNSUPPORTED = "unsupported"
    OLD_OFFICE = "old_office"
    IMAGE = "image"
    CORRUPT = "corrupt"
    TOO_MANY_PAGES = "too_many_pages"
    TOO_MANY_SLIDES = "too_many_slides"
    ZIP_BOMB = "zip_bomb"
    ENCRYPTED = "encrypted"
    NO_TEXT = "no_text"
    TOO_MUCH_TEXT = "too_much_text"


class UploadRejected(DocumentError):
    """An upload refused by a check; `facts` fill in the message (sizes, limits)."""

    def __init__(self, path: str, problem: Problem, reason: str, **facts: int | str) -> None:
        super().__init__(path, reason)
        self.problem = problem
        self.facts = facts


@dataclass(frozen=True)
class Notice:
    """A warning worth showing before go-live; `code` picks the message, `values` fill it."""

    code: str
    values: dict[str, int | str] = field(default_factory=dict)


@dataclass(frozen=True)
class UploadCheck:
    """What an accepted upload is: its kind, the name to store it under, its size and length."""

    kind: str  # pdf, pptx, docx, markdown, text
    file_name: str  # the sent name with the suffix its content calls for
    original_name: str
    size: int
    units: int = 0  # pages (PDF, DOCX when recorded) or slides (PPTX); 0 when unknown

    @property
    def renamed(self) -> bool:
        """Whether the content did not match the suffix the file was sent with."""
        return self.file_name != safe_file_name(self.original_name)


def check_upload(data: bytes, file_name: str) -> UploadCheck:
    """Decide what the bytes are and refuse anything over a limit or unsafe to parse.

    Raises:
        UploadRejected: The file is empty, too big, unsupported, damaged, encrypted, a zip
            bomb, or has too many pages or slides.

    """
    name = safe_file_name(file_name)
    if not data:
        raise UploadRejected(name, Problem.EMPTY_FILE, "the file is empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRejected(
            name, Problem.TOO_LARGE, "the file is over 20 MB", size=len(data), limit=20
        )
    if b"%PDF-" in data[:1024]:
        return _check_pdf(data, name, file_name)
    if data.startswith(b"PK\x03\x04"):
        return _check_office(data, name, file_name)
    _refuse_known_binaries(data, name)
    return _check_text(data, name, file_name)


def check_document(check: UploadCheck, document: SourceDocument) -> list[Notice]:
    """Checks on the parsed document; returns warnings, raises for no text or too much.

    Raises:
        UploadRejected: No text at all, or more text than one document may hold.

    """
    chars = sum(len(section.text) for section in document.sections)
    if chars == 0:
        raise _no_text(check)
    if chars > MAX_TEXT_CHARS:
        reason = "more text than one document may hold"
        raise UploadRejected(
            check.file_name, Problem.TOO_MUCH_TEXT, reason, chars=chars, limit=MAX_TEXT_CHARS
        )
    notices = []
    if check.renamed:
        notices.append(Notice("renamed", {"sent": check.original_name, "kind": check.kind}))
    with_text = len({section.locator.number for section in document.sections})
    if check.kind in ("pdf", "pptx") and 0 < with_text < check.units:
        unit = "pages" if check.kind == "pdf" else "slides"
        notices.append(Notice(f"{unit}_without_text", {"count": check.units - with_text}))
    return notices


def message_code(error: DocumentError) -> str:
    """The message to show: the problem, told by the format the file claims to be.

    Random bytes named `x.pdf` are "not a valid PDF" (not "unsupported"); a Word or text
    file without text "has no text" (only a PDF without text may be a scan).
    """
    problem = problem_of(error)
    claimed = CLAIMED_FORMATS.get(error.path.suffix.lower())
    if problem == Problem.CORRUPT and claimed:
        return f"corrupt_{claimed}"
    if problem == Problem.NO_TEXT and claimed != "pdf":
        return "no_text_file"
    return problem.value


def problem_of(error: DocumentError) -> Problem:
    """The problem behind a refusal or a loader error, for choosing the message."""
    if isinstance(error, UploadRejected):
        return error.problem
    if isinstance(error, EmptyDocumentError):
        return Problem.NO_TEXT
    if isinstance(error, UnsupportedFileError):
        return Problem.UNSUPPORTED
    if not isinstance(error, CorruptFileError) and (
        "password" in error.reason or "encrypted" in error.reason
    ):
        return Problem.ENCRYPTED
    return Problem.CORRUPT


def safe_file_name(file_name: str, suffix: str | None = None) -> str:
    """The last path part, without control or path characters, capped, with `suffix` if given."""
    base = PureWindowsPath(PurePosixPath(file_name or "").name).name
    base = unicodedata.normalize("NFC", _UNSAFE_NAME.sub("_", base)).strip(" ._~$") or "document"
    stem, dot, old_suffix = base.rpartition(".")
    if not dot:
        stem, old_suffix = base, ""
    suffix = suffix if suffix is not None else (f".{old_suffix.lower()}" if old_suffix else "")
    return stem[: _NAME_LIMIT - len(suffix)].rstrip(" .") + suffix


# --- PDF --------------------------------------------------------------------------------


def _check_pdf(data: bytes, name: str, sent: str) -> UploadCheck:
    stored = safe_file_name(name, ".pdf")
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        _refuse_encrypted(reader, stored)
        pages = len(reader.pages)
    except UploadRejected:
        raise
    except Exception as error:  # pypdf raises many types on damaged files
        detail = type(error).__name__
        raise UploadRejected(stored, Problem.CORRUPT, f"the PDF is damaged ({detail})") from None
    if pages == 0:
        raise UploadRejected(stored, Problem.CORRUPT, "the PDF has no pages")
    if pages > MAX_PAGES:
        raise UploadRejected(
            stored, Problem.TOO_MANY_PAGES, "too many pages", count=pages, limit=MAX_PAGES
        )
    return UploadCheck("pdf", stored, sent, len(data), pages)


def _refuse_encrypted(reader: PdfReader, name: str) -> None:
    """PDFs with only an owner password open with an empty one; others are refused."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception:  # AES needs an optional crypto package: we cannot read it either way
        opened = False
    if not opened:
        raise UploadRejected(name, Problem.ENCRYPTED, "the PDF is encrypted with a password")


def _no_text(check: UploadCheck) -> UploadRejected:
    reason = "no text found (scanned PDF? OCR is not offered)"
    return UploadRejected(check.file_name, Problem.NO_TEXT, reason, kind=check.kind)


# --- Office packages --------------------------------------------------------------------


def _check_office(data: bytes, name: str, sent: str) -> UploadCheck:
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            _refuse_bomb(package, name)
            names = set(package.namelist())
            kind = _office_kind(names, name)
            units = _count_units(package, names, kind)
    except zipfile.BadZipFile:
        reason = "the Office file is damaged or incomplete"
        raise UploadRejected(name, Problem.CORRUPT, reason) from None
    stored = safe_file_name(name, f".{kind}")
    limit, problem = (
        (MAX_SLIDES, Problem.TOO_MANY_SLIDES)
        if kind == "pptx"
        else (MAX_PAGES, Problem.TOO_MANY_PAGES)
    )
    if units > limit:
        raise UploadRejected(stored, problem, f"too many {kind} units", count=units, limit=limit)
    return UploadCheck(kind, stored, sent, len(data), units)


def _refuse_bomb(package: zipfile.ZipFile, name: str) -> None:
    """Judge declared sizes, then unpack as a stream with a cap: headers can lie."""
    members = package.infolist()
    declared = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or declared > MAX_UNPACKED_BYTES:
        raise _bomb(name)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO:
            raise _bomb(name)
    total = 0
    for member in members:
        total += _unpacked_size(package, member, MAX_UNPACKED_BYTES - total)
        if total > MAX_UNPACKED_BYTES:
            raise _bomb(name)


def _unpacked_size(package: zipfile.ZipFile, member: zipfile.ZipInfo, budget: int) -> int:
    """Bytes a member really unpacks to, reading at most one chunk past `budget`."""
    if member.flag_bits & 0x1:
        raise UploadRejected(member.filename, Problem.ENCRYPTED, "the file is encrypted")
    size = 0
    with package.open(member) as stream:
        while chunk := stream.read(_READ_CHUNK):
            size += len(chunk)
            if size > budget:
                break
    return size


def _bomb(name: str) -> UploadRejected:
    limit = MAX_UNPACKED_BYTES // (1024 * 1024)
    reason = "the file unpacks to far more than it holds (a zip bomb?)"
    return UploadRejected(name, Problem.ZIP_BOMB, reason, limit=limit)


def _office_kind(names: set[str], name: str) -> str:
    """The kind (docx or pptx) by the main part; other ZIPs are refused by what they are."""
    if "word/document.xml" in names:
        return "docx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    what = "an Excel workbook" if "xl/workbook.xml" in names else "a ZIP archive"
    if "mimetype" in names:
        what = "an OpenDocument file"
    raise UploadRejected(name, Problem.UNSUPPORTED, f"{what}, not Word or PowerPoint", what=what)


def _count_units(package: zipfile.ZipFile, names: set[str], kind: str) -> int:
    """Slides of a deck; pages of a Word file when Word recorded them (else 0)."""
    if kind == "pptx":
        return sum(1 for part in names if _SLIDE_PART.match(part))
    if "docProps/app.xml" not in names:
        return 0
    match = _DOCX_PAGES.search(package.read("docProps/app.xml"))
    return int(match.group(1)) if match else 0


# --- Text and everything else -----------------------------------------------------------


def _refuse_known_binaries(data: bytes, name: str) -> None:
    if data.startswith(_OLE_MAGIC):
        reason = "an old binary or password-protected Office file"
        raise UploadRejected(name, Problem.OLD_OFFICE, reason)
    if data.startswith(_IMAGE_MAGIC) or data[8:12] == b"WEBP":
        raise UploadRejected(name, Problem.IMAGE, "an image, not a document")


def _check_text(data: bytes, name: str, sent: str) -> UploadCheck:
    text = _decode(data)
    head = (text or "")[:512].lstrip().lower()
    claimed = CLAIMED_FORMATS.get(PurePosixPath(name).suffix.lower())
    blank = text is not None and not text.strip(_BLANK)
    if claimed and (text is None or blank):
        reason = f"not a valid {claimed.upper()} file (damaged or not what its name says)"
        raise UploadRejected(name, Problem.CORRUPT, reason, kind=claimed)
    if text is None or head.startswith(("<!doctype", "<html", "{\\rtf")):
        raise UploadRejected(name, Problem.UNSUPPORTED, "not a supported document format")
    if blank:
        raise UploadRejected(name, Problem.NO_TEXT, "the file has no text", kind="text")
    lowered = name.lower()
    if lowered.endswith((".md", ".markdown", ".txt")):  # a text suffix is kept as sent
        kind = "text" if lowered.endswith(".txt") else "markdown"
        return UploadCheck(kind, name, sent, len(data))
    kind, suffix = ("markdown", ".md") if _looks_like_markdown(text) else ("text", ".txt")
    return UploadCheck(kind, safe_file_name(name, suffix), sent, len(data))


def _decode(data: bytes) -> str | None:
    """The text, if the bytes are UTF-8, UTF-16 with a BOM, or Thai Windows-874 text."""
    text: str | None = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        with contextlib.suppress(UnicodeDecodeError):
            text = data.decode("utf-16")
    elif b"\x00" not in data[:8192]:
        text = _decode_8bit(data)
    if text is None:
        return None
    controls = sum(1 for ch in text[:65536] if unicodedata.category(ch) == "Cc")
    newlines = sum(text[:65536].count(ch) for ch in "\n\r\t\f")
    return text if controls - newlines <= len(text[:65536]) // 100 else None


def _decode_8bit(data: bytes) -> str | None:
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _looks_like_markdown(text: str) -> bool:
    """YAML front matter or a Markdown heading line."""
    if text.lstrip("\ufeff").startswith("---\n"):
        return True
    return re.search(r"^#{1,6}[ \t]+\S", text, re.MULTILINE) is not None
