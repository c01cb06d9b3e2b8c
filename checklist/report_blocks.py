"""The report's content as neutral blocks, rendered to Markdown or PDF by checklist.report."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from checklist import texts as t
from checklist.actions import Action
from checklist.definition import Checklist, Elsewhere
from checklist.history import Comparison, ItemChange
from checklist.results import Answer, AssessmentResult
from checklist.scoring import ProjectInfo
from core.dates import DEFAULT_TIMEZONE, format_datetime

PROVISIONAL_BELOW = 0.5  # coverage under which the result is marked provisional


@dataclass(frozen=True)
class Heading:
    """A heading (level 1 or 2)."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Table:
    """A table with a header row."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Bullets:
    """A list; numbered when `numbered`."""

    items: tuple[str, ...]
    numbered: bool = False


@dataclass(frozen=True)
class Chart:
    """Where the radar chart goes (the PDF draws it; Markdown leaves it out)."""


Block = Heading | Paragraph | Table | Bullets | Chart


@dataclass(frozen=True)
class ReportInput:
    """Everything one report shows."""

    checklist: Checklist
    project: ProjectInfo
    result: AssessmentResult
    actions: Sequence[Action]
    comparison: Comparison | None
    lang: str
    answers: Mapping[str, Answer] | None = None
    assessed_at: datetime | None = None  # stored UTC; shown in `timezone`
    timezone: str = DEFAULT_TIMEZONE


def format_score(score: float | None, lang: str) -> str:
    """A score rounded to one decimal, or a 'no score yet' note."""
    return f"{score:.1f}" if score is not None else t.NO_SCORE.get(lang)


def slide_ref(slides: Sequence[int], lang: str) -> str:
    """'(สไลด์ 8, 9)' / '(slides 8, 9)'."""
    return f"({t.SLIDES.get(lang)} {', '.join(str(n) for n in slides)})"


def report_blocks(data: ReportInput) -> list[Block]:
    """The whole report in reading order."""
    blocks: list[Block] = [Heading(t.REPORT_TITLE.get(data.lang), level=1)]
    blocks += _project(data)
    blocks += _overall(data)
    blocks += _level(data)
    blocks += _sections(data)
    blocks += _actions(data)
    if data.comparison is not None:
        blocks += _history(data, data.comparison)
    blocks += _gaps(data)
    if data.answers is not None:
        blocks += _details(data, data.answers)
    blocks.append(Paragraph(t.FOOTER.get(data.lang).format(source=data.checklist.source)))
    return blocks


def _project(data: ReportInput) -> list[Block]:
    lang, info = data.lang, data.project
    rows = [
        (t.PROJECT.get(lang), info.name or "-"),
        (t.AGENCY.get(lang), info.agency or "-"),
        (t.COMMUNITY.get(lang), info.community or "-"),
        (t.STAGE.get(lang), info.stage_label.get(lang) if info.stage_label else "-"),
    ]
    if data.assessed_at is not None:
        when = format_datetime(data.assessed_at, lang, data.timezone)
        rows.append((t.ASSESSED_ON.get(lang), when))
    return [Table(header=("", ""), rows=tuple(rows))]


def _overall(data: ReportInput) -> list[Block]:
    lang, result = data.lang, data.result
    answered = sum(s.answered for s in result.sections)
    total = sum(s.total for s in result.sections)
    lines: list[Block] = [Heading(t.OVERALL.get(lang))]
    lines.append(Paragraph(f"{t.OVERALL_SCORE.get(lang)}: {format_score(result.overall, lang)}"))
    if result.maturity is not None:
        band = result.maturity
        lines.append(Paragraph(f"{t.MATURITY.get(lang)}: {band.label.get(lang)}", bold=True))
        lines.append(Paragraph(f"{band.description.get(lang)} {slide_ref(band.slides, lang)}"))
    if result.maturity_capped:
        lines.append(Paragraph(t.MATURITY_CAPPED.get(lang)))
    lines.append(Paragraph(t.COVERAGE.get(lang).format(answered=answered, total=total)))
    if result.coverage < PROVISIONAL_BELOW:
        lines.append(Paragraph(t.PROVISIONAL.get(lang), bold=True))
    return lines


def _level(data: ReportInput) -> list[Block]:
    lang, check, checklist = data.lang, data.result.level_check, data.checklist
    claimed = checklist.level(check.claimed).label.get(lang) if check.claimed else None
    shown = checklist.level(check.shown).label.get(lang) if check.shown else None
    rows = (
        (t.CLAIMED.get(lang), claimed or t.NOT_STATED.get(lang)),
        (t.SHOWN.get(lang), shown or t.NO_LEVEL.get(lang)),
    )
    message = check.message.get(lang)
    return [
        Heading(t.LEVEL_HEADING.get(lang)),
        Table(header=("", ""), rows=rows),
        Paragraph(f"{t.FLAG.get(lang)}: {message}" if check.flagged else message, check.flagged),
    ]


def _sections(data: ReportInput) -> list[Block]:
    lang = data.lang
    header = (t.SECTION.get(lang), t.SCORE.get(lang), t.ANSWERED.get(lang), t.UNKNOWN.get(lang))
    rows = tuple(
        (
            f"{s.section_id}. {s.title.get(lang)}",
            format_score(s.score, lang),
            f"{s.answered}/{s.total}",
            str(len(s.gaps)),
        )
        for s in data.result.sections
    )
    return [Heading(t.SECTIONS_HEADING.get(lang)), Table(header, rows), Chart()]


def _actions(data: ReportInput) -> list[Block]:
    lang = data.lang
    if not data.actions:
        return [Heading(t.ACTIONS_HEADING.get(lang)), Paragraph(t.NO_ACTIONS.get(lang))]
    items = tuple(_action_line(action, lang) for action in data.actions)
    return [Heading(t.ACTIONS_HEADING.get(lang)), Bullets(items, numbered=True)]


def _action_line(action: Action, lang: str) -> str:
    line = f"{action.text.get(lang)} — {t.WHY.get(lang)}: {action.why.get(lang)}"  # cites slides
    if action.elsewhere is not None:
        line += f" {elsewhere_note(action.elsewhere, lang)}"
    return line


def elsewhere_note(elsewhere: Elsewhere, lang: str) -> str:
    """'แนวคิดเพิ่มเติมนอกการบรรยาย: … (ที่มา: …)': an outside idea, labelled with its source."""
    text, source = elsewhere.text.get(lang), elsewhere.source
    return f"[{t.ELSEWHERE.get(lang)}: {text} ({t.SOURCE.get(lang)}: {source})]"


def _history(data: ReportInput, comparison: Comparison) -> list[Block]:
    lang = data.lang
    header = (t.SECTION.get(lang), t.BEFORE.get(lang), t.NOW.get(lang), t.CHANGE.get(lang))
    rows = [
        (
            t.OVERALL_SCORE.get(lang),
            *_change_cells(comparison.overall_before, comparison.overall_after, lang),
        ),
    ]
    for change in comparison.sections:
        label = f"{change.section_id}. {change.title.get(lang)}"
        rows.append((label, *_change_cells(change.before, change.after, lang)))
    blocks: list[Block] = [Heading(t.HISTORY_HEADING.get(lang)), Table(header, tuple(rows))]
    groups = (
        (t.IMPROVED, comparison.improved),
        (t.DECLINED, comparison.declined),
        (t.NEWLY_KNOWN, comparison.newly_known),
    )
    for title, changes in groups:
        if changes:
            blocks.append(Paragraph(title.get(lang), bold=True))
            blocks.append(Bullets(tuple(_describe_change(data, c) for c in changes)))
    if not (comparison.improved or comparison.declined or comparison.newly_known):
        blocks.append(Paragraph(t.NOTHING_CHANGED.get(lang)))
    return blocks


def _change_cells(before: float | None, after: float | None, lang: str) -> tuple[str, str, str]:
    delta = f"{after - before:+.1f}" if before is not None and after is not None else "-"
    return format_score(before, lang), format_score(after, lang), delta


def _describe_change(data: ReportInput, change: ItemChange) -> str:
    question = data.checklist.item(change.item_id).question.get(data.lang)
    before = _answer_label(data, change.before)
    after = _answer_label(data, change.after)
    return f"{question} ({t.CHANGED_FROM.get(data.lang).format(before=before, after=after)})"


def _answer_label(data: ReportInput, value: str | None) -> str:
    if value is None:
        return t.SKIPPED.get(data.lang)
    label = data.checklist.answer_labels.get(value)
    return label.get(data.lang) if label else value


def _gaps(data: ReportInput) -> list[Block]:
    gaps = data.result.gaps
    if not gaps:
        return []
    questions = tuple(_question(data, item_id) for item_id in gaps)
    return [Heading(t.GAPS_HEADING.get(data.lang)), Bullets(questions)]


def _question(data: ReportInput, item_id: str) -> str:
    return data.checklist.item(item_id).question.get(data.lang)


def _details(data: ReportInput, answers: Mapping[str, Answer]) -> list[Block]:
    lang = data.lang
    blocks: list[Block] = [Heading(t.DETAILS_HEADING.get(lang))]
    for section in data.checklist.sections:
        lines = tuple(
            _detail_line(data, item_id, answers.get(item_id))
            for item_id in (i.id for i in section.items if i.scored)
        )
        if lines:
            blocks.append(Paragraph(f"{section.id}. {section.title.get(lang)}", bold=True))
            blocks.append(Bullets(lines))
    return blocks


def _detail_line(data: ReportInput, item_id: str, answer: Answer | None) -> str:
    lang, item = data.lang, data.checklist.item(item_id)
    value = answer.value if answer else None
    line = f"{item.question.get(lang)} — {t.ANSWER.get(lang)}: {_answer_label(data, value)}"
    if answer and answer.evidence:
        line += f"; {t.EVIDENCE.get(lang)}: {answer.evidence}"
    if item.advice:
        line += f". {t.ADVICE.get(lang)}: {item.advice[value or 'dont_know'].get(lang)}"
    return line
