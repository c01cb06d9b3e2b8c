"""How fast this machine is for RuamKit's own work, so that load figures from machines compare.

Prints JSON: the embedding model's cost per question in batches of 16 on one thread (as the
serving model process runs on 2 cores), the number of questions per second that allows at
most (the model alone, with nothing else on its core), and a pure-Python reference loop.
Run as `python -m benchmarks.machine_speed` (a separate process, so the caller stays light).
"""

from __future__ import annotations

import json
import time

from benchmarks.load_users import lecture_questions
from bot.question_queue import MAX_BATCH
from core.settings import Settings
from retrieval.embeddings import load_embedder

QUESTIONS = 96
LOOP = 5_000_000


def python_loop_s() -> float:
    """Seconds for a plain Python loop of additions: the interpreter's speed here."""
    started = time.perf_counter()
    total = 0
    for number in range(LOOP):
        total += number
    return time.perf_counter() - started


def model_ms_per_question() -> float:
    """Milliseconds of one thread per lecture question, embedded in the bot's batches."""
    embedder = load_embedder(Settings(model_threads=1))
    questions = lecture_questions()[:QUESTIONS]
    batches = [questions[i : i + MAX_BATCH] for i in range(0, len(questions), MAX_BATCH)]
    embedder.embed_queries(batches[0])  # warm-up
    started = time.perf_counter()
    for batch in batches:
        embedder.embed_queries(batch)
    return (time.perf_counter() - started) * 1000 / len(questions)


def main() -> None:
    """Measure and print the figures as JSON."""
    model_ms = model_ms_per_question()
    print(
        json.dumps(
            {
                "model_ms_per_question": round(model_ms, 1),
                "model_ceiling_qps": round(1000 / model_ms, 1),
                "python_loop_s": round(python_loop_s(), 2),
            }
        )
    )


if __name__ == "__main__":
    main()
