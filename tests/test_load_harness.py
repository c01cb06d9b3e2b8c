"""The load benchmark's harness: its figures, its section of docs/benchmarks.md, one tiny run.

Timing is what the benchmark reports; these tests never assert it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.load import Bench, RunResult, RunSpec, parse_args, percentiles, plan
from benchmarks.load_report import END, START, keep_section, render_section, write_section

MACHINE = {"cpu": "test CPU", "cores": 2, "system": "Linux", "python": "3.11", "load_before": 0.5}


def result(
    database: str = "sqlite",
    errors: list[str] | None = None,
    rate: float = 0.0,
    answered: int = 600,
    seconds_each: float = 0.1,
) -> RunResult:
    return RunResult(
        RunSpec(database, 2, 10, 60.0, mix="question=1" if rate else None, rate=rate),
        seconds=60.0,
        updates=1800,
        sessions={"question": answered},
        latencies={"question": percentiles([seconds_each] * answered)},
        errors=errors or [],
        rss_mb=[(0.0, 1000.0), (30.0, 1010.0), (60.0, 1020.0)],
    )


def test_percentiles_are_in_milliseconds_and_ordered():
    figures = percentiles([0.001 * n for n in range(1, 101)])
    assert figures["count"] == 100
    assert figures["p50"] <= figures["p95"] <= figures["p99"] <= figures["max"] == 100.0
    assert percentiles([]) == {"count": 0}


def test_the_section_replaces_only_its_own_markers(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nretrieval figures\n", encoding="utf-8")
    write_section(doc, "first")
    write_section(doc, render_section([result()], "python -m benchmarks.load", "today", MACHINE))
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\nretrieval figures\n")
    assert text.count(START) == 1 and text.count(END) == 1 and "first" not in text
    assert "| sqlite | 2 | 10 | 60 | 30.0 | 10.0 |" in text
    assert "python -m benchmarks.load" in text and "test CPU" in text
    doc.write_text(text + "\nlater section by the lead\n", encoding="utf-8")
    write_section(doc, "again")
    assert doc.read_text(encoding="utf-8").endswith(
        "again\n" + END + "\n\nlater section by the lead\n"
    )


def test_a_regenerated_file_can_keep_the_section(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Old\n\n{START}\nload figures\n{END}\n", encoding="utf-8")
    kept = keep_section(doc, "# New retrieval figures\n")
    assert kept == f"# New retrieval figures\n\n{START}\nload figures\n{END}\n"


def test_errors_are_shown_and_a_run_with_errors_misses_the_target():
    text = render_section([result(errors=["question: TimeoutError: no reply"])], "c", "d", MACHINE)
    assert "not met" in text and "question: TimeoutError: no reply" in text


def test_the_plan_runs_every_database_and_worker_count_then_the_soak():
    args = parse_args(["--users", "3", "--soak", "600", "--questions-only", "postgres:2"])
    runs = plan(args)
    assert [(r.database, r.workers, r.soak, r.mix) for r in runs] == [
        ("sqlite", 1, False, None), ("sqlite", 2, False, None), ("postgres", 1, False, None),
        ("postgres", 2, False, None), ("postgres", 2, False, "question=1"),
        ("postgres", 2, True, None),
    ]  # fmt: skip
    assert runs[-1].duration_s == 600
    assert runs[-1].warmup_s == 120 and not any(r.warmup_s for r in runs[:-1])
    assert plan(parse_args(["--soak", "60", "--soak-warmup", "30"]))[-1].warmup_s == 30


def test_a_soak_after_its_warm_up_grows_from_its_first_sample():
    rss = [(0.0, 1000.0), (60.0, 1040.0), (120.0, 1040.0), (600.0, 1060.0)]
    cold = RunResult(RunSpec("postgres", 1, 50, 600, soak=True), 600, 1, {}, {}, [], rss)
    warm = RunResult(
        RunSpec("postgres", 1, 50, 600, soak=True, warmup_s=120), 600, 1, {}, {}, [], rss, 900.0
    )
    assert cold.rss_growth == pytest.approx(20 / 1040)  # the first tenth was its warm-up
    assert warm.rss_growth == pytest.approx(60 / 1000)
    text = render_section([warm], "c", "d", MACHINE)
    assert "memory grew +6.0% (target ≤ 5%): not met" in text
    assert "120-s unmeasured warm-up at the same load: 900)" in text


def test_an_open_loop_run_is_planned_at_its_offered_rate():
    runs = plan(parse_args(["--databases", "", "--rate", "sqlite:1:32", "--rate", "postgres:2:5"]))
    assert [(r.database, r.workers, r.rate, r.mix) for r in runs] == [
        ("sqlite", 1, 32.0, "question=1"),
        ("postgres", 2, 5.0, "question=1"),
    ]


def test_the_target_is_judged_on_the_open_loop_run_when_there_is_one():
    fast_closed = result(answered=3000, seconds_each=2.0)  # 50 q/s, but 2 s each
    slow_open = result(rate=32, answered=1500, seconds_each=0.2)  # 25 q/s at 200 ms
    text = render_section([fast_closed, slow_open], "c", "d", MACHINE)
    assert "(open loop, 32 questions/s offered)" in text
    assert "on sqlite: not met (best run: 2 worker(s), 25.0 questions/s, p95 200 ms" in text
    good_open = result(rate=32, answered=1920, seconds_each=0.3)  # 32 q/s at 300 ms
    assert "on sqlite: met (best run: 2 worker(s), 32.0 questions/s, p95 300 ms" in (
        render_section([fast_closed, good_open], "c", "d", MACHINE)
    )


def test_each_database_gets_its_own_verdict():
    sqlite_open = result(rate=32, answered=1920, seconds_each=0.3)  # met
    postgres_open = result("postgres", rate=32, answered=1920, seconds_each=2.0)  # p95 2 s
    text = render_section([sqlite_open, postgres_open], "c", "d", MACHINE)
    assert "errors on sqlite: met (best run" in text
    assert "errors on postgres: not met (best run: 2 worker(s), 32.0 questions/s, p95 2000" in text


@pytest.mark.slow
async def test_an_open_loop_run_answers_what_arrives(
    tmp_path: Path, lecture_data_dir: Path, lecture_answerer, models_dir: Path
):
    bench = Bench(lecture_data_dir, models_dir, "", None, sample_s=1.0, seed=2)
    spec = RunSpec("sqlite", 1, users=3, duration_s=3.0, mix="question=1", rate=2.0, warmup_s=1)
    measured = await bench.run(spec, tmp_path / "run")
    assert measured.errors == []
    assert measured.rss_before_warmup_mb and measured.rss_before_warmup_mb > 0
    assert measured.sessions.get("question", 0) >= 1
    assert measured.latencies["question"]["count"] == measured.sessions["question"]


@pytest.mark.slow
async def test_a_tiny_run_answers_every_official_without_errors(
    tmp_path: Path, lecture_data_dir: Path, lecture_answerer, models_dir: Path
):
    bench = Bench(lecture_data_dir, models_dir, "", None, sample_s=1.0, seed=1)
    measured = await bench.run(RunSpec("sqlite", 1, users=2, duration_s=3.0), tmp_path / "run")
    assert measured.errors == []
    assert sum(measured.sessions.values()) >= 2 and measured.updates > 0
    assert measured.latencies and measured.rss_mb and measured.rss_mb[-1][1] > 0


def test_the_report_states_how_fast_the_machine_embeds_a_question():
    speed = {"model_ms_per_question": 35.6, "model_ceiling_qps": 28.1, "python_loop_s": 0.36}
    text = render_section([result()], "c", "d", MACHINE | speed)
    assert "35.6 ms per question" in text and "at most 28.1 questions/s" in text
    assert "machine_speed" not in render_section([result()], "c", "d", MACHINE)
