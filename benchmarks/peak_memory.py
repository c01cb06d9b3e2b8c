"""A process's own peak memory, for benchmarks that start fresh processes (stdlib only)."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_rss_kb() -> int:
    """Peak RSS of the calling process in KiB.

    Linux keeps `ru_maxrss` across exec, so a child started from a large parent (the bench
    holds the model and every index) reports the parent's size; `VmHWM` is the peak of the
    process's own memory since its exec.
    """
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
