"""`ruamkit quiz check|stats`: validate the question bank and count it for trainers."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.settings import Settings
from knowledge.catalog import known_locators
from quizzes.bank import format_problems, load_bank, validate_bank
from quizzes.stats import STATS_DOC, bank_stats, write_stats_markdown


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `quiz` command group."""
    quiz = commands.add_parser("quiz", help="the quiz question bank")
    sub = quiz.add_subparsers(dest="quiz_command", required=True)
    check = sub.add_parser("check", help="validate the bank (schema, limits, slide references)")
    check.add_argument("--bank", type=Path, help="bank folder (default: the shipped bank)")
    check.set_defaults(handler=run_check)
    stats = sub.add_parser("stats", help="counts by topic, kind and difficulty")
    stats.add_argument("--bank", type=Path, help="bank folder (default: the shipped bank)")
    stats.add_argument("--out", type=Path, default=STATS_DOC, help="Markdown file to write")
    stats.set_defaults(handler=run_stats)


def run_check(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when the bank is valid, 1 with a list of problems otherwise."""
    bank = load_bank(args.bank)
    problems = list(bank.problems) + validate_bank(bank, known_locators(settings.source_dir))
    if problems:
        print(format_problems(problems))
        print(f"{len(problems)} problem(s) in {len(bank.questions)} questions")
        return 1
    print(f"ok: {len(bank.questions)} questions, every slide reference exists")
    return 0


def run_stats(args: argparse.Namespace, settings: Settings) -> int:
    """Print the counts and write them to docs/question-bank.md."""
    bank = load_bank(args.bank)
    stats = bank_stats(bank)
    path = write_stats_markdown(bank, args.out)
    print(f"{len(bank.questions)} questions")
    for label, counts in (("topic", stats["by_topic"]), ("kind", stats["by_kind"])):
        print(f"by {label}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    print("by difficulty: " + ", ".join(f"{k} {v}" for k, v in stats["by_difficulty"].items()))
    print(f"written to {path}")
    return 0
