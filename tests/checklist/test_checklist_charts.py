"""The radar chart: a real PNG, Thai labels drawn with the bundled font (no missing glyphs)."""

from __future__ import annotations

import io
import warnings

from PIL import Image

from checklist.charts import radar_chart_png
from checklist.scoring import score_assessment

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _render(*args, **kwargs) -> tuple[bytes, list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = radar_chart_png(*args, **kwargs)
    return png, [str(w.message) for w in caught]


def test_chart_is_a_valid_png_without_missing_thai_glyphs(checklist, answers):
    result = score_assessment(checklist, answers(c_open="yes", e_leader="partly", f_form="yes"))
    png, messages = _render(result, "th")
    assert png.startswith(PNG_MAGIC)
    image = Image.open(io.BytesIO(png))
    image.verify()
    assert image.size[0] > 300 and image.size[1] > 300
    assert not [m for m in messages if "missing from" in m.lower()], messages


def test_labels_follow_the_language(checklist, best_answers):
    result = score_assessment(checklist, best_answers)
    thai, _ = _render(result, "th")
    english, _ = _render(result, "en")
    assert thai != english


def test_chart_can_overlay_the_previous_run(checklist, answers, best_answers):
    previous = score_assessment(checklist, answers(c_open="no"))  # most sections without score
    current = score_assessment(checklist, best_answers)
    with_history, messages = _render(current, "th", previous=previous)
    alone, _ = _render(current, "th")
    assert with_history.startswith(PNG_MAGIC) and with_history != alone
    assert not [m for m in messages if "missing from" in m.lower()]
