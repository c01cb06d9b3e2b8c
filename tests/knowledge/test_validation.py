"""Upload checks by content: limits, zip bombs, encrypted and scanned PDFs, odd files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from core.errors import DocumentError
from knowledge.loaders import load_document
from knowledge.models import Locator, Section, SourceDocument
from knowledge.validation import (
    MAX_PAGES,
    MAX_SLIDES,
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    Problem,
    UploadRejected,
    check_document,
    check_upload,
    message_code,
    problem_of,
    safe_file_name,
)


def _rejected(data: bytes, name: str) -> UploadRejected:
    with pytest.raises(UploadRejected) as caught:
        check_upload(data, name)
    return caught.value


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


def test_a_pdf_with_text_is_accepted_with_its_page_count(
    make_pdf: Callable[..., Path],
) -> None:
    path = make_pdf("บรรยาย.pdf", ["หน้าแรกของเอกสาร", "หน้าที่สอง"])
    check = check_upload(path.read_bytes(), path.name)
    assert (check.kind, check.file_name, check.units) == ("pdf", "บรรยาย.pdf", 2)
    assert not check.renamed


def test_the_content_decides_the_kind_not_the_name(make_docx: Callable[[str], Path]) -> None:
    path = make_docx("notes.docx")
    check = check_upload(path.read_bytes(), "รายงาน.pdf")
    assert (check.kind, check.file_name) == ("docx", "รายงาน.docx")
    document = load_document(path, path.parent)
    assert [n.code for n in check_document(check, document)] == ["renamed"]


def test_a_damaged_pdf_is_refused_as_corrupt() -> None:
    error = _rejected(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", "broken.pdf")
    assert error.problem == Problem.CORRUPT


def test_a_truncated_pdf_is_refused_as_corrupt(make_pdf: Callable[..., Path]) -> None:
    data = make_pdf("full.pdf", ["ข้อความ " * 200] * 3).read_bytes()
    assert _rejected(data[: len(data) // 3], "cut.pdf").problem == Problem.CORRUPT


def test_a_password_protected_pdf_is_refused(make_pdf: Callable[..., Path]) -> None:
    writer = PdfWriter(clone_from=PdfReader(make_pdf("plain.pdf", ["ความลับ"])))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    error = _rejected(buffer.getvalue(), "secret.pdf")
    assert error.problem == Problem.ENCRYPTED
    assert problem_of(error) == Problem.ENCRYPTED


def test_a_pdf_with_only_an_owner_password_still_opens(make_pdf: Callable[..., Path]) -> None:
    writer = PdfWriter(clone_from=PdfReader(make_pdf("plain.pdf", ["เปิดอ่านได้"])))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert check_upload(buffer.getvalue(), "print-protected.pdf").kind == "pdf"


def test_a_scanned_pdf_says_no_text_found(make_pdf: Callable[..., Path]) -> None:
    path = make_pdf("scan.pdf", ["", ""], image_only=True)
    check = check_upload(path.read_bytes(), path.name)  # structurally a fine PDF
    with pytest.raises(DocumentError) as caught:
        load_document(path, path.parent)
    assert problem_of(caught.value) == Problem.NO_TEXT
    empty = SourceDocument("scan.pdf", "scan", [])
    with pytest.raises(UploadRejected, match="OCR is not offered"):
        check_document(check, empty)


def test_pages_without_text_are_a_warning(make_pdf: Callable[..., Path]) -> None:
    path = make_pdf("mixed.pdf", ["มีข้อความ", "", "มีข้อความอีกหน้า"])
    check = check_upload(path.read_bytes(), path.name)
    notices = check_document(check, load_document(path, path.parent))
    assert [(n.code, n.values) for n in notices] == [("pages_without_text", {"count": 1})]


def test_too_many_pages_are_refused_before_parsing() -> None:
    writer = PdfWriter()
    for _ in range(MAX_PAGES + 1):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    error = _rejected(buffer.getvalue(), "long.pdf")
    assert error.problem == Problem.TOO_MANY_PAGES
    assert error.facts == {"count": MAX_PAGES + 1, "limit": MAX_PAGES}


def test_too_many_slides_are_refused() -> None:
    slides = {f"ppt/slides/slide{i}.xml": b"<p:sld/>" for i in range(1, MAX_SLIDES + 2)}
    data = _zip({"ppt/presentation.xml": b"<p:presentation/>", **slides})
    error = _rejected(data, "deck.pptx")
    assert (error.problem, error.facts["count"]) == (Problem.TOO_MANY_SLIDES, MAX_SLIDES + 1)


def test_a_real_deck_is_accepted(make_pptx: Callable[[str], Path]) -> None:
    path = make_pptx("deck.pptx")
    check = check_upload(path.read_bytes(), path.name)
    assert (check.kind, check.units) == ("pptx", 4)


def test_a_docx_zip_bomb_is_refused_before_any_parser_sees_it() -> None:
    bomb = _zip({"word/document.xml": b"<w:document/>", "word/media/big.bin": bytes(60 << 20)})
    assert len(bomb) < 1 << 20  # tiny on the wire
    error = _rejected(bomb, "bomb.docx")
    assert error.problem == Problem.ZIP_BOMB


def test_many_members_adding_up_past_the_limit_are_a_bomb() -> None:
    parts = {f"word/part{i}.xml": bytes(900_000) for i in range(240)}  # each under the floor
    error = _rejected(_zip({"word/document.xml": b"<w:document/>", **parts}), "big.docx")
    assert error.problem == Problem.ZIP_BOMB


def test_a_damaged_office_file_is_corrupt(make_docx: Callable[[str], Path]) -> None:
    data = make_docx("ok.docx").read_bytes()
    assert _rejected(data[: len(data) // 2], "half.docx").problem == Problem.CORRUPT


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), Problem.OLD_OFFICE),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), Problem.IMAGE),
        (_zip({"xl/workbook.xml": b"<workbook/>"}), Problem.UNSUPPORTED),
        (_zip({"readme.txt": b"hello"}), Problem.UNSUPPORTED),
        (bytes(range(256)) * 40, Problem.CORRUPT),  # claims to be a PDF but is not one
        (b"<!DOCTYPE html><html><body>page</body></html>", Problem.UNSUPPORTED),
        (b"", Problem.EMPTY_FILE),
    ],
    ids=["old-doc", "png", "xlsx", "zip", "binary", "html", "empty"],
)
def test_unsupported_files_name_their_problem(data: bytes, problem: Problem) -> None:
    assert _rejected(data, "upload.pdf").problem == problem


@pytest.mark.parametrize(
    ("name", "code"),
    [("x.pdf", "corrupt_pdf"), ("x.docx", "corrupt_docx"), ("x.PPTX", "corrupt_pptx")],
)
def test_random_bytes_named_as_a_document_are_not_a_valid_one(name: str, code: str) -> None:
    error = _rejected(bytes(range(256)) * 40, name)
    assert message_code(error) == code and "not a valid" in error.reason


def test_random_bytes_without_a_document_name_are_unsupported() -> None:
    error = _rejected(bytes(range(256)) * 40, "data.bin")
    assert message_code(error) == "unsupported"


@pytest.mark.parametrize("name", ["blank.txt", "blank.md", "blank"])
def test_a_whitespace_only_text_file_has_no_text_not_a_scan(name: str) -> None:
    error = _rejected(" \n\t\n\u00a0\u200b  \r\n".encode(), name)
    assert error.problem == Problem.NO_TEXT
    assert message_code(error) == "no_text_file"


def test_damaged_word_and_powerpoint_files_say_which_format(
    make_docx: Callable[[str], Path], make_pptx: Callable[[str], Path]
) -> None:
    docx = make_docx("ok.docx").read_bytes()
    assert message_code(_rejected(docx[: len(docx) // 2], "half.docx")) == "corrupt_docx"
    pptx = make_pptx("ok.pptx").read_bytes()
    assert message_code(_rejected(pptx[: len(pptx) // 2], "half.pptx")) == "corrupt_pptx"


def test_only_a_pdf_without_text_may_be_a_scan(make_pdf: Callable[..., Path]) -> None:
    path = make_pdf("scan.pdf", ["", ""], image_only=True)
    check = check_upload(path.read_bytes(), path.name)
    with pytest.raises(UploadRejected) as caught:
        check_document(check, SourceDocument("scan.pdf", "scan", []))
    assert message_code(caught.value) == "no_text"


def test_an_image_from_pillow_is_an_image() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), "white").save(buffer, format="JPEG")
    assert _rejected(buffer.getvalue(), "scan.jpg").problem == Problem.IMAGE


def test_files_over_twenty_megabytes_are_refused_unread() -> None:
    error = _rejected(b"a" * (MAX_UPLOAD_BYTES + 1), "huge.txt")
    assert error.problem == Problem.TOO_LARGE
    assert error.facts["limit"] == 20


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("notes.md", "# หัวข้อ\nเนื้อหา", ("markdown", "notes.md")),
        ("notes.txt", "# หัวข้อ\nเนื้อหา", ("text", "notes.txt")),
        ("notes", "---\ntitle: x\n---\nเนื้อหา", ("markdown", "notes.md")),
        ("notes.pdf", "ย่อหน้าธรรมดา", ("text", "notes.txt")),
    ],
)
def test_text_files_keep_a_text_suffix_or_get_one_by_content(
    name: str, data: str, expected: tuple[str, str]
) -> None:
    check = check_upload(data.encode("utf-8"), name)
    assert (check.kind, check.file_name) == expected


def test_thai_windows_874_text_is_text() -> None:
    assert check_upload("การมีส่วนร่วม".encode("cp874"), "old.txt").kind == "text"


def test_too_much_text_in_one_document_is_refused() -> None:
    check = check_upload(b"text", "big.txt")
    section = Section(Locator("section", 1), "ก" * (MAX_TEXT_CHARS + 1))
    with pytest.raises(UploadRejected) as caught:
        check_document(check, SourceDocument("big.txt", "big", [section]))
    assert caught.value.problem == Problem.TOO_MUCH_TEXT


@pytest.mark.parametrize(
    ("sent", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\แผน.PDF", "แผน.pdf"),
        ("", "document"),
        ("~$lock.docx", "lock.docx"),
        ("a\x00b<c>.md", "a_b_c_.md"),
    ],
)
def test_file_names_are_made_safe(sent: str, safe: str) -> None:
    assert safe_file_name(sent) == safe


def test_loader_errors_map_to_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    with pytest.raises(DocumentError) as caught:
        load_document(bad, tmp_path)
    assert problem_of(caught.value) == Problem.CORRUPT
    assert message_code(caught.value) == "corrupt_pdf"
