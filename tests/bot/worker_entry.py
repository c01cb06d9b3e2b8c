"""A `--workers` worker for tests: the real worker path, without the embedding model.

The supervisor under test starts `python -m tests.bot.worker_entry` instead of
`ruamkit run --worker`; the quiz and the checklist never ask the question answerer.
"""

from __future__ import annotations

import asyncio

from bot.cli.run import serve_telegram, until_stopped
from core.logging import configure_logging
from core.settings import Settings
from tests.bot.quiz_support import RefusingAnswerer


def main() -> int:
    """Serve as one webhook worker until SIGTERM."""
    configure_logging("WARNING")
    settings = Settings()
    return asyncio.run(until_stopped(serve_telegram(settings, RefusingAnswerer(), worker=True)))


if __name__ == "__main__":
    raise SystemExit(main())
