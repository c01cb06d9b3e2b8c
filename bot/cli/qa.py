"""`ruamkit ask` and `ruamkit search`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from core.settings import Settings
from retrieval.answer import Answer
from retrieval.search import SearchHit


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `ask` and `search`."""
    ask = commands.add_parser("ask", help="answer a question from the lecture, with citations")
    ask.add_argument("question", nargs="?", help="the question (omit with --jsonl)")
    ask.add_argument("--lang", choices=["th", "en"], help="reply language (default: detect)")
    _output_flags(ask)
    ask.set_defaults(handler=run_ask)
    search = commands.add_parser("search", help="ranked passages for a query")
    search.add_argument("question", nargs="?", help="the query (omit with --jsonl)")
    search.add_argument("--k", type=int, default=5, help="how many passages (default 5)")
    _output_flags(search)
    search.set_defaults(handler=run_search)


def _output_flags(parser: argparse.ArgumentParser) -> None:
    """--json for one object, --jsonl for a stream of {id, question} lines on stdin."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="print the JSON object")
    group.add_argument("--jsonl", action="store_true", help="read {id, question} lines on stdin")


def _requests(args: argparse.Namespace, stdin: TextIO) -> Iterator[tuple[Any, str]]:
    """(id, question) pairs from stdin lines; bad lines are reported, not fatal."""
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            yield row.get("id"), str(row["question"])
        except (ValueError, KeyError, AttributeError):
            print(f'ruamkit: line {number}: expected {{"id", "question"}}', file=sys.stderr)


def _need_question(args: argparse.Namespace) -> str:
    """The positional question, or a usage error."""
    if not args.question or not args.question.strip():
        raise SystemExit("ruamkit: give a question, or use --jsonl with lines on stdin")
    return str(args.question)


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question, or every line of a JSONL stream with the model loaded once."""
    from bot.services import build_qa

    answerer = build_qa(settings).answerer
    if args.jsonl:
        for request_id, question in _requests(args, sys.stdin):
            payload = {"id": request_id, **answerer.ask(question, args.lang).to_dict()}
            _emit(payload)
        return 0
    answer = answerer.ask(_need_question(args), args.lang)
    if args.json:
        _emit(answer.to_dict())
    else:
        print(render_answer(answer))
    return 0


def run_search(args: argparse.Namespace, settings: Settings) -> int:
    """Ranked passages for one query, or for every line of a JSONL stream."""
    from bot.services import build_qa

    answerer = build_qa(settings).answerer
    if args.jsonl:
        for request_id, question in _requests(args, sys.stdin):
            hits = answerer.search(question, args.k)
            _emit({"id": request_id, "results": [hit_to_dict(h) for h in hits]})
        return 0
    hits = answerer.search(_need_question(args), args.k)
    if args.json:
        _emit([hit_to_dict(h) for h in hits])
    else:
        for rank, hit in enumerate(hits, start=1):
            print(f"{rank}. [{hit.passage.label()}] {hit.passage.doc}  score={hit.score:.3f}")
            print(f"   {hit.passage.text[:200]}")
    return 0


def hit_to_dict(hit: SearchHit) -> dict[str, Any]:
    """The JSON contract of a search result."""
    p = hit.passage
    return {
        "doc": p.doc,
        "title": p.title,
        "unit": p.unit,
        "number": p.number,
        "label": p.label(),
        "text": p.text,
        "score": round(hit.score, 6),
    }


def render_answer(answer: Answer) -> str:
    """Plain-text answer with a sources list for the terminal."""
    lines = [answer.answer]
    if answer.citations:
        lines.append("")
        lines.append("แหล่งอ้างอิง:" if answer.lang == "th" else "Sources:")
        for c in answer.citations:
            lines.append(f"  [{c.label}] {c.title} ({c.doc})")
    return "\n".join(lines)


def _emit(payload: Any) -> None:
    """One JSON document per line, UTF-8, Thai unescaped."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    sys.stdout.flush()
