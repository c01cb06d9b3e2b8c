"""The files of a finished assessment: radar chart (PNG), report (PDF and Markdown).

Shared by the bot and `ruamkit checklist report`; no Telegram here. `gather_report` reads
the database (fast), `render_report` draws the chart and the PDF (CPU work: the bot runs
it off the event loop).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlmodel import Session

from checklist.actions import Action, next_actions
from checklist.charts import radar_chart_png
from checklist.definition import Checklist
from checklist.history import Comparison, compare
from checklist.models import ChecklistAssessment, ChecklistProject
from checklist.report import render_markdown, render_pdf
from checklist.results import Answer, AssessmentResult
from checklist.scoring import project_info
from checklist.service import finished_assessments, load_answers, previous_result
from core.dates import DEFAULT_TIMEZONE
from core.errors import NotFoundError, ValidationError

ACTIONS_SHOWN = 5


@dataclass(frozen=True)
class ReportData:
    """Everything a report of one finished assessment needs, read from the database."""

    project_id: int
    project_name: str
    assessment_id: int
    run: int  # 1 for the project's first finished assessment, 2 for the next, ...
    finished_at: datetime | None  # stored UTC
    answers: dict[str, Answer]
    result: AssessmentResult
    previous: AssessmentResult | None

    @property
    def stem(self) -> str:
        """ASCII file name stem, e.g. ``ruamkit-checklist-p3-run2``."""
        return f"ruamkit-checklist-p{self.project_id}-run{self.run}"


@dataclass(frozen=True)
class ReportFiles:
    """The rendered files of one assessment."""

    stem: str
    chart_png: bytes
    pdf: bytes
    markdown: str


def latest_finished(*, session: Session, project_id: int) -> ChecklistAssessment | None:
    """The project's most recent finished assessment, if any."""
    finished = finished_assessments(session=session, project_id=project_id)
    return finished[0] if finished else None


def gather_report(*, session: Session, assessment: ChecklistAssessment) -> ReportData:
    """Read a finished assessment, its answers and the run before it."""
    if assessment.id is None or assessment.result is None:
        raise ValidationError(f"assessment {assessment.id} is not finished")
    project = session.get(ChecklistProject, assessment.project_id)
    if project is None or project.id is None:
        raise NotFoundError(f"checklist project {assessment.project_id} does not exist")
    finished = finished_assessments(session=session, project_id=project.id)
    earlier = [a for a in finished if (a.id or 0) <= assessment.id]
    return ReportData(
        project_id=project.id,
        project_name=project.name,
        assessment_id=assessment.id,
        run=len(earlier),
        finished_at=assessment.finished_at,
        answers=load_answers(session=session, assessment_id=assessment.id),
        result=AssessmentResult.from_dict(assessment.result),
        previous=previous_result(session=session, project_id=project.id, before=assessment),
    )


def report_actions(checklist: Checklist, data: ReportData) -> list[Action]:
    """The most useful next actions (3-5) for this result."""
    return next_actions(checklist, data.answers, data.result, k=ACTIONS_SHOWN)


def comparison(data: ReportData) -> Comparison | None:
    """What changed since the previous assessment of the project, if there was one."""
    return compare(data.previous, data.result) if data.previous is not None else None


def render_report(
    checklist: Checklist, data: ReportData, lang: str, *, timezone: str = DEFAULT_TIMEZONE
) -> ReportFiles:
    """Draw the chart (with the previous run overlaid) and write the PDF and Markdown.

    Dates are shown in `timezone` (the `TIMEZONE` setting), as the chat shows them.
    """
    chart = radar_chart_png(data.result, lang, data.previous)
    info = project_info(checklist, data.answers)
    actions, changes = report_actions(checklist, data), comparison(data)
    answers, when = data.answers, data.finished_at
    pdf = render_pdf(
        checklist, info, data.result, actions, changes, lang,
        answers=answers, assessed_at=when, timezone=timezone, chart_png=chart,
    )  # fmt: skip
    markdown = render_markdown(
        checklist, info, data.result, actions, changes, lang,
        answers=answers, assessed_at=when, timezone=timezone,
    )  # fmt: skip
    return ReportFiles(stem=data.stem, chart_png=chart, pdf=pdf, markdown=markdown)


def write_report(files: ReportFiles, out_dir: Path) -> list[Path]:
    """Write the PDF, Markdown and PNG into `out_dir` (created if missing); their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    contents: dict[str, bytes] = {
        ".pdf": files.pdf,
        ".md": files.markdown.encode("utf-8"),
        ".png": files.chart_png,
    }
    paths = []
    for suffix, content in contents.items():
        path = out_dir / f"{files.stem}{suffix}"
        path.write_bytes(content)
        paths.append(path)
    return paths
