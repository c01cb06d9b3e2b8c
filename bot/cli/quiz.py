"""`ruamkit quiz check|stats`: validate the question bank and count it for trainers."""

from __future__ import annotations

import argparse
from pathlib import Path

from core.settings import Settings
from knowledge.loaders import load_directory
from knowledge.thai import search_tokens, stopwords
from quizzes.bank import format_problems, load_bank, validate_bank
from quizzes.review import review_bank
from quizzes.stats import STATS_DOC, bank_stats, write_stats_markdown


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `quiz` command group."""
    quiz = commands.add_parser("quiz", help="the quiz question bank")
    sub = quiz.add_subparsers(dest="quiz_command", required=True)
    check = sub.add_parser(
        "check",
        help="validate the bank (schema, limits, slide references) and list options to review",
    )
    check.add_argument("--bank", type=Path, help="bank folder (default: the shipped bank)")
    check.set_defaults(handler=run_check)
    stats = sub.add_parser("stats", help="counts by topic, kind and difficulty")
    stats.add_argument("--bank", type=Path, help="bank folder (default: the shipped bank)")
    stats.add_argument("--out", type=Path, default=STATS_DOC, help="Markdown file to write")
    stats.set_defaults(handler=run_stats)


def run_check(args: argparse.Namespace, settings: Settings) -> int:
    """Exit 0 when the bank is valid, 1 with a list of problems otherwise.

    Options whose length or topic may give the answer away are listed as warnings first;
    they never change the exit status.
    """
    bank = load_bank(args.bank)
    slides = slide_texts(settings.source_dir)
    warnings = review_bank(
        bank,
        words=search_tokens,
        stopwords=stopwords(),
        slide_text=lambda d, n: slides.get((d, n)),
    )
    if warnings:
        print(format_problems(warnings, limit=len(warnings)))
        print(f"{len(warnings)} option(s) to review (warnings, not failures)\n")
    problems = list(bank.problems) + validate_bank(bank, set(slides))
    if problems:
        print(format_problems(problems))
        print(f"{len(problems)} problem(s) in {len(bank.questions)} questions")
        return 1
    print(f"ok: {len(bank.questions)} questions, every slide reference exists")
    return 0


def slide_texts(source_dir: Path) -> dict[tuple[str, int], str]:
    """The text of every (document, slide/page/section number) of the sources."""
    documents, _errors = load_directory(source_dir)
    return {(d.doc, s.locator.number): s.text for d in documents for s in d.sections}


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
