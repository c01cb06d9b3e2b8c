"""Logging set-up shared by the CLI and the bot.

Three destinations, chosen by the caller: CLI commands log to stderr at WARNING (``-v``
INFO, ``-vv`` DEBUG); the bot on Telegram logs to stderr at LOG_LEVEL, as a service does;
the sandbox chat logs only to a rotated file under the data directory, because the
terminal is the chat and a library's INFO line between two messages reads as a message.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

NOISY_LOGGERS = (
    "httpx", "httpcore", "chromadb", "urllib3", "sentence_transformers", "apscheduler",
    "fontTools", "pypdf", "PIL", "aiohttp.access",
)  # fmt: skip
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE_BYTES = 1_000_000
LOG_FILE_BACKUPS = 3
_OURS = "_ruamkit_handler"


def level_for(verbosity: int, default: str = "WARNING") -> str:
    """The level asked for on the command line: ``-v`` INFO, ``-vv`` DEBUG, else `default`."""
    if verbosity >= 2:
        return "DEBUG"
    return "INFO" if verbosity == 1 else default.upper()


def log_file_path(data_dir: Path) -> Path:
    """Where the sandbox chat's log goes: ``logs/ruamkit.log`` in the data directory."""
    return data_dir / "logs" / "ruamkit.log"


def configure_logging(level: str = "WARNING", *, log_file: Path | None = None) -> None:
    """Send log records to stderr, or only to a rotated `log_file`; replaces an earlier call.

    Chatty libraries stay at WARNING unless DEBUG is asked for. With a file, Python
    warnings (``warnings.warn``) are logged there too, so nothing reaches the terminal.
    """
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(old)
        old.close()
    handler = _file_handler(log_file) if log_file else logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    setattr(handler, _OURS, True)
    root.addHandler(handler)
    root.setLevel(level.upper())
    noisy = logging.DEBUG if root.level <= logging.DEBUG else logging.WARNING
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(noisy)
    logging.captureWarnings(log_file is not None)


def _file_handler(path: Path) -> logging.Handler:
    """A size-rotated UTF-8 file handler, creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8"
    )
