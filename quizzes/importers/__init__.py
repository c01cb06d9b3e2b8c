"""Trainer question import: CSV, Moodle GIFT and Aiken files, checked before anything is stored.

Typical use from a thin handler:

    report = parse_upload(filename, content, known_slides=slides)
    reply(report.describe(lang))
    if report.ok:
        save_import(session=session, owner_id=trainer_id, report=report)
"""

from __future__ import annotations

from pathlib import PurePath

from quizzes.importers.aiken import parse_aiken
from quizzes.importers.common import (
    DEFAULT_TOPIC,
    MAX_UPLOAD_BYTES,
    ImportProblem,
    ImportReport,
    KnownSlides,
    failed_report,
    topic_label,
)
from quizzes.importers.csvfile import csv_template, parse_csv
from quizzes.importers.gift import parse_gift
from quizzes.importers.store import (
    ImportBatch,
    import_batches,
    imported_by_ids,
    imported_questions,
    question_from_data,
    question_to_data,
    retire_batch,
    save_import,
)

__all__ = [
    "FORMATS",
    "ImportBatch",
    "ImportProblem",
    "ImportReport",
    "csv_template",
    "decode_upload",
    "detect_format",
    "import_batches",
    "imported_by_ids",
    "imported_questions",
    "parse_aiken",
    "parse_csv",
    "parse_gift",
    "parse_upload",
    "question_from_data",
    "question_to_data",
    "retire_batch",
    "save_import",
    "topic_label",
]

FORMATS = ("csv", "gift", "aiken")
_EXTENSIONS = {".csv": "csv", ".gift": "gift", ".aiken": "aiken"}


def detect_format(filename: str, text: str) -> str | None:
    """`csv`, `gift` or `aiken` from the file name; a `.txt` file is GIFT when it has `{`."""
    suffix = PurePath(filename).suffix.lower()
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    if suffix in {".txt", ""}:
        return "gift" if "{" in text and "}" in text else "aiken"
    return None


def decode_upload(content: bytes) -> str | None:
    """The file's text: UTF-8 (with or without BOM), else Thai Windows (cp874); None if neither."""
    for encoding in ("utf-8-sig", "cp874"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def parse_upload(
    filename: str,
    content: bytes,
    *,
    known_slides: KnownSlides = None,
    default_topic: str = DEFAULT_TOPIC,
) -> ImportReport:
    """Check an uploaded file of any supported format; problems come back in the report."""
    name = PurePath(filename).name or "upload"
    if len(content) > MAX_UPLOAD_BYTES:
        size_kb = MAX_UPLOAD_BYTES // 1024
        th = f"ไฟล์ใหญ่เกินไป (รับได้ไม่เกิน {size_kb} KB)"
        return failed_report(name, "unknown", th, f"file is larger than {size_kb} KB")
    text = decode_upload(content)
    if text is None or "\x00" in text:
        th = "อ่านไฟล์ไม่ได้: ต้องเป็นไฟล์ข้อความ UTF-8"
        return failed_report(name, "unknown", th, "cannot read the file: send UTF-8 text")
    kind = detect_format(name, text)
    if kind == "csv":
        return parse_csv(text, source_name=name, known_slides=known_slides)
    if kind == "gift":
        return parse_gift(
            text, source_name=name, default_topic=default_topic, known_slides=known_slides
        )
    if kind == "aiken":
        return parse_aiken(
            text, source_name=name, default_topic=default_topic, known_slides=known_slides
        )
    th = "รองรับเฉพาะไฟล์ .csv, .gift หรือ .txt (GIFT/Aiken)"
    return failed_report(name, "unknown", th, "send a .csv, .gift or .txt (GIFT or Aiken) file")
