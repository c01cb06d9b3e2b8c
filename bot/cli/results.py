"""`ruamkit results list|export`: assignment results as CSV, XLSX and a PNG chart, offline.

The same files /results sends in Telegram, read straight from the configured database, for
whoever runs the bot (no trainer check: the command line already has the database).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlmodel import Session, col, select

from core.dates import DEFAULT_TIMEZONE, format_iso_local
from core.db import create_tables, make_engine, session_scope
from core.settings import Settings
from quizzes.analysis import AssignmentResults
from quizzes.assignments import load_assignment
from quizzes.bank import load_bank, require_valid_bank
from quizzes.exports import export_basename, results_csv, results_xlsx
from quizzes.trainer_models import Assignment
from quizzes.trainer_results import assignment_results

FORMATS = ("csv", "xlsx", "png")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `results list` and `results export`."""
    results = commands.add_parser("results", help="trainer assignment results")
    actions = results.add_subparsers(dest="results_command", required=True)
    listing = actions.add_parser("list", help="every assignment with its id, cohort and due date")
    listing.set_defaults(handler=run_list)
    export = actions.add_parser("export", help="write an assignment's results as CSV/XLSX/PNG")
    export.add_argument("assignment_id", type=int, help="the assignment's id (see results list)")
    export.add_argument(
        "--format", dest="formats", action="append", choices=FORMATS,
        help="csv, xlsx or png (repeat for several; default: csv and xlsx)",
    )  # fmt: skip
    export.add_argument("--out", type=Path, help="folder to write to (default: DATA_DIR/exports)")
    export.add_argument("--lang", choices=["th", "en"], default="th", help="language of headers")
    export.set_defaults(handler=run_export)


@contextmanager
def _session(settings: Settings) -> Iterator[Session]:
    engine = make_engine(settings.resolved_database_url)
    try:
        create_tables(engine)
        with session_scope(engine) as session:
            yield session
    finally:
        engine.dispose()


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    """Print one line per assignment: id, due date (in the TIMEZONE setting), trainer, title."""
    with _session(settings) as session:
        rows = session.exec(select(Assignment).order_by(col(Assignment.id))).all()
        if rows:
            print(f"id\tdue ({settings.timezone})\ttrainer\ttitle")
        for row in rows:
            due = format_iso_local(row.due_at, settings.timezone)
            print(f"{row.id}\tdue {due}\ttrainer {row.trainer_id}\t{row.title}")
    if not rows:
        print("no assignments yet")
    return 0


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    """Write the chosen files and print their paths."""
    formats = args.formats or ["csv", "xlsx"]
    out: Path = args.out or settings.ruamkit_data_dir / "exports"
    with _session(settings) as session:
        results = read_results(session, args.assignment_id)
    out.mkdir(parents=True, exist_ok=True)
    for kind in dict.fromkeys(formats):
        path = out / f"{export_basename(results)}.{kind}"
        path.write_bytes(render(results, kind, args.lang, settings.timezone))
        print(path)
    return 0


def read_results(session: Session, assignment_id: int) -> AssignmentResults:
    """The analysed results of any assignment (NotFoundError when there is none)."""
    assignment = load_assignment(session=session, assignment_id=assignment_id)
    return assignment_results(
        session=session, trainer_id=assignment.trainer_id, assignment_id=assignment_id,
        bank=require_valid_bank(load_bank()),
    )  # fmt: skip


def render(results: AssignmentResults, kind: str, lang: str, tz: str = DEFAULT_TIMEZONE) -> bytes:
    """The bytes of one export format (times local to `tz`)."""
    if kind == "csv":
        return results_csv(results, lang, tz)
    if kind == "xlsx":
        return results_xlsx(results, lang, tz)
    from quizzes.charts import results_chart_png

    return results_chart_png(results, lang)
