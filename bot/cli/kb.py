"""`ruamkit kb reload|list|history|rollback|add|remove|test|audit`.

`add` and `remove` stage a new version, print its preview and the test-question gate, and
go live only when confirmed: at the prompt, or with ``--yes`` (plus ``--force`` when the
gate found fewer answers than the live version). Officials keep being answered from the
live version throughout; a process killed midway leaves it untouched.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from bot.texts import plain
from core.dates import format_stamp
from core.errors import DocumentError
from core.settings import Settings
from knowledge.validation import UploadRejected, message_code
from retrieval.kb_admin import KnowledgeAdmin
from retrieval.staging import Actor, StagedChange


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `kb` command group."""
    kb = commands.add_parser("kb", help="manage the knowledge base")
    sub = kb.add_subparsers(dest="kb_command", required=True)
    reload = sub.add_parser("reload", help="rebuild from the sources (or exactly DIR) and go live")
    reload.add_argument("--source", type=Path, help="folder of sources (default: the current set)")
    reload.set_defaults(handler=run_reload)
    sub.add_parser("list", help="documents in the live index").set_defaults(handler=run_list)
    sub.add_parser("history", help="go-lives and rollbacks").set_defaults(handler=run_history)
    sub.add_parser("rollback", help="restore the previous version").set_defaults(
        handler=run_rollback
    )
    add = sub.add_parser("add", help="add or replace a document, with a preview and the gate")
    add.add_argument("file", type=Path, help="PDF, PPTX, DOCX, Markdown or text file")
    _confirm_options(add)
    add.set_defaults(handler=run_add)
    remove = sub.add_parser("remove", help="remove a document, with a preview and the gate")
    remove.add_argument("doc", help="the document's name (see `kb list`)")
    _confirm_options(remove)
    remove.set_defaults(handler=run_remove)
    _register_tests(sub)
    audit = sub.add_parser("audit", help="who changed the knowledge base, and when")
    audit.add_argument("--limit", type=int, default=30)
    audit.set_defaults(handler=run_audit)


def _confirm_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", "-y", action="store_true", help="go live without asking")
    parser.add_argument(
        "--force", action="store_true", help="go live even if test questions regressed"
    )
    parser.add_argument("--dry-run", action="store_true", help="preview only, change nothing")


