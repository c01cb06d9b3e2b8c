"""A radar chart of section scores as PNG bytes, with Thai labels in the bundled font."""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING, cast

from checklist.definition import Text
from checklist.results import AssessmentResult
from core.fonts import thai_font_path

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.projections.polar import PolarAxes

CURRENT_COLOUR = "#1f6f8b"
PREVIOUS_COLOUR = "#9a9a9a"
NOTE = Text(
    th="คะแนน 0-100 ยิ่งสูงยิ่งดี (ข้อควรระวัง: สูง = พบปัญหาน้อย)",
    en="Scores 0-100, higher is better (pitfalls: high = few problems found)",
)
CURRENT_LABEL = Text(th="ครั้งนี้", en="This time")
PREVIOUS_LABEL = Text(th="ครั้งก่อน", en="Last time")


def radar_chart_png(
    result: AssessmentResult, lang: str = "th", previous: AssessmentResult | None = None
) -> bytes:
    """Draw the section scores (0-100) on a radar chart, with the previous run if given."""
    # The Agg canvas on a bare Figure: no pyplot global state, safe in a threaded bot.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

    family = _register_thai_font()
    fig = Figure(figsize=(6.4, 6.4), dpi=110)
    FigureCanvasAgg(fig)  # attaches itself to the figure
    ax = cast(PolarAxes, fig.add_subplot(polar=True))
    angles = [2 * math.pi * i / len(result.sections) for i in range(len(result.sections))]
    lines: dict[str, Line2D] = {}
    if previous is not None:
        scores = _scores(previous, result)
        lines[PREVIOUS_LABEL.get(lang)] = _plot(ax, angles, scores, PREVIOUS_COLOUR, "--")
    current = _plot(ax, angles, _scores(result, result), CURRENT_COLOUR, "-")
    lines[CURRENT_LABEL.get(lang)] = current
    labels = [_axis_label(s.title.get(lang), s.score) for s in result.sections]
    _style_axes(ax, angles, labels, family)
    _annotate(fig, ax, lang, family, lines if previous is not None else {})
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")  # tight: keep long axis labels
    return buffer.getvalue()


def _register_thai_font() -> str:
    """Register the bundled Thai TTF with matplotlib (once) and return its family name."""
    from matplotlib import font_manager

    path = str(thai_font_path())
    manager = font_manager.fontManager
    if not any(entry.fname == path for entry in manager.ttflist):
        manager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def _axis_label(title: str, score: float | None) -> str:
    return f"{title}\n{score:.0f}" if score is not None else f"{title}\n–"


def _scores(result: AssessmentResult, layout: AssessmentResult) -> list[float]:
    """Scores in the layout's section order; unknown sections are drawn at 0."""
    scores = []
    for section in layout.sections:
        own = result.section(section.section_id)
        scores.append(own.score if own and own.score is not None else 0.0)
    return scores


def _plot(
    ax: PolarAxes, angles: list[float], scores: list[float], colour: str, style: str
) -> Line2D:
    closed_angles, closed_scores = [*angles, angles[0]], [*scores, scores[0]]
    (line,) = ax.plot(closed_angles, closed_scores, color=colour, linestyle=style, linewidth=2)
    ax.fill(closed_angles, closed_scores, color=colour, alpha=0.2)
    return line


def _style_axes(ax: PolarAxes, angles: list[float], labels: list[str], family: str) -> None:
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_ylim(0, 100)
    ax.set_yticks([20, 40, 60, 80, 100])
    ax.set_yticklabels(["20", "40", "60", "80", "100"], fontsize=8, color="#666666")
    ax.set_xticks(angles)
    ax.set_xticklabels(labels, fontfamily=family, fontsize=12)
    ax.tick_params(axis="x", pad=22)


def _annotate(
    fig: Figure, ax: PolarAxes, lang: str, family: str, lines: dict[str, Line2D]
) -> None:
    fig.text(0.5, 0.01, NOTE.get(lang), ha="center", fontfamily=family, fontsize=9)
    if lines:
        ax.legend(
            list(lines.values()),
            list(lines.keys()),
            loc="lower right",
            bbox_to_anchor=(1.15, -0.12),
            prop={"family": family},
        )
