"""The bot hands freed memory back (glibc): a large freed block leaves RSS lower after a trim."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from core import memory


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_freed_small_objects_go_back_to_the_system_after_a_trim():
    if memory._glibc() is None:
        pytest.skip("not glibc")
    # Many small objects (below the mmap threshold) live in the heap; freed, glibc keeps them.
    blocks = [bytearray(4000) for _ in range(50_000)]  # ~200 MB of heap
    keep = blocks[-1]  # one block at the top of the heap, so only a trim can return the rest
    del blocks
    before = _rss_kb()
    assert memory.release_free_memory() is True
    assert _rss_kb() < before - 50_000  # at least ~50 MB handed back
    assert len(keep) == 4000


def test_limiting_arenas_is_harmless_to_call_twice():
    first = memory.limit_arenas()
    assert memory.limit_arenas() == first