def _register_tests(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tests = sub.add_parser("test", help="the admins' test questions for the gate")
    actions = tests.add_subparsers(dest="test_command", required=True)
    add = actions.add_parser("add", help="add a test question")
    add.add_argument("question")
    add.add_argument("expected", help="text one of the top passages must contain")
    add.set_defaults(handler=run_test_add)
    actions.add_parser("list", help="list them").set_defaults(handler=run_test_list)
    remove = actions.add_parser("remove", help="remove one by number")
    remove.add_argument("id", type=int)
    remove.set_defaults(handler=run_test_remove)


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

    def stage(self, phase: str, done: int, total: int) -> None:
        """The staging progress callback: only the embedding phase draws the bar."""
        if phase == "embedding":
            self(done, total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _admin(settings: Settings) -> KnowledgeAdmin:
    from bot.services import build_knowledge_admin

    return build_knowledge_admin(settings)


def _actor() -> Actor:
    try:
        return Actor(None, f"cli:{getpass.getuser()}")
    except (KeyError, OSError):  # no user name in some containers
        return Actor(None, "cli")


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
    """Documents in the live index: passages, who added them and when."""
    admin = _admin(settings)
    documents = admin.documents()
    index = admin.kb.live()
    print(f"version {index.version} — model {index.model_id}")
    for info in documents:
        origin = "built in" if info.origin == "shipped" else f"added by {info.added_by}"
        added = format_stamp(info.added_at, settings.timezone) if info.added_at else ""
        when = f" on {added} (version {info.version})" if info.added_at else ""
        print(f"  {info.doc}  {info.passages} passages  {info.title}  [{origin}{when}]")
    pending = admin.pending()
    if pending is not None:
        print(f"waiting for confirmation: {pending.action} {pending.target} by {pending.actor}")
    return 0


def run_history(args: argparse.Namespace, settings: Settings) -> int:
    """Every go-live and rollback."""
    from bot.services import build_knowledge_base

    for event in build_knowledge_base(settings).history():
        when = format_stamp(event.at, settings.timezone)
        print(f"{when}  {event.action:<8} {event.version}  by {event.actor}")
    return 0


def run_rollback(args: argparse.Namespace, settings: Settings) -> int:
    """Restore the previously live version (refused while a change is pending)."""
    version = _admin(settings).rollback(actor=_actor())
    print(f"live version is now {version}")
    return 0


def run_add(args: argparse.Namespace, settings: Settings) -> int:
    """Stage a file, show the preview and the gate, then go live or cancel."""
    path: Path = args.file
    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"ruamkit: cannot read {path}: {error.strerror}", file=sys.stderr)
        return 2
    admin, bar = _admin(settings), _ProgressBar()
    try:
        change = admin.stage_upload(data, path.name, actor=_actor(), progress=bar.stage)
    except DocumentError as error:
        print(f"ruamkit: cannot use {path.name}: {_problem(error)}", file=sys.stderr)
        return 2
    finally:
        bar.close()
    return _finish(admin, change, args)


def run_remove(args: argparse.Namespace, settings: Settings) -> int:
    """Stage the knowledge base without a document, show the preview, then decide."""
    admin = _admin(settings)
    change = admin.stage_removal(args.doc, actor=_actor())
    return _finish(admin, change, args)


def _problem(error: DocumentError) -> str:
    """The refusal in the bot's words: "not a valid PDF" for random bytes named .pdf, etc."""
    facts = error.facts if isinstance(error, UploadRejected) else {}
    readable = {k: f"{v:,}" if isinstance(v, int) else v for k, v in facts.items()}
    return plain(f"kb.error.{message_code(error)}", "en", **readable)


def _finish(admin: KnowledgeAdmin, change: StagedChange, args: argparse.Namespace) -> int:
    """Print the preview; go live if confirmed, else cancel (nothing changes)."""
    print_change(change)
    try:
        go = _decide(change, args)
    except (KeyboardInterrupt, EOFError):
        go = False
    if go:
        admin.confirm(change.staging_id, actor=_actor())
        print(f"live: version {change.version}")
        return 0
    admin.cancel(change.staging_id, actor=_actor())
    print("cancelled: the knowledge base is unchanged")
    return 0 if args.dry_run else 1


def _decide(change: StagedChange, args: argparse.Namespace) -> bool:
    if args.dry_run:
        return False
    if not change.gate.passed and not args.force:
        return _ask("The new version finds fewer test answers. Go live anyway? [y/N] ")
    return True if args.yes or args.force else _ask("Go live? [y/N] ")


def _ask(prompt: str) -> bool:
    if not sys.stdin.isatty():
        print("not a terminal: pass --yes (and --force after regressions)", file=sys.stderr)
        return False
    return input(prompt).strip().lower() in ("y", "yes")


def print_change(change: StagedChange) -> None:
    """The preview and the gate's verdict as plain English text."""
    preview, gate = change.preview, change.gate
    for c in preview.changes:
        counts = f"{c.passages_before} -> {c.passages_after} passages"
        print(f"{c.status:>8}: {c.doc} — {c.title} ({counts})")
    print(f"passages: {preview.passages_before} -> {preview.passages_after}")
    for sample in preview.samples:
        print(f"  sample {sample.label('en')} · {sample.title}: {sample.text}")
    for notice in preview.warnings:
        print(f"  warning: {plain(f'kb.warn.{notice.code}', 'en', **notice.values)}")
    verdict = "passed" if gate.passed else "FEWER than the live version"
    print(f"test questions: {gate.staged_hits}/{gate.total} found")
    print(f"  (live {gate.live_hits}/{gate.total}): {verdict}")
    for question in gate.regressions:
        print(f"  no longer found: {question.id} {question.question}")


def run_test_add(args: argparse.Namespace, settings: Settings) -> int:
    """Add a test question and say whether the live version finds it."""
    from knowledge import thai

    admin = _admin(settings)
    lang = thai.detect_language(args.question)
    row = admin.tests.add(args.question, args.expected, lang=lang, actor=_actor())
    found = "found" if admin.live_finds(row) else "NOT found yet"
    print(f"test question #{row.id} added; the live version: {found}")
    return 0


def run_test_list(args: argparse.Namespace, settings: Settings) -> int:
    """The admins' test questions."""
    for row in _admin(settings).tests.added():
        print(f"#{row.id}  {row.question}  ->  {' / '.join(row.expected)}  ({row.added_by})")
    return 0


def run_test_remove(args: argparse.Namespace, settings: Settings) -> int:
    """Remove one admin test question."""
    _admin(settings).tests.remove(args.id, actor=_actor())
    print(f"test question #{args.id} removed")
    return 0


def run_audit(args: argparse.Namespace, settings: Settings) -> int:
    """The newest knowledge-base audit events."""
    for event in _admin(settings).audit_events(args.limit):
        when = format_stamp(event.at, settings.timezone)
        print(f"{when}  {event.actor:<24} {event.action:<20} {event.target}")
    return 0
