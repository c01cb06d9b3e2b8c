"""What users actually send gets a message that says what is wrong (Thai and English)."""

from __future__ import annotations

import pytest

from bot.handlers.kb_render import render_problem
from knowledge.validation import UploadRejected, check_upload

RANDOM_BYTES = bytes(range(256)) * 40


def _refusal(data: bytes, name: str, lang: str) -> str:
    with pytest.raises(UploadRejected) as caught:
        check_upload(data, name)
    return str(render_problem(caught.value, name, lang))


def test_random_bytes_named_pdf_are_not_a_valid_pdf() -> None:
    thai = _refusal(RANDOM_BYTES, "x.pdf", "th")
    assert "ไม่ใช่ไฟล์ PDF ที่ถูกต้อง" in thai and "x.pdf" in thai
    assert "ไม่ใช่รูปแบบที่รองรับ" not in thai  # not "unsupported (PDF is supported…)"
    english = _refusal(RANDOM_BYTES, "x.pdf", "en")
    assert "this file is not a valid PDF" in english
    assert "not a supported format" not in english


@pytest.mark.parametrize(
    ("name", "thai", "english"),
    [
        ("x.docx", "ไม่ใช่ไฟล์ Word (.docx) ที่ถูกต้อง", "not a valid Word file"),
        ("x.pptx", "ไม่ใช่ไฟล์ PowerPoint (.pptx) ที่ถูกต้อง", "not a valid PowerPoint file"),
    ],
)
def test_corrupt_office_files_name_the_format(name: str, thai: str, english: str) -> None:
    for data in (RANDOM_BYTES, b"PK\x03\x04" + bytes(300)):  # garbage and a broken ZIP
        assert thai in _refusal(data, name, "th")
        assert english in _refusal(data, name, "en")


def test_a_whitespace_only_text_file_has_no_text() -> None:
    thai = _refusal(b"   \n\n\t  \n", "notes.txt", "th")
    assert "ไฟล์นี้ไม่มีข้อความ" in thai and "สแกน" not in thai
    english = _refusal(b"   \n\n\t  \n", "notes.txt", "en")
    assert "the file has no text" in english and "scanned" not in english


def test_unknown_binary_without_a_document_name_is_still_unsupported() -> None:
    assert "not a supported format" in _refusal(RANDOM_BYTES, "data.bin", "en")
