"""Assignment results as CSV (UTF-8 with BOM, so Excel shows Thai) and XLSX, and as plain text.

The XLSX has three sheets: `results` (one row per member), `items` (item analysis) and `topics`
(cohort weaknesses with the slides to revisit). Times are local to the `TIMEZONE` setting
(Asia/Bangkok), sortable `2026-12-05 17:00`, and the header names the zone. The CSV holds the
`results` table; `items_csv` gives the item analysis on its own. The chat summary shows dates
the Thai way (Buddhist era) in Thai and Gregorian in English.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from core.dates import DEFAULT_TIMEZONE, format_datetime, format_iso_local
from quizzes.analysis import (
    MIN_RESPONDENTS,
    AssignmentResults,
    ItemFlag,
    ItemStats,
    MemberResult,
    MemberStatus,
    TopicResult,
)
from quizzes.importers.common import topic_label
from quizzes.questions import Text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | float | None
Table = tuple[list[str], list[list[Cell]]]

MEMBER_HEADERS = (
    Text("ชื่อ", "Name"), Text("รหัสผู้ใช้", "User id"), Text("สถานะ", "Status"),
    Text("จำนวนครั้งที่ทำ", "Attempts"), Text("ตอบถูก", "Right"), Text("จำนวนข้อ", "Questions"),
    Text("คะแนน (%)", "Score (%)"), Text("ผล", "Result"), Text("ส่งช้า", "Late"),
    Text("เวลาที่ส่ง ({zone})", "Finished at ({zone})"),
)  # fmt: skip
ITEM_HEADERS = (
    Text("ข้อ", "No."), Text("รหัสคำถาม", "Question id"), Text("หัวข้อ", "Topic"),
    Text("คำถาม", "Question"), Text("ผู้ตอบ", "Responses"), Text("ตอบถูก", "Right"),
    Text("ดัชนีความง่าย", "Facility"), Text("อำนาจจำแนก (D)", "Discrimination (D)"),
    Text("พอยต์ไบซีเรียล", "Point-biserial"), Text("ข้อสังเกต", "Flags"),
)  # fmt: skip
TOPIC_HEADERS = (
    Text("หัวข้อ", "Topic"), Text("รหัสหัวข้อ", "Topic id"), Text("จำนวนข้อ", "Questions"),
    Text("คำตอบทั้งหมด", "Answers"), Text("ตอบถูก", "Right"), Text("ร้อยละที่ถูก", "Percent right"),
    Text("สไลด์ที่ควรทบทวน", "Slides to revisit"),
)  # fmt: skip
STATUS = {
    MemberStatus.FINISHED: Text("ส่งแล้ว", "finished"),
    MemberStatus.STARTED: Text("ยังทำไม่เสร็จ", "started, not finished"),
    MemberStatus.NOT_STARTED: Text("ยังไม่เริ่ม", "not started"),
}
FLAGS = {
    ItemFlag.TOO_EASY: Text("ง่ายเกินไป", "too easy"),
    ItemFlag.TOO_HARD: Text("ยากเกินไป", "too hard"),
    ItemFlag.NEGATIVE_DISCRIMINATION: Text("จำแนกกลับทาง", "negative discrimination"),
}
TOO_FEW = Text(
    "ผู้ตอบยังน้อยเกินกว่าจะตัดสิน (ต้องมีอย่างน้อย {minimum} คน)",
    "too few answers to judge (at least {minimum} needed)",
)
PASSED = Text("ผ่าน", "pass")
FAILED = Text("ไม่ผ่าน", "fail")
LATE = Text("ช้า", "late")
SLIDE = Text("สไลด์", "slide")
SUMMARY = Text(
    "{title} ({cohort}) กำหนดส่ง {due}\nส่งแล้ว {finished}/{members} คน · ผ่าน {passed} · "
    "ส่งช้า {late} · คะแนนเฉลี่ย {mean}",
    "{title} ({cohort}), due {due}\nFinished {finished}/{members} · passed {passed} · "
    "late {late} · mean {mean}",
)
REVISIT = Text("หัวข้อที่ควรทบทวน:", "Topics to revisit:")


def results_csv(results: AssignmentResults, lang: str = "th", tz: str = DEFAULT_TIMEZONE) -> bytes:
    """One row per member, UTF-8 with BOM."""
    return _csv_bytes(member_table(results, lang, tz))


def items_csv(results: AssignmentResults, lang: str = "th") -> bytes:
    """One row per question (item analysis), UTF-8 with BOM."""
    return _csv_bytes(item_table(results, lang))


def results_xlsx(
    results: AssignmentResults, lang: str = "th", tz: str = DEFAULT_TIMEZONE
) -> bytes:
    """A workbook with sheets `results`, `items` and `topics`."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if sheet is not None:
        book.remove(sheet)
    tables = {
        "results": member_table(results, lang, tz),
        "items": item_table(results, lang),
        "topics": topic_table(results, lang),
    }
    for name, table in tables.items():
        _write_sheet(book.create_sheet(name), table)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def results_text(
    results: AssignmentResults, lang: str = "th", limit: int = 30, tz: str = DEFAULT_TIMEZONE
) -> str:
    """A plain-text summary for a chat message: counts, then one line per member."""
    info, finished = results.assignment, results.finished
    mean = results.mean_percent
    head = SUMMARY.get(lang).format(
        title=info.title, cohort=info.cohort_name, due=format_datetime(info.due_at, lang, tz),
        finished=len(finished), members=len(results.members), passed=results.passed_count,
        late=results.late_count, mean="-" if mean is None else f"{mean:.0f}%",
    )  # fmt: skip
    lines = [head, *(_member_line(m, lang) for m in results.members[:limit])]
    weak = [t for t in results.topics if t.slides][:3]
    if weak:
        lines.append(REVISIT.get(lang))
        lines += [_topic_line(t, lang) for t in weak]
    return "\n".join(lines)


