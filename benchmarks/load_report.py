"""The bench-load section of docs/benchmarks.md, written between its own markers."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from benchmarks.load import RunResult

START = "<!-- bench-load:start -->"
END = "<!-- bench-load:end -->"
TARGET_QPS = 30.0
TARGET_P95_MS = 500.0
TARGET_GROWTH = 0.05


def write_section(path: Path, section: str) -> None:
    """Replace the text between the markers (or append the section); keep the rest."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{START}\n{section.rstrip()}\n{END}"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = text.rstrip() + ("\n\n" if text else "") + block + "\n"
    path.write_text(text, encoding="utf-8")


def keep_section(path: Path, text: str) -> str:
    """`text` (a regenerated docs/benchmarks.md) with the bench-load section `path` holds.

    For writers of the rest of the file: `make bench` can keep this section with
    `out.write_text(keep_section(out, render(results)))`.
    """
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if START not in old or END not in old or START in text:
        return text
    block = START + old.split(START, 1)[1].split(END, 1)[0] + END
    return text.rstrip() + "\n\n" + block + "\n"


def render_section(
    results: Sequence[RunResult], command: str, date: str, machine: dict[str, Any]
) -> str:
    """Markdown: the command, the machine, a table of runs, memory over time, verdicts."""
    lines = [
        "## Load and soak (`make bench-load`)",
        "",
        f"Command: `{command}`  ",
        f"Date: {date}  ",
        f"Machine: {machine['cpu']}, {machine['cores']} cores, {machine['system']}, "
        f"Python {machine['python']}; load average before: {machine['load_before']:.2f}",
        "",
        *_speed_lines(machine),
        "Simulated officials in the Bot API sandbox (same machine) ask lecture questions, "
        "take 5-question quizzes and do the whole checklist at once; each waits for the "
        "bot's reply before the next step. Latency: from the user's action to the bot's "
        "reply (questions and commands: the next message; buttons: the callback answer; "
        "votes: the next poll or the score card). Memory: RSS of all bot processes; growth "
        "from the sample a tenth into the run (after one unmeasured session of each kind) "
        "to the last; a soak runs its own load unmeasured before it starts "
        "(`--soak-warmup`, 120 s: connection pools, threads and caches fill), and its growth "
        "counts from its start. "
        "Sessions still open at the deadline finish, so a run lasts longer "
        'than asked; rates divide by the real length. Closed-loop runs (no "offered") '
        "measure saturation: every official asks again the moment a reply comes, so "
        "latency there is the user count divided by the throughput. Open-loop runs hold the "
        "offered load fixed (questions arrive at random, Poisson, at the offered rate; a free "
        "official asks each) and measure the latency an official meets at that load.",
        "",
        "| database | workers | users | s | updates/s | questions/s | question p50/p95/p99 ms "
        "| all replies p95 ms | errors | RSS MiB start→end | growth |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines += [_row(result) for result in results]
    lines += ["", *_verdicts(results), ""]
    for result in results:
        if result.spec.soak or len(result.rss_mb) > 2:
            lines.append(_memory_line(result))
    errors = [e for r in results for e in r.errors[:3]]
    if errors:
        lines += ["", "First errors:", *[f"- {e}" for e in errors]]
    return "\n".join(lines)


def _row(result: RunResult) -> str:
    spec = result.spec
    question = result.latencies.get("question", {})
    q = "/".join(f"{question.get(p, 0):.0f}" for p in ("p50", "p95", "p99"))
    worst95 = max(
        (v.get("p95", 0) for k, v in result.latencies.items() if k != "results"), default=0
    )
    rss = f"{result.rss_mb[0][1]:.0f}→{result.rss_mb[-1][1]:.0f}" if result.rss_mb else "-"
    growth = f"{100 * result.rss_growth:+.1f}%" if result.rss_growth is not None else "-"
    kind = (
        " (soak)"
        if spec.soak
        else f" (open loop, {spec.rate:g} questions/s offered)"
        if spec.rate
        else " (questions only)"
        if spec.mix
        else ""
    )
    name = f"{spec.database}{kind}"
    return (
        f"| {name} | {spec.workers} | {spec.users} | {result.seconds:.0f} "
        f"| {result.updates_per_s:.1f} | {result.questions_per_s:.1f} | {q} | {worst95:.0f} "
        f"| {len(result.errors)} | {rss} | {growth} |"
    )


def _meets(result: RunResult) -> bool:
    p95 = result.latencies.get("question", {}).get("p95", float("inf"))
    return result.questions_per_s >= TARGET_QPS and p95 <= TARGET_P95_MS and not result.errors


def _speed_lines(machine: dict[str, Any]) -> list[str]:
    """How fast this machine embeds a question: the ceiling of any questions/s figure here."""
    if "model_ms_per_question" not in machine:
        return []
    return [
        f"Machine speed (`python -m benchmarks.machine_speed`): the embedding model takes "
        f"{machine['model_ms_per_question']} ms per question in batches of 16 on one thread "
        f"(the serving model process on 2 cores), so the model alone allows at most "
        f"{machine['model_ceiling_qps']} questions/s; a 5-million-step Python loop takes "
        f"{machine['python_loop_s']} s. Compare runs from different machines by these.",
        "",
    ]


def _verdicts(results: Sequence[RunResult]) -> list[str]:
    # Latency at a given rate is what an open-loop run measures; a closed loop's latency is
    # only its user count over its throughput, so closed runs count when no open run was made.
    # Each database gets its own verdict: a deployment runs on one of them.
    open_runs = [r for r in results if r.spec.rate]
    candidates = open_runs or list(results)
    lines = []
    for database in dict.fromkeys(r.spec.database for r in candidates):
        runs = [r for r in candidates if r.spec.database == database]
        best = max(runs, key=lambda r: (_meets(r), r.questions_per_s))
        p95 = best.latencies.get("question", {}).get("p95", float("inf"))
        lines.append(
            f"Target ≥ {TARGET_QPS:.0f} questions/s with p95 ≤ {TARGET_P95_MS:.0f} ms and no "
            f"errors on {database}: {'met' if _meets(best) else 'not met'} (best run: "
            f"{best.spec.workers} worker(s), {best.questions_per_s:.1f} questions/s, "
            f"p95 {p95:.0f} ms, {len(best.errors)} errors)."
        )
    soaks = [r for r in results if r.spec.soak and r.rss_growth is not None]
    for soak in soaks:
        assert soak.rss_growth is not None
        ok = soak.rss_growth <= TARGET_GROWTH
        lines.append(
            f"Soak ({soak.seconds:.0f} s): memory grew {100 * soak.rss_growth:+.1f}% "
            f"(target ≤ {100 * TARGET_GROWTH:.0f}%): {'met' if ok else 'not met'}."
        )
    return lines


def _memory_line(result: RunResult) -> str:
    step = max(1, len(result.rss_mb) // 12)
    points = ", ".join(f"{t:.0f}s {mb:.0f}" for t, mb in result.rss_mb[::step])
    spec = result.spec
    line = f"- RSS MiB over time, {spec.database} / {spec.workers} worker(s): {points}"
    if result.rss_before_warmup_mb is not None:
        line += (
            f" (before its {spec.warmup_s:.0f}-s unmeasured warm-up at the same load: "
            f"{result.rss_before_warmup_mb:.0f})"
        )
    return line
