"""A process-wide cache of shaped text widths for fpdf2, the bulk of a report's render time.

fpdf2 breaks lines by re-measuring the whole line after every character it adds, and with
text shaping on (needed for Thai marks) each measurement is a HarfBuzz call: about 25,000 of
them for one checklist report, 1-2 s of CPU on a small server. Every report repeats the same
questions, labels and headings, so the widths of one report serve the next. The width is a
pure function of the font file, the text, the size and the shaping settings, so a cached
width is exactly the width fpdf2 would have measured.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fpdf import FPDF

MAX_WIDTHS = 50_000  # about 15 MB at worst; one report in one language fills about 10,000

_widths: OrderedDict[tuple[Any, ...], tuple[int, float]] = OrderedDict()
_lock = threading.Lock()


def cache_text_widths(pdf: FPDF) -> None:
    """Make the PDF's TrueType fonts reuse widths measured by earlier reports."""
    from fpdf.fonts import TTFFont

    cached = _cached_font_class()
    for font in pdf.fonts.values():
        if type(font) is TTFFont:  # not core fonts, not one already cached
            font.__class__ = cached  # same slots, one method more


def cached_widths() -> int:
    """How many widths the cache holds."""
    return len(_widths)


def _shaping_key(params: dict[str, Any] | None) -> tuple[Any, ...] | None:
    """What of fpdf2's shaping settings HarfBuzz reads (see TTFFont.perform_harfbuzz_shaping)."""
    if not params:
        return None
    features = params.get("features")
    return (
        tuple(features.items()) if features else None,
        params.get("fragment_direction"),
        params.get("script"),
        params.get("language"),
    )


def _remember(key: tuple[Any, ...], width: tuple[int, float]) -> None:
    with _lock:
        _widths[key] = width
        if len(_widths) > MAX_WIDTHS:
            _widths.popitem(last=False)


@functools.cache
def _cached_font_class() -> type:
    """A TTFFont subclass whose get_text_width looks in the cache first (built on first use)."""
    from fpdf.fonts import TTFFont

    class CachedWidthTTFFont(TTFFont):
        __slots__ = ()

        def get_text_width(
            self, text: str, font_size_pt: float, text_shaping_params: Any
        ) -> tuple[int, float]:
            key = (
                self.ttffile,
                self.fontkey,
                text,
                font_size_pt,
                _shaping_key(text_shaping_params),
            )
            found = _widths.get(key)
            if found is None:
                found = super().get_text_width(text, font_size_pt, text_shaping_params)
                _remember(key, found)
            elif font_size_pt > self.biggest_size_pt:  # what the uncached call records
                self.biggest_size_pt = font_size_pt
            return found

    return CachedWidthTTFFont
