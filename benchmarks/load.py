"""`make bench-load`: many officials at once against the real bot, one and two workers.

For each database (SQLite, PostgreSQL) and worker count (1: one `ruamkit run` webhook
process; 2: `ruamkit run --workers 2`), the bot runs as real processes against the Bot API
sandbox, which runs here with K simulated officials (benchmarks.load_users) asking
questions, taking quizzes and doing the checklist at once for `--duration` seconds.
Reported: handled updates per second, questions answered per second, latency from a
user's action to the bot's reply (p50/p95/p99), errors, and the bot processes' memory
(RSS) over time; `--soak S` adds one long run for memory growth. The section between the
bench-load markers of docs/benchmarks.md is replaced; the rest of the file is kept.
Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.load_report import render_section, write_section
from benchmarks.load_users import Official, Tally, lecture_questions
from bot.sandbox import BotApiSandbox
from core.settings import Settings

ENTRY = "import sys; from bot.cli import main; raise SystemExit(main(sys.argv[1:]))"
SECRET = "bench_load_secret"
READY_TIMEOUT_S = 900.0
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
MIX = "question=6,quiz=3,checklist=1"
USER_BASE = 500_000
PYTHAINLP_DATA = Path("var/pythainlp").resolve()  # where `make run` keeps PyThaiNLP's data


@dataclass(frozen=True)
class RunSpec:
    """One measured run."""

    database: str  # "sqlite" or "postgres"
    workers: int
    users: int
    duration_s: float
    soak: bool = False
    mix: str | None = None  # None: the bench's --mix
    # Open loop: questions arrive at this rate (Poisson), whoever is free asks; 0: closed loop
    rate: float = 0.0
    # Seconds of the same load, unmeasured, before the run: a soak measures a steady state
    warmup_s: float = 0.0


@dataclass
class RunResult:
    """What one run measured."""

    spec: RunSpec
    seconds: float
    updates: int
    sessions: dict[str, int]
    latencies: dict[str, dict[str, float]]
    errors: list[str]
    rss_mb: list[tuple[float, float]] = field(default_factory=list)
    rss_before_warmup_mb: float | None = None  # at the start of the unmeasured warm-up

    @property
    def updates_per_s(self) -> float:
        """Updates the bot received and handled per second."""
        return self.updates / self.seconds if self.seconds else 0.0

    @property
    def questions_per_s(self) -> float:
        """Questions answered per second."""
        return self.latencies.get("question", {}).get("count", 0) / self.seconds

    @property
    def rss_growth(self) -> float | None:
        """Growth of the bot's memory from the first sample after warm-up to the last.

        After an unmeasured warm-up at the run's load that is the first sample; otherwise the
        sample a tenth into the run (the first tenth is the warm-up).
        """
        if len(self.rss_mb) < 2:
            return None
        first = 0 if self.spec.warmup_s else max(1, len(self.rss_mb) // 10)
        settled = self.rss_mb[min(len(self.rss_mb) - 1, first)][1]
        return (self.rss_mb[-1][1] - settled) / settled if settled else None


def parse_mix(text: str) -> dict[str, int]:
    """`question=6,quiz=3,checklist=1`: the weight of each kind of session."""
    mix = {}
    for part in text.split(","):
        kind, _, weight = part.partition("=")
        if kind.strip() not in ("question", "quiz", "checklist") or not weight.strip().isdigit():
            raise SystemExit(f"--mix: {part!r} is not question|quiz|checklist=WEIGHT")
        mix[kind.strip()] = int(weight)
    if not any(mix.values()):
        raise SystemExit("--mix: at least one weight must be above 0")
    return mix


def percentiles(values: Sequence[float]) -> dict[str, float]:
    """Count, p50, p95, p99 and max, in milliseconds."""
    if not values:
        return {"count": 0}
    ordered = sorted(values)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else []

    def at(p: int) -> float:
        return round(1000 * (cuts[p - 1] if cuts else ordered[0]), 1)

    return {
        "count": len(ordered),
        "p50": at(50),
        "p95": at(95),
        "p99": at(99),
        "max": round(1000 * ordered[-1], 1),
    }


def free_ports(count: int) -> int:
    """A port P on 127.0.0.1 such that P .. P+count-1 are all free right now."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            base = int(probe.getsockname()[1])
        if base + count < 65536 and all(_free(base + i) for i in range(1, count)):
            return base
    raise RuntimeError("no run of free ports")


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MiB (Linux /proc)."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(c) for c in (task / "children").read_text().split())
    return total / 1024


