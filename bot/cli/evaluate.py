"""`ruamkit eval`: hit@1/3/5, MRR, refusal accuracy and false refusals."""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path
from typing import Any

from core.settings import Settings
from knowledge import thai
from retrieval.evaluation import (
    LectureItem,
    Metrics,
    first_hit_rank,
    is_gold_unit,
    load_corpus_documents,
    load_corpus_queries,
    load_lecture_set,
    splits_of,
    unique_in_order,
)
from retrieval.hybrid import SearchConfig
from retrieval.qa import QuestionAnswerer

CORPUS_DEPTH = 60


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `eval`."""
    parser = commands.add_parser("eval", help="measure retrieval and refusal on an eval set")
    parser.add_argument("file", nargs="?", type=Path, help="lecture-style JSONL set")
    parser.add_argument("--corpus", type=Path, help="corpus JSONL ({id, title, text})")
    parser.add_argument("--queries", type=Path, help="queries JSONL ({qid, question, gold_ids})")
    parser.add_argument(
        "--method", choices=["zscore", "rrf", "dense", "lexical"], help="fusion method"
    )
    parser.add_argument(
        "--split",
        choices=["test", "train", "all"],
        help="one split of a set that declares splits (default: each split, test first)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(handler=run_eval)


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Run a lecture-style set against the live index, or a corpus/queries pair."""
    config = SearchConfig(method=args.method) if args.method else SearchConfig()
    if args.corpus and args.queries:
        summary = evaluate_corpus(settings, args.corpus, args.queries, config)
    elif args.file:
        summary = evaluate_lecture(settings, args.file, config, args.split)
    else:
        raise SystemExit("ruamkit eval: give FILE, or --corpus C --queries Q")
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        _print_summary(summary)
    return 0


def _answerer(settings: Settings, config: SearchConfig, root: Path | None = None) -> Any:
    """A question answerer over the default or an eval-specific index."""
    from bot.services import build_knowledge_base, build_qa

    kb = build_knowledge_base(settings, root)
    services = build_qa(settings, kb)
    return QuestionAnswerer(
        services.knowledge_base,
        search_config=config,
        cache_dir=settings.models_dir / "cache",
    )


def evaluate_lecture(
    settings: Settings, path: Path, config: SearchConfig, split: str | None = None
) -> dict[str, Any]:
    """Per split (test first), or for the whole set when it has none: see `score_lecture`."""
    answerer = _answerer(settings, config)
    splits = [split] if split and split != "all" else splits_of(path)
    if not splits:
        return score_lecture(answerer, load_lecture_set(path))
    return {name: score_lecture(answerer, load_lecture_set(path, name)) for name in splits}


def score_lecture(answerer: QuestionAnswerer, items: list[LectureItem]) -> dict[str, Any]:
    """Hit@k over gold units; refusal on unanswerable items; key content, citations, language."""
    metrics = Metrics()
    for item in items:
        assessment = answerer.assess(item.question, k=5)
        if not item.answerable:
            metrics.unanswerable += 1
            metrics.refused_unanswerable += int(not assessment.covered)
            continue
        hits = assessment.result.hits
        metrics.add_ranking(
            first_hit_rank(
                is_gold_unit(h.passage.number, h.passage.unit, h.passage.text, item) for h in hits
            )
        )
        metrics.refused_answerable += int(not assessment.covered)
        answer = answerer.respond(assessment, item.lang)
        first_line = answer.answer.split("\n", 1)[0]
        metrics.add_answer(item, answer.to_dict(), thai.detect_language(first_line))
    return metrics.summary()


def evaluate_corpus(
    settings: Settings, corpus: Path, queries: Path, config: SearchConfig
) -> dict[str, Any]:
    """Hit@k over documents: passages are mapped to their corpus ids, first occurrence wins."""
    digest = hashlib.sha256(corpus.read_bytes()).hexdigest()[:12]
    answerer = _answerer(settings, config, settings.data_dir / "eval" / digest)
    kb = answerer.knowledge_base
    kb.reload_documents(load_corpus_documents(corpus), source=str(corpus), actor="eval")
    index = kb.live()
    metrics = Metrics()
    for query in load_corpus_queries(queries):
        result = answerer.searcher.search(index, query.question, CORPUS_DEPTH)
        ranked = unique_in_order(h.passage.doc for h in result.hits)
        metrics.add_ranking(first_hit_rank(doc in query.gold_ids for doc in ranked))
    return metrics.summary()


def _print_summary(summary: dict[str, Any], indent: str = "") -> None:
    """Figures one per line; a per-split summary as one block per split."""
    for key, value in summary.items():
        if isinstance(value, dict):
            print(f"{indent}[{key}]")
            _print_summary(value, indent + "  ")
        else:
            print(f"{indent}{key:>28}: {value}")
