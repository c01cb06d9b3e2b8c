"""The trainer's results chart as PNG: score distribution and per-topic bars, Thai or English."""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING

from core.fonts import thai_font_path
from quizzes.analysis import AssignmentResults
from quizzes.importers.common import topic_label
from quizzes.questions import Text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

BAR_COLOUR = "#1f6f8b"
WEAK_COLOUR = "#c0392b"
PASS_COLOUR = "#7f8c8d"
BIN_EDGES = tuple(range(0, 101, 10))
TOPIC_LABEL_WIDTH = 42

LABELS = {
    "distribution": Text("การกระจายของคะแนน", "Score distribution"),
    "score": Text("คะแนน (%)", "Score (%)"),
    "members": Text("จำนวนผู้เรียน", "Learners"),
    "topics": Text("คะแนนเฉลี่ยรายหัวข้อ (จุดอ่อนอยู่บนสุด)", "Mean score by topic (weakest on top)"),
    "mean": Text("ร้อยละที่ตอบถูก", "Percent right"),
    "pass": Text("เกณฑ์ผ่าน", "Pass mark"),
    "none": Text("ยังไม่มีผู้ส่งคำตอบ", "No finished attempts yet"),
    "finished": Text("ส่งแล้ว", "finished"),
}


def results_chart_png(results: AssignmentResults, lang: str = "th") -> bytes:
    """The score histogram (with the pass mark) above per-topic mean scores, as PNG."""
    buffer = io.BytesIO()
    results_figure(results, lang).savefig(buffer, format="png")
    return buffer.getvalue()


def results_figure(results: AssignmentResults, lang: str = "th") -> Figure:
    """Draw the score histogram (with the pass mark) above per-topic mean scores."""
    # The Agg canvas on a bare Figure: no pyplot global state, safe in a threaded bot.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    family = register_thai_font()
    topic_rows = max(len(results.topics), 1)
    fig = Figure(figsize=(9, 4.5 + 0.5 * topic_rows), dpi=110)
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1, height_ratios=[1, max(0.6, 0.25 * topic_rows)])
    _histogram(top, results, lang, family)
    _topic_bars(bottom, results, lang, family)
    fig.suptitle(_title(results, lang), fontfamily=family, fontsize=13)
    fig.tight_layout()
    return fig


def register_thai_font() -> str:
    """Register the bundled Thai TTF with matplotlib (once) and return its family name."""
    from matplotlib import font_manager

    path = str(thai_font_path())
    manager = font_manager.fontManager
    if not any(entry.fname == path for entry in manager.ttflist):
        manager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


def _title(results: AssignmentResults, lang: str) -> str:
    info = results.assignment
    done = f"{len(results.finished)}/{len(results.members)} {LABELS['finished'].get(lang)}"
    return f"{info.title} · {info.cohort_name} · {done}"


def _histogram(ax: Axes, results: AssignmentResults, lang: str, family: str) -> None:
    from matplotlib.ticker import MaxNLocator

    scores = [m.percent for m in results.finished if m.percent is not None]
    counts = [0] * (len(BIN_EDGES) - 1)
    for score in scores:
        counts[min(score // 10, len(counts) - 1)] += 1
    centres = [edge + 5 for edge in BIN_EDGES[:-1]]
    ax.bar(centres, counts, width=9, color=BAR_COLOUR)
    pass_mark = results.assignment.pass_mark
    ax.axvline(pass_mark, color=PASS_COLOUR, linestyle="--", linewidth=1.5)
    ax.text(pass_mark + 1, max(counts, default=0) or 1, LABELS["pass"].get(lang),
            fontfamily=family, fontsize=9, color=PASS_COLOUR, va="top")  # fmt: skip
    ax.set_xlim(0, 100)
    ax.set_xticks(list(BIN_EDGES))
    ax.set_ylim(0, max(counts, default=0) + 1)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    _labels(ax, LABELS["distribution"], LABELS["score"], LABELS["members"], lang, family)
    if not scores:
        ax.text(50, 0.5, LABELS["none"].get(lang), ha="center", fontfamily=family, fontsize=12)


def _topic_bars(ax: Axes, results: AssignmentResults, lang: str, family: str) -> None:
    topics = [t for t in results.topics if t.mean_percent is not None]
    # barh draws the first row at the bottom; reverse so the weakest topic is on top.
    shown = list(reversed(topics))
    means = [t.mean_percent or 0.0 for t in shown]
    names = [_wrap(topic_label(t.topic, t.title).get(lang)) for t in shown]
    colours = [WEAK_COLOUR if m < results.assignment.pass_mark else BAR_COLOUR for m in means]
    ax.barh(range(len(shown)), means, color=colours)
    ax.set_yticks(range(len(shown)), names, fontfamily=family, fontsize=9)
    for row, mean in enumerate(means):
        ax.text(min(mean + 1, 92), row, f"{mean:.0f}%", va="center", fontsize=9)
    ax.set_xlim(0, 100)
    ax.axvline(results.assignment.pass_mark, color=PASS_COLOUR, linestyle="--", linewidth=1)
    _labels(ax, LABELS["topics"], LABELS["mean"], None, lang, family)


def _labels(
    ax: Axes, title: Text, x_label: Text, y_label: Text | None, lang: str, family: str
) -> None:
    ax.set_title(title.get(lang), fontfamily=family, fontsize=11)
    ax.set_xlabel(x_label.get(lang), fontfamily=family)
    if y_label is not None:
        ax.set_ylabel(y_label.get(lang), fontfamily=family)


def _wrap(label: str) -> str:
    """Wrap a topic title at spaces only: Thai words are not separated, so never cut inside."""
    return textwrap.fill(label, TOPIC_LABEL_WIDTH, break_long_words=False, break_on_hyphens=False)