@contextlib.contextmanager
def database_url(kind: str, run_dir: Path, postgres: str) -> Any:
    """A fresh database for one run: a SQLite file, or a PostgreSQL schema dropped after."""
    if kind == "sqlite":
        yield f"sqlite:///{run_dir / 'bench.sqlite3'}"
        return
    from sqlalchemy import create_engine, text

    schema = f"bench_load_{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgres)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{postgres}?options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@dataclass
class Bench:
    """Shared inputs of every run."""

    data_dir: Path
    models_dir: Path
    postgres: str
    redis_url: str | None
    sample_s: float
    seed: int
    mix: dict[str, int] = field(default_factory=lambda: parse_mix(MIX))

    def bot_env(self, sandbox: BotApiSandbox, port: int, db_url: str) -> dict[str, str]:
        """The bot processes' environment (their cwd has no .env)."""
        env = {
            **os.environ,
            "RUAMKIT_DATA_DIR": str(self.data_dir),
            "RUAMKIT_MODELS_DIR": str(self.models_dir),
            "DATABASE_URL": db_url,
            "TELEGRAM_BOT_TOKEN": sandbox.token,
            "TELEGRAM_API_URL": sandbox.base_url,
            "WEBHOOK_URL": f"http://127.0.0.1:{port}/hook",
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
            "RATE_LIMIT_MESSAGES": "1000000",
            "LOG_LEVEL": "WARNING",
            "ADMIN_IDS": "",
            "PYTHAINLP_DATA": os.environ.get("PYTHAINLP_DATA", str(PYTHAINLP_DATA)),
        }
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        return env

    async def run(self, spec: RunSpec, run_dir: Path) -> RunResult:
        """Start the bot, let the officials loose for the duration, stop, and measure."""
        run_dir.mkdir(parents=True, exist_ok=True)
        token = f"{secrets.randbelow(9 * 10**8) + 10**8}:{secrets.token_urlsafe(27)}"
        async with BotApiSandbox(token) as sandbox, self._bot(sandbox, spec, run_dir) as pid:
            tally = Tally()
            rng = random.Random(self.seed)
            questions = lecture_questions()
            officials = [
                Official(
                    sandbox.user(USER_BASE + i, f"ข้าราชการ{i}"),
                    tally,
                    questions,
                    random.Random(rng.random()),
                )
                for i in range(spec.users)
            ]
            mix = parse_mix(spec.mix) if spec.mix else self.mix
            await self._warm_up(officials[0], mix)
            before_warmup = tree_rss_mb(pid) if spec.warmup_s else None
            if spec.warmup_s:
                await self._load(officials, spec, mix, rng, time.perf_counter() + spec.warmup_s)
            tally.latencies.clear()
            tally.sessions.clear()
            samples: list[tuple[float, float]] = []
            first_update = len(sandbox.updates)
            started = time.perf_counter()
            sampler = asyncio.create_task(self._sample(pid, started, samples))
            await self._load(officials, spec, mix, rng, started + spec.duration_s)
            seconds = time.perf_counter() - started
            sampler.cancel()
            samples.append((seconds, tree_rss_mb(pid)))
            updates = len(sandbox.updates) - first_update
        return RunResult(
            spec,
            seconds,
            updates,
            tally.sessions,
            {kind: percentiles(v) for kind, v in sorted(tally.latencies.items())},
            tally.errors,
            samples,
            before_warmup,
        )

    async def _load(
        self,
        officials: list[Official],
        spec: RunSpec,
        mix: dict[str, int],
        rng: random.Random,
        deadline: float,
    ) -> None:
        """The run's load until the deadline: open loop at its rate, else every official."""
        if spec.rate:
            await self._open_loop(officials, deadline, spec.rate, rng)
        else:
            await asyncio.gather(*(self._official(o, deadline, mix) for o in officials))

    async def _warm_up(self, official: Official, mix: dict[str, int]) -> None:
        """One session of each kind, unmeasured: first uses load code and fonts for good."""
        for kind in ("question", "quiz", "checklist"):
            if mix.get(kind):
                await getattr(official, "ask" if kind == "question" else kind)()

    async def _official(self, official: Official, deadline: float, mix: dict[str, int]) -> None:
        kinds, weights = list(mix), list(mix.values())
        while time.perf_counter() < deadline:
            kind = official.rng.choices(kinds, weights)[0]
            try:
                await getattr(official, "ask" if kind == "question" else kind)()
                official.tally.done(kind)
            except Exception as error:  # an error is a figure of the run, not its end
                official.tally.errors.append(f"{kind}: {error.__class__.__name__}: {error}"[:200])
                official.user.skip_existing()

    async def _open_loop(
        self, officials: list[Official], deadline: float, rate: float, rng: random.Random
    ) -> None:
        """Questions arrive at `rate` per second (Poisson); a free official asks each one.

        Unlike the closed loop, where every official asks again the moment a reply comes
        (so latency only grows with the number of users), this holds the offered load fixed
        and measures the latency an official meets at that load.
        """
        free: asyncio.Queue[Official] = asyncio.Queue()
        for official in officials:
            free.put_nowait(official)
        pending: set[asyncio.Task[None]] = set()
        arrival = time.perf_counter()
        while (arrival := arrival + rng.expovariate(rate)) < deadline:
            await asyncio.sleep(max(0.0, arrival - time.perf_counter()))
            official = await free.get()  # all busy: the arrival waits (the rate falls short)
            task = asyncio.create_task(self._one_question(official, free))
            pending.add(task)
            task.add_done_callback(pending.discard)
        await asyncio.gather(*pending)

    async def _one_question(self, official: Official, free: asyncio.Queue[Official]) -> None:
        try:
            await official.ask()
            official.tally.done("question")
        except Exception as error:  # an error is a figure of the run, not its end
            official.tally.errors.append(f"question: {error.__class__.__name__}: {error}"[:200])
            official.user.skip_existing()
        finally:
            free.put_nowait(official)

    async def _sample(self, pid: int, started: float, samples: list[tuple[float, float]]) -> None:
        while True:
            samples.append((time.perf_counter() - started, tree_rss_mb(pid)))
            await asyncio.sleep(self.sample_s)

    @contextlib.asynccontextmanager
    async def _bot(
        self, sandbox: BotApiSandbox, spec: RunSpec, run_dir: Path
    ) -> AsyncIterator[int]:
        """The bot's processes, until the block ends; yields the top process id."""
        port = free_ports(3)  # the front and up to two workers
        workers = ["--workers", str(spec.workers)] if spec.workers > 1 else []
        with (
            database_url(spec.database, run_dir, self.postgres) as db_url,
            (run_dir / "bot.log").open("w") as log,
        ):
            process = subprocess.Popen(
                [sys.executable, "-c", ENTRY, "run", *workers],
                cwd=run_dir,
                env=self.bot_env(sandbox, port, db_url),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
            try:
                await _wait_ready(sandbox, process)
                yield process.pid
            finally:
                process.send_signal(signal.SIGTERM)
                try:
                    await asyncio.to_thread(process.wait, 60)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


async def _wait_ready(sandbox: BotApiSandbox, process: subprocess.Popen[bytes]) -> None:
    """Wait until the bot (or the supervisor, once every worker listens) set its webhook."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + READY_TIMEOUT_S
    while not any(c.method == "setWebhook" and c.status == 200 for c in sandbox.calls):
        if process.poll() is not None:
            raise RuntimeError(f"the bot exited with status {process.returncode}; see bot.log")
        if loop.time() > deadline:
            raise RuntimeError("the bot did not start in time; see bot.log")
        await asyncio.sleep(0.5)


def prepare_index(data_dir: Path, models_dir: Path) -> None:
    """Build the lecture index once (the first question does it), outside the runs."""
    subprocess.run(
        [sys.executable, "-c", ENTRY, "ask", "การบริหารราชการแบบมีส่วนร่วมคืออะไร"],
        env=_index_env(data_dir, models_dir),
        cwd=data_dir.parent,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def machine_speed(data_dir: Path, models_dir: Path) -> dict[str, Any]:
    """benchmarks.machine_speed's figures, measured in a process of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.machine_speed"],
        env=_index_env(data_dir, models_dir),
        check=True,
        capture_output=True,
        text=True,
    )
    speed: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return speed


