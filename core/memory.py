"""Keep a long-running bot's memory flat: few malloc arenas, freed pages handed back.

glibc gives each thread that allocates its own arena (up to 8 per core); the bot's database
and model threads then hold freed memory in many half-empty heaps, and RSS creeps up over
hours although Python frees what it no longer uses. Elsewhere (musl, macOS) these are no-ops.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from functools import cache

log = logging.getLogger(__name__)

M_ARENA_MAX = -8  # mallopt parameter (glibc malloc.h)
ARENAS = 2


@cache
def _glibc() -> ctypes.CDLL | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return None
    has_both = hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim")
    return libc if has_both else None


def limit_arenas(count: int = ARENAS) -> bool:
    """Cap malloc arenas; call before threads start. True when glibc took it."""
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(M_ARENA_MAX, count) == 1)


def release_free_memory() -> bool:
    """Hand freed heap pages back to the system. True when some were released."""
    libc = _glibc()
    return bool(libc is not None and libc.malloc_trim(0) == 1)
