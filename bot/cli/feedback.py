"""`ruamkit feedback export`: answers and their 👍/👎 as CSV for reviewers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.db import create_tables, make_engine, session_scope
from core.feedback import export_csv
from core.settings import Settings


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `feedback export`."""
    feedback = commands.add_parser("feedback", help="answers the bot gave and users' 👍/👎")
    actions = feedback.add_subparsers(dest="feedback_command", required=True)
    export = actions.add_parser(
        "export", help="write every answer with its feedback as CSV (UTF-8 with BOM for Excel)"
    )
    export.add_argument("--out", type=Path, help="CSV file to write (default: standard output)")
    export.add_argument("--rated-only", action="store_true", help="only answers that got 👍 or 👎")
    export.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    """Export the answer records of the configured database."""
    engine = make_engine(settings.resolved_database_url)
    try:
        create_tables(engine)
        with session_scope(engine) as session:
            if args.out is None:
                count = export_csv(
                    session=session,
                    out=sys.stdout,
                    rated_only=args.rated_only,
                    tz=settings.timezone,
                )
            else:
                args.out.parent.mkdir(parents=True, exist_ok=True)
                # The BOM makes Excel read the file as UTF-8, so Thai shows correctly.
                with args.out.open("w", encoding="utf-8-sig", newline="") as out:
                    count = export_csv(
                        session=session,
                        out=out,
                        rated_only=args.rated_only,
                        tz=settings.timezone,
                    )
    finally:
        engine.dispose()
    where = args.out or "standard output"
    print(f"ruamkit: exported {count} answers to {where}", file=sys.stderr)
    return 0
