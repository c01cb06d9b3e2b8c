"""The /assign form as data (pure): the choices each step offers, and each step's screen.

The answers live in `TrainerDraft.data` as JSON: cohort_id, cohort_name, topic_ids,
topic_titles ([th, en] pairs), topic_counts, topics (chosen ids; empty means all), count,
pass_mark, opens_at and due_at (ISO, aware), tz (the zone times are shown and read in),
attempts, reveal, reminders (a preset index) and title.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot import keyboards_trainer as kb
from bot.handlers.trainer_common import format_time
from bot.handlers.trainer_state import Step
from bot.texts import Html, plain, t
from core.dates import DEFAULT_TIMEZONE
from quizzes.assignments import MAX_QUESTIONS, TITLE_MAX_CHARS
from quizzes.trainer_models import Reveal

COUNTS = (5, 10, 15, 20, 30)
PASS_MARKS = (50, 60, 70, 80, 100)
ATTEMPT_CHOICES = (1, 2, 3, 5)
HOUR, DAY = 3600, 86400
REMINDER_PRESETS: tuple[tuple[int, ...], ...] = ((DAY, HOUR), (2 * DAY, DAY, HOUR), (HOUR,), ())
OPEN_SHORTCUTS = {"now": timedelta(0), "1d": timedelta(days=1)}
DUE_SHORTCUTS = {"1d": timedelta(days=1), "3d": timedelta(days=3), "7d": timedelta(days=7)}
REVEALS = {"i": Reveal.IMMEDIATELY, "a": Reveal.AFTER_DUE}
STEP_NUMBERS = {
    Step.COHORT: 1, Step.TOPICS: 2, Step.COUNT: 3, Step.PASS_MARK: 4, Step.OPENS: 5,
    Step.DUE: 6, Step.ATTEMPTS: 7, Step.REVEAL: 8, Step.REMINDERS: 9,
}  # fmt: skip
STEP_COUNT = len(STEP_NUMBERS)
Data = dict[str, Any]


def pool_size(data: Data) -> int:
    """How many questions the chosen topics hold (all topics when none is chosen)."""
    ids, counts = data.get("topic_ids", []), data.get("topic_counts", [])
    chosen = set(data.get("topics", [])) or set(ids)
    return sum(count for topic, count in zip(ids, counts, strict=False) if topic in chosen)


def count_choices(pool: int) -> list[int]:
    """The standard counts below the pool, then the whole pool (up to the maximum)."""
    counts = [n for n in COUNTS if n < pool]
    if pool <= MAX_QUESTIONS:
        counts.append(pool)
    elif MAX_QUESTIONS not in counts:
        counts.append(MAX_QUESTIONS)
    return counts


def zone(data: Data) -> str:
    """The time zone the form shows and reads times in (the `TIMEZONE` setting at its start)."""
    return str(data.get("tz") or DEFAULT_TIMEZONE)


def moment(data: Data, key: str) -> datetime | None:
    """A stored time, or None."""
    value = data.get(key)
    return datetime.fromisoformat(value) if isinstance(value, str) else None


def reminder_offsets(data: Data) -> tuple[int, ...]:
    """The chosen reminder offsets in seconds."""
    index = data.get("reminders", 0)
    return REMINDER_PRESETS[index] if 0 <= index < len(REMINDER_PRESETS) else REMINDER_PRESETS[0]


def topic_titles(data: Data, lang: str) -> list[str]:
    """Titles of the chosen topics (empty when all topics are chosen)."""
    titles = dict(zip(data.get("topic_ids", []), data.get("topic_titles", []), strict=False))
    column = 1 if lang == "en" else 0
    return [titles[topic][column] for topic in data.get("topics", []) if topic in titles]


def suggested_title(data: Data, lang: str) -> str:
    """`Quiz: <topics> (<n> questions)`, cut to the title limit."""
    topics = ", ".join(topic_titles(data, lang)) or plain("tr.assign.all_topics", lang)
    title = plain("tr.assign.title_default", lang, topics=topics, count=data.get("count", 0))
    return title if len(title) <= TITLE_MAX_CHARS else title[: TITLE_MAX_CHARS - 1] + "…"


def header(step: Step, lang: str) -> Html:
    """`Assign a quiz · step n of 9`."""
    return t("tr.assign.header", lang, number=STEP_NUMBERS.get(step, STEP_COUNT), total=STEP_COUNT)


def screen(
    step: Step, data: Data, token: str, lang: str, cohorts: Sequence[tuple[int, str]] = ()
) -> tuple[Html, InlineKeyboardMarkup]:
    """The text and buttons of one step of the form."""
    body, rows = _STEP_SCREENS[step](data, token, lang, cohorts)
    rows = [*rows, [kb.button(plain("tr.button.cancel", lang), kb.form_data(token, "x", "x"))]]
    return Html(f"{header(step, lang)}\n{body}"), InlineKeyboardMarkup(rows)


Rows = list[list[InlineKeyboardButton]]


def _cohort(
    data: Data, token: str, lang: str, cohorts: Sequence[tuple[int, str]]
) -> tuple[Html, Rows]:
    rows = [[kb.button(name, kb.form_data(token, "c", cid))] for cid, name in cohorts]
    return t("tr.assign.cohort", lang), rows


def _topics(data: Data, token: str, lang: str, _c: Sequence[tuple[int, str]]) -> tuple[Html, Rows]:
    chosen, column = set(data.get("topics", [])), 1 if lang == "en" else 0
    rows = []
    for index, (topic, titles, count) in enumerate(
        zip(data["topic_ids"], data["topic_titles"], data["topic_counts"], strict=False)
    ):
        mark = "✅" if topic in chosen else "▫️"
        label = f"{mark} {titles[column]} ({count})"
        rows.append([kb.button(label, kb.form_data(token, "t", index))])
    all_mark = "✅" if not chosen else "▫️"
    rows.insert(
        0,
        [
            kb.button(
                f"{all_mark} {plain('tr.assign.all_topics', lang)}",
                kb.form_data(token, "t", "all"),
            )
        ],
    )
    rows.append([kb.button(plain("tr.button.next", lang), kb.form_data(token, "t", "ok"))])
    return t("tr.assign.topics", lang, cohort=data.get("cohort_name", "")), rows


def _count(data: Data, token: str, lang: str, _c: Sequence[tuple[int, str]]) -> tuple[Html, Rows]:
    pool = pool_size(data)
    buttons = [
        kb.button(plain("tr.assign.count_button", lang, count=n), kb.form_data(token, "n", n))
        for n in count_choices(pool)
    ]
    return t("tr.assign.count", lang, pool=pool), kb.rows_of(buttons, 3)


def _pass(data: Data, token: str, lang: str, _c: Sequence[tuple[int, str]]) -> tuple[Html, Rows]:
    buttons = [kb.button(f"{m}%", kb.form_data(token, "p", m)) for m in PASS_MARKS]
    return t("tr.assign.pass", lang), kb.rows_of(buttons, 5)


def _opens(data: Data, token: str, lang: str, _c: Sequence[tuple[int, str]]) -> tuple[Html, Rows]:
    buttons = [
        kb.button(plain(f"tr.assign.open_{key}", lang), kb.form_data(token, "o", key))
        for key in OPEN_SHORTCUTS
    ]
    return t("tr.assign.opens", lang), [buttons]


def _due(data: Data, token: str, lang: str, _c: Sequence[tuple[int, str]]) -> tuple[Html, Rows]:
    opens = moment(data, "opens_at")
    buttons = [
        kb.button(plain(f"tr.assign.due_{key}", lang), kb.form_data(token, "d", key))
        for key in DUE_SHORTCUTS
    ]
    shown = format_time(opens, lang, zone(data)) if opens else "-"
    return t("tr.assign.due", lang, opens=shown), [buttons]


def _attempts(
    data: Data, token: str, lang: str, _c: Sequence[tuple[int, str]]
) -> tuple[Html, Rows]:
    buttons = [kb.button(str(n), kb.form_data(token, "k", n)) for n in ATTEMPT_CHOICES]
    return t("tr.assign.attempts", lang), [buttons]


def _reveal(data: Data, token: str, lang: str, _c: Sequence[tuple[int, str]]) -> tuple[Html, Rows]:
    rows = [
        [kb.button(plain(f"tr.reveal.{reveal.value}", lang), kb.form_data(token, "v", code))]
        for code, reveal in REVEALS.items()
    ]
    return t("tr.assign.reveal", lang), rows


def _reminders(
    data: Data, token: str, lang: str, _c: Sequence[tuple[int, str]]
) -> tuple[Html, Rows]:
    rows = [
        [kb.button(reminder_label(preset, lang), kb.form_data(token, "m", index))]
        for index, preset in enumerate(REMINDER_PRESETS)
    ]
    return t("tr.assign.reminders", lang), rows


def _confirm(
    data: Data, token: str, lang: str, _c: Sequence[tuple[int, str]]
) -> tuple[Html, Rows]:
    rows = [
        [kb.button(plain("tr.button.assign", lang), kb.form_data(token, "ok", "go"))],
        [kb.button(plain("tr.button.rename", lang), kb.form_data(token, "ti", "ed"))],
    ]
    return summary(data, lang), rows


def _title(data: Data, token: str, lang: str, _c: Sequence[tuple[int, str]]) -> tuple[Html, Rows]:
    return t(
        "tr.assign.title_prompt", lang, title=data.get("title", ""), limit=TITLE_MAX_CHARS
    ), []


def summary(data: Data, lang: str) -> Html:
    """Every answer of the form, for the confirmation and the "assigned" message."""
    opens, due = moment(data, "opens_at"), moment(data, "due_at")
    reveal = REVEALS.get(str(data.get("reveal_code", "a")), Reveal.AFTER_DUE)
    return t(
        "tr.assign.summary", lang, title=data.get("title", ""), cohort=data.get("cohort_name", ""),
        topics=", ".join(topic_titles(data, lang)) or plain("tr.assign.all_topics", lang),
        count=data.get("count", 0), pass_mark=data.get("pass_mark", 0),
        opens=format_time(opens, lang, zone(data)) if opens else "-",
        due=format_time(due, lang, zone(data)) if due else "-",
        attempts=data.get("attempts", 1), reveal=plain(f"tr.reveal.{reveal.value}", lang),
        reminders=reminder_label(reminder_offsets(data), lang),
    )  # fmt: skip


def reminder_label(offsets: Sequence[int], lang: str) -> str:
    """`24 ชม. และ 1 ชม. ก่อนกำหนดส่ง`, or "no reminders"."""
    if not offsets:
        return plain("tr.reminders.none", lang)
    spans = [plain("tr.reminders.hours", lang, hours=s // HOUR) for s in offsets]
    return plain("tr.reminders.before", lang, spans=plain("tr.reminders.and", lang).join(spans))


_STEP_SCREENS = {
    Step.COHORT: _cohort, Step.TOPICS: _topics, Step.COUNT: _count, Step.PASS_MARK: _pass,
    Step.OPENS: _opens, Step.DUE: _due, Step.ATTEMPTS: _attempts, Step.REVEAL: _reveal,
    Step.REMINDERS: _reminders, Step.CONFIRM: _confirm, Step.TITLE: _title,
}  # fmt: skip
