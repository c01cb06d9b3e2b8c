"""The `ruamkit` command line: ask, search, kb, eval, run, and the feature commands."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from core.errors import RuamKitError
from core.logging import configure_logging, level_for
from core.settings import Settings

log = logging.getLogger("ruamkit")


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser; each feature module adds its subcommands."""
    from bot.cli import evaluate, kb, qa

    parser = argparse.ArgumentParser(
        prog="ruamkit", description="RuamKit (ร่วมคิด): participatory-governance assistant"
    )
    parser.add_argument(
        "--verbose",
        "-v",
        action="count",
        default=0,
        help="show log messages: -v informational, -vv debug (default: warnings only)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for module in (qa, kb, evaluate):
        module.register(commands)
    _register_optional(commands)
    return parser


def _register_optional(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Subcommands of features that live in their own modules (bot, quizzes, ...)."""
    import importlib

    for name in ("run", "feedback", "quiz", "checklist", "results", "db"):
        try:
            module = importlib.import_module(f"bot.cli.{name}")
        except ModuleNotFoundError:
            continue
        module.register(commands)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `ruamkit` console script."""
    from bot.services import limit_threads
    from core.memory import limit_arenas

    limit_threads()
    limit_arenas()  # before any thread starts
    args = build_parser().parse_args(argv)
    settings = Settings()
    # Commands log warnings only; `ruamkit run` re-routes for the service or the sandbox chat.
    configure_logging(level_for(args.verbose))
    try:
        return int(args.handler(args, settings) or 0)
    except RuamKitError as exc:
        print(f"ruamkit: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
