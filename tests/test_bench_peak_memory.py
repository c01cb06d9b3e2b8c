"""`make bench` reports a fresh process's own peak memory, not its parent's."""

from __future__ import annotations

import os

from benchmarks.run import child_peak


def test_a_small_child_of_a_large_parent_reports_its_own_peak():
    ballast = bytearray(600 * 1024 * 1024)  # the bench holds the model and every index
    ballast[::4096] = b"x" * len(ballast[::4096])  # touch every page
    measured = child_peak("import sys", [], dict(os.environ))
    assert 0 < measured["peak_mb"] < 200, measured
    del ballast


def test_a_child_that_grows_reports_its_growth():
    code = (
        "import sys\nblock = bytearray(300 * 1024 * 1024)\n"
        "block[::4096] = b'x' * len(block[::4096])"
    )
    assert child_peak(code, [], dict(os.environ))["peak_mb"] > 300
