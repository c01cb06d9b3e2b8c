"""Logging set-up shared by the CLI and the bot."""

from __future__ import annotations

import logging

NOISY_LOGGERS = (
    "httpx", "httpcore", "chromadb", "urllib3", "sentence_transformers", "apscheduler",
)  # fmt: skip


def configure_logging(level: str = "INFO") -> None:
    """Log to stderr with timestamps; keep chatty libraries at WARNING."""
    logging.basicConfig(
        level=level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
