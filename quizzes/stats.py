"""Counts over the question bank, and the Markdown page for trainers (docs/question-bank.md)."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import TypedDict

from quizzes.bank import load_bank
from quizzes.questions import (
    DIFFICULTIES,
    DIFFICULTY_LABELS,
    KIND_LABELS,
    KINDS,
    QuestionBank,
)

STATS_DOC = Path("docs") / "question-bank.md"


class BankStats(TypedDict):
    """Question counts by topic, kind, difficulty and cited slide."""

    total: int
    topics: dict[str, dict[str, str]]
    by_topic: dict[str, int]
    by_kind: dict[str, int]
    by_difficulty: dict[str, int]
    by_topic_difficulty: dict[str, dict[str, int]]
    by_slide: dict[str, dict[int, int]]


def bank_stats(bank: QuestionBank) -> BankStats:
    """Count the bank's questions every way a trainer asks about."""
    topic_ids = list(dict.fromkeys([*bank.topic_ids(), *(q.topic for q in bank)]))
    per_topic = {t: Counter(q.difficulty for q in bank.by_topic(t)) for t in topic_ids}
    slides: dict[str, Counter[int]] = {}
    for question in bank:
        for doc in dict.fromkeys(ref.doc for ref in question.sources):
            slides.setdefault(doc, Counter()).update({s for d, s in question.sources if d == doc})
    kinds = Counter(q.kind for q in bank)
    difficulties = Counter(q.difficulty for q in bank)
    return BankStats(
        total=len(bank),
        topics={t: {"th": bank.topic_title(t, "th"), "en": bank.topic_title(t, "en")}
                for t in topic_ids},
        by_topic={t: sum(per_topic[t].values()) for t in topic_ids},
        by_kind={k: kinds.get(k, 0) for k in KINDS},
        by_difficulty={d: difficulties.get(d, 0) for d in DIFFICULTIES},
        by_topic_difficulty={t: {d: per_topic[t].get(d, 0) for d in DIFFICULTIES}
                             for t in topic_ids},
        by_slide={doc: dict(sorted(counts.items())) for doc, counts in sorted(slides.items())},
    )  # fmt: skip


def render_stats_markdown(stats: BankStats) -> str:
    """The trainers' page: totals, then tables by topic, kind, difficulty and slide."""
    lines = [
        "# คลังข้อสอบ / Question bank",
        "",
        "Generated from `quizzes/bank/*.yaml` by `ruamkit quiz stats`; do not edit by hand.",
        "สร้างจากไฟล์ `quizzes/bank/*.yaml` ด้วยคำสั่ง `ruamkit quiz stats` โปรดอย่าแก้ไขด้วยมือ",
        "",
        f"**ทั้งหมด / Total: {stats['total']}**",
        "",
        *_topic_table(stats),
        *_kind_table(stats),
        *_difficulty_table(stats),
        *_slide_tables(stats),
    ]
    return "\n".join(lines).rstrip() + "\n"


def write_stats_markdown(bank: QuestionBank, path: Path = STATS_DOC) -> Path:
    """Write the trainers' page for `bank` to `path` and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_stats_markdown(bank_stats(bank)), encoding="utf-8")
    return path


def _topic_table(stats: BankStats) -> list[str]:
    header = " | ".join(DIFFICULTY_LABELS[d].th + " / " + d for d in DIFFICULTIES)
    lines = [
        "## ตามหัวข้อ / By topic",
        "",
        f"| หัวข้อ / Topic | id | {header} | รวม / Total |",
        "|---|---|" + "---:|" * (len(DIFFICULTIES) + 1),
    ]
    for topic, count in stats["by_topic"].items():
        title = stats["topics"][topic]
        cells = " | ".join(str(n) for n in stats["by_topic_difficulty"][topic].values())
        lines.append(f"| {title['th']} / {title['en']} | `{topic}` | {cells} | {count} |")
    return [*lines, ""]


def _kind_table(stats: BankStats) -> list[str]:
    lines = ["## ตามประเภท / By kind", "", "| ประเภท / Kind | id | จำนวน / Count |"]
    lines.append("|---|---|---:|")
    for kind, count in stats["by_kind"].items():
        label = KIND_LABELS[kind]
        lines.append(f"| {label.th} / {label.en} | `{kind}` | {count} |")
    return [*lines, ""]


def _difficulty_table(stats: BankStats) -> list[str]:
    lines = ["## ตามระดับความยาก / By difficulty", "", "| ระดับ / Difficulty | จำนวน / Count |"]
    lines.append("|---|---:|")
    for difficulty, count in stats["by_difficulty"].items():
        label = DIFFICULTY_LABELS[difficulty]
        lines.append(f"| {label.th} / {label.en} | {count} |")
    return [*lines, ""]


def _slide_tables(stats: BankStats) -> list[str]:
    lines = ["## สไลด์ที่อ้างอิง / Slides cited", ""]
    for doc, counts in stats["by_slide"].items():
        lines += [f"`{doc}`", "", "| สไลด์ / Slide | จำนวนข้อ / Questions |", "|---:|---:|"]
        lines += [f"| {slide} | {count} |" for slide, count in counts.items()]
        lines.append("")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the counts, or write the trainers' page with --write (python -m quizzes.stats)."""
    parser = argparse.ArgumentParser(description="Question bank statistics")
    parser.add_argument("--bank", type=Path, default=None, help="bank folder or file")
    parser.add_argument("--write", type=Path, default=None, help="write Markdown here")
    args = parser.parse_args(argv)
    bank = load_bank(args.bank)
    if args.write:
        print(f"wrote {write_stats_markdown(bank, args.write)}")
    else:
        print(render_stats_markdown(bank_stats(bank)), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
