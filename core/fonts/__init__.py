"""A Thai font (TLWG Garuda, GPL with font exception) shipped for charts and PDF reports."""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent


def thai_font_path(bold: bool = False) -> Path:
    """Path of the bundled Thai TTF font (regular or bold)."""
    return FONT_DIR / ("Garuda-Bold.ttf" if bold else "Garuda.ttf")