def _index_env(data_dir: Path, models_dir: Path) -> dict[str, str]:
    """The environment of a helper process that uses the bench's index and model."""
    env = {**os.environ, "RUAMKIT_DATA_DIR": str(data_dir), "RUAMKIT_MODELS_DIR": str(models_dir)}
    env.setdefault("PYTHAINLP_DATA", str(PYTHAINLP_DATA))
    return env


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "load_before": os.getloadavg()[0],
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    parser.add_argument("--users", type=int, default=50, help="simulated officials (K)")
    parser.add_argument("--duration", type=float, default=60, help="seconds per run")
    parser.add_argument("--databases", default="sqlite,postgres")
    parser.add_argument("--workers", default="1,2", help="worker counts to run")
    parser.add_argument("--soak", type=float, default=0, help="seconds of an extra soak run")
    parser.add_argument("--soak-config", default="postgres:2", help="DATABASE:WORKERS")
    parser.add_argument(
        "--soak-warmup",
        type=float,
        default=120,
        help="seconds of the soak's load run unmeasured first (pools, threads, caches fill)",
    )
    parser.add_argument(
        "--questions-only",
        default="",
        metavar="DATABASE:WORKERS",
        help="an extra run where every session is a question (the questions/s target)",
    )
    parser.add_argument(
        "--rate",
        action="append",
        default=[],
        metavar="DATABASE:WORKERS:QPS",
        help="an extra open-loop run: questions arrive at QPS per second (repeatable)",
    )
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES)
    parser.add_argument("--redis-url", default=None, help="REDIS_URL for the bot (optional)")
    parser.add_argument("--sample", type=float, default=5.0, help="seconds between RSS samples")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--mix", default=MIX, help=f"session weights (default {MIX})")
    parser.add_argument("--work-dir", type=Path, default=Path("var/bench-load"))
    parser.add_argument("--out", type=Path, default=None, help="docs/benchmarks.md to update")
    return parser.parse_args(argv)


