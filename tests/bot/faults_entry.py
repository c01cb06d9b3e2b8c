"""`ruamkit run` in polling mode for the kill tests: the real path, without the embedding model."""

from __future__ import annotations

import asyncio

from bot.cli.run import serve_telegram, until_stopped
from core.logging import configure_logging
from core.settings import Settings
from tests.bot.quiz_support import RefusingAnswerer


def main() -> int:
    """Poll the Bot API until SIGTERM (or until killed)."""
    configure_logging("WARNING")
    return asyncio.run(until_stopped(serve_telegram(Settings(), RefusingAnswerer())))


if __name__ == "__main__":
    raise SystemExit(main())
