"""Bank statistics and the generated trainers' page."""

from __future__ import annotations

from pathlib import Path

from quizzes.bank import load_bank
from quizzes.questions import DEFAULT_DOC
from quizzes.stats import bank_stats, main, render_stats_markdown, write_stats_markdown

REPO_ROOT = Path(__file__).resolve().parents[2]


def _small_bank(write_bank, bank_entry):
    tf = bank_entry("t-2", kind="true_false", answer=True, difficulty="hard", slides=[4, 14])
    del tf["options"]
    write_bank([bank_entry("t-1"), tf], topic="alpha", name="a.yaml")
    folder = write_bank([bank_entry("u-1", difficulty="hard", slides=[14])], "beta", "b.yaml")
    return load_bank(folder)


def test_stats_count_by_topic_kind_difficulty_and_slide(write_bank, bank_entry):
    stats = bank_stats(_small_bank(write_bank, bank_entry))

    assert stats["total"] == 3
    assert stats["by_topic"] == {"alpha": 2, "beta": 1}
    assert stats["by_kind"]["mcq"] == 2 and stats["by_kind"]["true_false"] == 1
    assert stats["by_kind"]["ordering"] == 0
    assert stats["by_difficulty"] == {"easy": 1, "medium": 0, "hard": 2}
    assert stats["by_topic_difficulty"]["alpha"] == {"easy": 1, "medium": 0, "hard": 1}
    assert stats["by_slide"] == {DEFAULT_DOC: {4: 2, 14: 2}}


def test_markdown_lists_every_topic_with_its_counts(write_bank, bank_entry):
    page = render_stats_markdown(bank_stats(_small_bank(write_bank, bank_entry)))

    assert "**ทั้งหมด / Total: 3**" in page
    assert "| หัวข้อ / Topic | `alpha` | 1 | 0 | 1 | 2 |" in page
    assert "| ถูกหรือผิด / True or false | `true_false` | 1 |" in page
    assert "| 14 | 2 |" in page


def test_write_and_cli_produce_the_same_page(tmp_path, write_bank, bank_entry, capsys):
    bank = _small_bank(write_bank, bank_entry)
    written = write_stats_markdown(bank, tmp_path / "docs" / "qb.md")

    assert main(["--bank", str(tmp_path / "bank")]) == 0
    assert capsys.readouterr().out == written.read_text(encoding="utf-8")


def test_committed_trainer_page_matches_the_bank():
    committed = (REPO_ROOT / "docs" / "question-bank.md").read_text(encoding="utf-8")

    assert committed == render_stats_markdown(bank_stats(load_bank())), (
        "docs/question-bank.md is stale: run `python -m quizzes.stats --write "
        "docs/question-bank.md` (or `ruamkit quiz stats`)"
    )