def plan(args: argparse.Namespace) -> list[RunSpec]:
    """The runs the arguments ask for, soak last."""
    specs = [
        RunSpec(db, int(workers), args.users, args.duration)
        for db in args.databases.split(",")
        if db
        for workers in args.workers.split(",")
        if workers
    ]
    if args.questions_only:
        db, workers = args.questions_only.split(":")
        specs.append(RunSpec(db, int(workers), args.users, args.duration, mix="question=1"))
    for rate in args.rate:
        db, workers, qps = rate.split(":")
        specs.append(
            RunSpec(db, int(workers), args.users, args.duration, mix="question=1", rate=float(qps))
        )
    if args.soak:
        db, workers = args.soak_config.split(":")
        specs.append(
            RunSpec(db, int(workers), args.users, args.soak, soak=True, warmup_s=args.soak_warmup)
        )
    return specs


async def main_async(args: argparse.Namespace, argv: Sequence[str]) -> int:
    """Run every planned run, print each result, write the section."""
    work = args.work_dir.resolve()
    data_dir = work / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    models_dir = Settings().models_dir
    print(f"preparing the index in {data_dir} ...", flush=True)
    await asyncio.to_thread(prepare_index, data_dir, models_dir)
    bench = Bench(
        data_dir,
        models_dir,
        args.postgres_url,
        args.redis_url,
        args.sample,
        args.seed,
        parse_mix(args.mix),
    )
    info = machine() | machine_speed(data_dir, models_dir)
    date = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    results: list[RunResult] = []
    for number, spec in enumerate(plan(args)):
        print(f"run {number + 1}: {spec}", flush=True)
        result = await bench.run(spec, work / f"run-{number + 1}")
        results.append(result)
        print(json.dumps(_summary(result), ensure_ascii=False), flush=True)
    command = "python -m benchmarks.load " + " ".join(argv)
    (work / "results.json").write_text(
        json.dumps(
            {
                "command": command,
                "date": date,
                "machine": info,
                "runs": [_summary(r) | {"rss_mb": r.rss_mb} for r in results],
            },
            ensure_ascii=False,
            indent=1,
        ),
        encoding="utf-8",
    )
    if args.out is not None:
        write_section(args.out, render_section(results, command, date, info))
        print(f"wrote the bench-load section of {args.out}")
    return 0


def _summary(result: RunResult) -> dict[str, Any]:
    return {
        **asdict(result.spec),
        "seconds": round(result.seconds, 1),
        "updates_per_s": round(result.updates_per_s, 1),
        "questions_per_s": round(result.questions_per_s, 2),
        "sessions": result.sessions,
        "latency_ms": result.latencies,
        "errors": len(result.errors),
        "first_errors": result.errors[:5],
        "rss_growth": result.rss_growth,
        "rss_before_warmup_mb": result.rss_before_warmup_mb,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m benchmarks.load`."""
    argv = list(sys.argv[1:] if argv is None else argv)
    return asyncio.run(main_async(parse_args(argv), argv))


if __name__ == "__main__":
    raise SystemExit(main())
