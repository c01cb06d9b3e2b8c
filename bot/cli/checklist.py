"""`ruamkit checklist report`: a project's latest assessment as PDF, Markdown and PNG files.

Without --project it lists the projects (all of them, or one person's with --user).
With --user the project must belong to that Telegram user.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlmodel import Session, col, select

from bot.handlers.checklist_report import (
    gather_report,
    latest_finished,
    render_report,
    write_report,
)
from bot.handlers.checklist_state import ChecklistChat  # noqa: F401  (registers the table)
from checklist.definition import load_checklist
from checklist.models import ChecklistProject
from checklist.service import finished_assessments, get_project, list_projects
from core.db import create_tables, make_engine, session_scope
from core.errors import NotFoundError
from core.settings import Settings


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `checklist` command group."""
    group = commands.add_parser("checklist", help="participatory project checklist reports")
    sub = group.add_subparsers(dest="checklist_command", required=True)
    report = sub.add_parser(
        "report", help="write the latest finished assessment as PDF, Markdown and PNG"
    )
    report.add_argument("--project", type=int, help="project id (omit to list projects)")
    report.add_argument("--user", type=int, help="Telegram id of the project's owner")
    report.add_argument("--lang", choices=("th", "en"), default="th", help="report language")
    report.add_argument("--out", type=Path, help="folder to write to (default: DATA_DIR/reports)")
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace, settings: Settings) -> int:
    """Write the report files of one project, or list the projects."""
    engine = make_engine(settings.resolved_database_url)
    create_tables(engine)
    try:
        with session_scope(engine) as session:
            if args.project is None:
                return _list(session, args.user)
            return _write(session, args, settings)
    finally:
        engine.dispose()


def _list(session: Session, owner_id: int | None) -> int:
    """Print one line per project: id, owner, finished assessments, name."""
    projects = _projects(session, owner_id)
    if not projects:
        print("no checklist projects" + (f" for user {owner_id}" if owner_id else ""))
        return 0
    print("id\towner\tfinished\tname")
    for project in projects:
        runs = len(finished_assessments(session=session, project_id=project.id or 0))
        print(f"{project.id}\t{project.owner_id}\t{runs}\t{project.name}")
    return 0


def _projects(session: Session, owner_id: int | None) -> list[ChecklistProject]:
    if owner_id is not None:
        return list_projects(session=session, owner_id=owner_id)
    query = select(ChecklistProject).order_by(col(ChecklistProject.id))
    return list(session.exec(query))


def _write(session: Session, args: argparse.Namespace, settings: Settings) -> int:
    """Render the latest finished assessment and print the paths written."""
    project = _project(session, args.project, args.user)
    assessment = latest_finished(session=session, project_id=project.id or 0)
    if assessment is None:
        raise NotFoundError(f"checklist project {project.id} has no finished assessment yet")
    data = gather_report(session=session, assessment=assessment)
    files = render_report(load_checklist(), data, args.lang, timezone=settings.timezone)
    out_dir = args.out if args.out is not None else settings.data_dir / "reports"
    for path in write_report(files, out_dir):
        print(path)
    return 0


def _project(session: Session, project_id: int, owner_id: int | None) -> ChecklistProject:
    """The project (checked against --user when given); NotFoundError names the id."""
    if owner_id is not None:
        return get_project(session=session, project_id=project_id, owner_id=owner_id)
    project = session.get(ChecklistProject, project_id)
    if project is None:
        raise NotFoundError(f"checklist project {project_id} does not exist")
    return project
