"""`python -m bot`: the same as `ruamkit run` (arguments are passed on)."""

from __future__ import annotations

import sys

from bot.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["run", *sys.argv[1:]]))