def export_basename(results: AssignmentResults) -> str:
    """A file name stem such as `assignment-12-results`."""
    return f"assignment-{results.assignment.assignment_id}-results"


def member_table(results: AssignmentResults, lang: str, tz: str = DEFAULT_TIMEZONE) -> Table:
    """Headers and rows of the per-member results; times local, the header names the zone."""
    headers = [header.format(zone=tz) for header in _headers(MEMBER_HEADERS, lang)]
    return headers, [_member_row(m, lang, tz) for m in results.members]


def item_table(results: AssignmentResults, lang: str) -> Table:
    """Headers and rows of the item analysis."""
    rows: list[list[Cell]] = [
        [
            item.position, item.question_id, item.topic, item.text.get(lang), item.responses,
            item.correct, _round(item.facility), _round(item.discrimination),
            _round(item.point_biserial), _flags(item, lang),
        ]
        for item in results.items
    ]  # fmt: skip
    return _headers(ITEM_HEADERS, lang), rows


def topic_table(results: AssignmentResults, lang: str) -> Table:
    """Headers and rows of the per-topic results, weakest first."""
    rows: list[list[Cell]] = [
        [
            topic_label(topic.topic, topic.title).get(lang), topic.topic, topic.questions,
            topic.answers, topic.correct,
            _round(topic.mean_percent, 1),
            ", ".join(f"{SLIDE.get(lang)} {ref.slide}" for ref in topic.slides),
        ]
        for topic in results.topics
    ]  # fmt: skip
    return _headers(TOPIC_HEADERS, lang), rows


def _flags(item: ItemStats, lang: str) -> str:
    """The item's flags, or that too few answered to judge it."""
    if not item.judged:
        return TOO_FEW.get(lang).format(minimum=MIN_RESPONDENTS)
    return ", ".join(FLAGS[f].get(lang) for f in item.flags)


def _member_row(member: MemberResult, lang: str, tz: str) -> list[Cell]:
    result = None if member.passed is None else (PASSED if member.passed else FAILED).get(lang)
    return [
        member.name, member.user_id, STATUS[member.status].get(lang), member.attempts,
        member.correct, member.total, member.percent, result,
        LATE.get(lang) if member.late else "", _when(member.finished_at, tz),
    ]  # fmt: skip


def _member_line(member: MemberResult, lang: str) -> str:
    parts = [member.name, STATUS[member.status].get(lang)]
    if member.percent is not None:
        verdict = (PASSED if member.passed else FAILED).get(lang)
        parts += [f"{member.correct}/{member.total} ({member.percent}%)", verdict]
    if member.late:
        parts.append(LATE.get(lang))
    return "• " + " · ".join(parts)


def _topic_line(topic: TopicResult, lang: str) -> str:
    slides = ", ".join(str(ref.slide) for ref in topic.slides)
    mean = topic.mean_percent or 0.0
    title = topic_label(topic.topic, topic.title).get(lang)
    return f"• {title} {mean:.0f}% ({SLIDE.get(lang)} {slides})"


def _headers(headers: Sequence[Text], lang: str) -> list[str]:
    return [header.get(lang) for header in headers]


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def _when(moment: datetime | None, tz: str) -> str:
    return "" if moment is None else format_iso_local(moment, tz)


def _csv_bytes(table: Table) -> bytes:
    headers, rows = table
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")


def _write_sheet(sheet: Worksheet, table: Table) -> None:
    """Header row in bold and frozen, then the rows, with readable column widths."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    headers, rows = table
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        longest = max([len(str(r[index - 1] or "")) for r in rows] + [len(header)])
        sheet.column_dimensions[get_column_letter(index)].width = min(max(longest + 2, 8), 60)
