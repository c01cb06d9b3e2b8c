"""What the checklist conversation shows: project lists, one item at a time, the last screen.

Pure rendering: HTML texts from `bot.texts` and the definition's labels, and inline
keyboards whose callback data carries ids only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.handlers import checklist_callbacks as cb
from bot.texts import Html, plain, t
from checklist.definition import RATING_VALUES, Checklist, Item
from checklist.results import Answer

BAR_CELLS = 10
NAME_IN_BUTTON = 40
CHOICES_PER_ROW = 2


@dataclass(frozen=True)
class ProjectRow:
    """One project in the list, with a short status."""

    project_id: int
    name: str
    status: str
    in_progress: bool


@dataclass(frozen=True)
class Step:
    """Where an item sits: its 1-based position and how many items there are."""

    position: int
    total: int


def button(label: str, data: str) -> InlineKeyboardButton:
    """An inline button with callback data."""
    return InlineKeyboardButton(label, callback_data=data)


def progress_bar(done: float, *, percent: bool = True) -> str:
    """A ten-cell bar for a share between 0 and 1, with the percentage unless told not to."""
    share = min(max(done, 0.0), 1.0)
    filled = round(share * BAR_CELLS)
    bar = "▰" * filled + "▱" * (BAR_CELLS - filled)
    return f"{bar} {share * 100:.0f}%" if percent else bar


def projects_view(
    rows: Sequence[ProjectRow], lang: str, item_count: int
) -> tuple[Html, InlineKeyboardMarkup]:
    """The person's projects (or an introduction when there are none) and a new-project button."""
    buttons = [
        [
            button(
                ("⏳ " if row.in_progress else "📁 ") + _short(row.name),
                cb.build("p", row.project_id),
            )
        ]
        for row in rows
    ]
    buttons.append([button(plain("cl.button.new", lang), cb.build("new"))])
    if not rows:
        return t("cl.projects.none", lang, count=item_count), InlineKeyboardMarkup(buttons)
    lines = [t("cl.project.line", lang, name=row.name, status=row.status) for row in rows]
    return t("cl.projects", lang, projects=Html("\n".join(lines))), InlineKeyboardMarkup(buttons)


def cancel_markup(lang: str) -> InlineKeyboardMarkup:
    """A single cancel button for a prompt that waits for text."""
    return InlineKeyboardMarkup([[button(plain("cl.button.cancel", lang), cb.build("cancel"))]])


def projects_markup(lang: str) -> InlineKeyboardMarkup:
    """A button back to the project list."""
    return InlineKeyboardMarkup([[button(plain("cl.button.projects", lang), cb.build("list"))]])


def answer_label(checklist: Checklist, item: Item, value: str, lang: str) -> str:
    """How an answer reads: the rating or choice label, or the typed text itself."""
    if item.kind == "rating" and value in checklist.answer_labels:
        return checklist.answer_labels[value].get(lang)
    if item.kind == "choice":
        labels = {choice.id: choice.label.get(lang) for choice in item.choices}
        return labels.get(value, value)
    return value


def item_view(
    checklist: Checklist,
    item: Item,
    step: Step,
    lang: str,
    assessment_id: int,
    answer: Answer | None = None,
) -> tuple[Html, InlineKeyboardMarkup]:
    """The question, its help, the progress and the buttons for answering it."""
    section = checklist.section_of(item.id)
    parts = [
        t(
            "cl.item",
            lang,
            position=step.position,
            total=step.total,
            section=section.id,
            title=section.title.get(lang),
            bar=progress_bar((step.position - 1) / step.total),
            question=item.question.get(lang),
            help=item.help.get(lang),
        )
    ]
    if answer is not None:
        parts.append(
            t("cl.item.current", lang, answer=answer_label(checklist, item, answer.value, lang))
        )
        if answer.evidence:
            parts.append(t("cl.item.evidence", lang, evidence=answer.evidence))
    if item.kind == "info":
        parts.append(t("cl.item.type", lang))
    rows = _answer_rows(checklist, item, lang, assessment_id, answer)
    rows += _moves(item.id, step, lang, assessment_id)
    return Html("\n\n".join(parts)), InlineKeyboardMarkup(rows)


def _answer_rows(
    checklist: Checklist, item: Item, lang: str, assessment_id: int, answer: Answer | None
) -> list[list[InlineKeyboardButton]]:
    """Rating or choice buttons, two to a row; the current answer ticked."""
    if item.kind == "rating":
        options = [(v, checklist.answer_labels[v].get(lang)) for v in RATING_VALUES]
    elif item.kind == "choice":
        options = [(c.id, c.label.get(lang)) for c in item.choices]
    else:
        return []
    chosen = answer.value if answer else None
    buttons = [
        button(
            ("✅ " if value == chosen else "") + label,
            cb.build("a", assessment_id, item.id, value),
        )
        for value, label in options
    ]
    return [buttons[i : i + CHOICES_PER_ROW] for i in range(0, len(buttons), CHOICES_PER_ROW)]


def _moves(
    item_id: str, step: Step, lang: str, assessment_id: int
) -> list[list[InlineKeyboardButton]]:
    """Back / skip, "what does this mean?" and pause."""
    moves = [button(plain("cl.button.skip", lang), cb.build("skip", assessment_id, item_id))]
    if step.position > 1:
        moves.insert(
            0, button(plain("cl.button.back", lang), cb.build("back", assessment_id, item_id))
        )
    return [
        moves,
        [button(plain("cl.button.why", lang), cb.build("why", assessment_id, item_id))],
        [button(plain("cl.button.pause", lang), cb.build("pause", assessment_id))],
    ]


def answered_view(
    checklist: Checklist, item: Item, step: Step, lang: str, assessment_id: int, value: str
) -> tuple[Html, InlineKeyboardMarkup | None]:
    """An answered item, shrunk to one line, with a button to add evidence to it."""
    text = t(
        "cl.item.answered",
        lang,
        position=step.position,
        total=step.total,
        question=item.question.get(lang),
        answer=answer_label(checklist, item, value, lang),
    )
    if item.kind == "info":
        return text, None
    evidence = button(plain("cl.button.evidence", lang), cb.build("ev", assessment_id, item.id))
    return text, InlineKeyboardMarkup([[evidence]])


def moved_view(item: Item, step: Step, lang: str, key: str) -> Html:
    """An item left by skipping ("cl.item.skipped") or stepping back ("cl.item.left")."""
    return t(key, lang, position=step.position, total=step.total, question=item.question.get(lang))


def end_view(
    lang: str, assessment_id: int, answered: int, gaps: int
) -> tuple[Html, InlineKeyboardMarkup]:
    """Every item visited: finish, or go back and change something."""
    rows = [
        [button(plain("cl.button.finish", lang), cb.build("fin", assessment_id))],
        [button(plain("cl.button.back", lang), cb.build("back", assessment_id, cb.END))],
        [button(plain("cl.button.pause", lang), cb.build("pause", assessment_id))],
    ]
    return t("cl.end", lang, answered=answered, gaps=gaps), InlineKeyboardMarkup(rows)


def project_card_markup(project_id: int, lang: str) -> InlineKeyboardMarkup:
    """A finished project: assess again, the latest report, or back to the list."""
    return InlineKeyboardMarkup(
        [
            [button(plain("cl.button.again", lang), cb.build("go", project_id))],
            [button(plain("cl.button.report", lang), cb.build("rep", project_id))],
            [button(plain("cl.button.projects", lang), cb.build("list"))],
        ]
    )


def _short(text: str) -> str:
    return text if len(text) <= NAME_IN_BUTTON else text[: NAME_IN_BUTTON - 1] + "…"
