"""`ruamkit kb reload|list|history|rollback`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from core.settings import Settings


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `kb` command group."""
    kb = commands.add_parser("kb", help="manage the knowledge base")
    sub = kb.add_subparsers(dest="kb_command", required=True)
    reload = sub.add_parser("reload", help="make the index hold exactly the files under DIR")
    reload.add_argument("--source", type=Path, help="folder of sources (default: the lecture)")
    reload.set_defaults(handler=run_reload)
    sub.add_parser("list", help="documents in the live index").set_defaults(handler=run_list)
    sub.add_parser("history", help="go-lives and rollbacks").set_defaults(handler=run_history)
    sub.add_parser("rollback", help="restore the previous version").set_defaults(
        handler=run_rollback
    )


class _ProgressBar:
    """A tqdm bar that only appears for long embedding runs."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if total < 64:
            return
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="passage", desc="embedding", file=sys.stderr)
        self._bar.n = done
        self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def run_reload(args: argparse.Namespace, settings: Settings) -> int:
    """Rebuild atomically and print what was added, changed, removed or unchanged."""
    from bot.services import build_knowledge_base

    kb = build_knowledge_base(settings)
    bar = _ProgressBar()
    try:
        report = kb.reload(args.source, actor="cli", progress=bar)
    finally:
        bar.close()
    for label, docs in (
        ("added", report.added),
        ("changed", report.changed),
        ("removed", report.removed),
        ("unchanged", report.unchanged),
    ):
        print(f"{label:>9}: {len(docs)}" + (f"  ({', '.join(docs)})" if docs else ""))
    print(f"passages: {report.passages} (embedded {report.embedded}, reused {report.reused})")
    for error in report.errors:
        print(f"  skipped {error}", file=sys.stderr)
    state = "live" if report.live else "no changes; live version kept"
    print(f"version: {kb.versions.current()} ({state}, {report.seconds:.1f}s)")
    return 1 if report.errors else 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    """Documents in the live index with their passage counts."""
    from bot.services import build_knowledge_base

    index = build_knowledge_base(settings).live()
    print(f"version {index.version} — model {index.model_id}")
    for entry in index.documents():
        print(f"  {entry['doc']}  {entry['passages']} passages  {entry['title']}")
    return 0


def run_history(args: argparse.Namespace, settings: Settings) -> int:
    """Every go-live and rollback."""
    from bot.services import build_knowledge_base

    for event in build_knowledge_base(settings).history():
        print(f"{event.at}  {event.action:<8} {event.version}  by {event.actor}")
    return 0


def run_rollback(args: argparse.Namespace, settings: Settings) -> int:
    """Restore the previously live version."""
    from bot.services import build_knowledge_base

    version = build_knowledge_base(settings).rollback(actor="cli")
    print(f"live version is now {version}")
    return 0
