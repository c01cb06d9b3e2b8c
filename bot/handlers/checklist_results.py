"""The results in the chat: scores, level check, next actions, comparison, chart and report."""

from __future__ import annotations

import contextlib

from telegram.constants import ChatAction
from telegram.error import TelegramError

from bot.context import BotContext
from bot.handlers.checklist_report import (
    ReportData,
    comparison,
    render_report,
    report_actions,
)
from bot.handlers.checklist_views import answer_label, progress_bar, projects_markup
from bot.handlers.common import send_html
from bot.texts import Html, plain, t
from checklist.actions import Action
from checklist.definition import Checklist
from checklist.history import Comparison, ItemChange
from checklist.report_blocks import PROVISIONAL_BELOW, format_score
from checklist.results import AssessmentResult
from core.errors import ValidationError

MARKS = {"improved": "⬆️", "declined": "⬇️", "same": "➖", "unknown": "•"}


def summary_html(checklist: Checklist, data: ReportData, lang: str) -> Html:
    """Overall score and maturity, the level check, and the section scores."""
    result = data.result
    parts: list[str] = [
        t("cl.result.heading", lang, name=data.project_name),
        _overall(result, lang),
    ]
    parts.append(_level(checklist, result, lang))
    lines: list[str] = [t("cl.result.sections", lang)]
    for section in result.sections:
        bar = (
            progress_bar(section.score / 100, percent=False) if section.score is not None else "–"
        )
        score = format_score(section.score, lang)
        title = section.title.get(lang)
        lines.append(
            t(
                "cl.result.section",
                lang,
                bar=bar,
                score=score,
                section=section.section_id,
                title=title,
            )
        )
    parts.append("\n".join(lines))
    return Html("\n\n".join(parts))


def _overall(result: AssessmentResult, lang: str) -> Html:
    if result.overall is None or result.maturity is None:
        lines = [t("cl.result.no_overall", lang)]
    else:
        band = result.maturity
        lines = [
            t(
                "cl.result.overall",
                lang,
                score=format_score(result.overall, lang),
                maturity=band.label.get(lang),
                description=band.description.get(lang),
            )
        ]
    answered = sum(s.answered for s in result.sections)
    total = sum(s.total for s in result.sections)
    lines.append(t("cl.result.coverage", lang, answered=answered, total=total))
    if result.coverage < PROVISIONAL_BELOW:
        lines.append(t("cl.result.provisional", lang))
    return Html("\n".join(lines))


def _level(checklist: Checklist, result: AssessmentResult, lang: str) -> Html:
    check = result.level_check
    return t(
        "cl.result.level",
        lang,
        claimed=_level_label(checklist, check.claimed, lang),
        shown=_level_label(checklist, check.shown, lang),
        mark="⚠️" if check.flagged else "✅",
        message=check.message.get(lang),
    )


def _level_label(checklist: Checklist, level_id: str | None, lang: str) -> str:
    if level_id is None:
        return plain("cl.no_score", lang)
    try:
        return checklist.level(level_id).label.get(lang)
    except ValidationError:
        return level_id


def actions_html(actions: list[Action], lang: str) -> Html:
    """The next actions, numbered, each with the lecture's reasoning and slides."""
    lines = [t("cl.actions.heading", lang)]
    if not actions:
        lines.append(t("cl.actions.none", lang))
    for number, action in enumerate(actions, start=1):
        text, why = action.text.get(lang), action.why.get(lang)
        line = t("cl.actions.item", lang, number=number, text=text, why=why)
        if action.elsewhere is not None:
            note = action.elsewhere
            outside = t("cl.actions.elsewhere", lang, text=note.text.get(lang), source=note.source)
            line = Html(f"{line}\n{outside}")
        lines.append(line)
    return Html("\n\n".join(lines))


def comparison_html(checklist: Checklist, changes: Comparison, lang: str) -> Html:
    """What improved and what declined since the previous assessment."""
    lines: list[str] = [t("cl.history.heading", lang), _overall_change(checklist, changes, lang)]
    for section in changes.sections:
        lines.append(
            t(
                "cl.history.section",
                lang,
                mark=MARKS[section.direction],
                section=section.section_id,
                title=section.title.get(lang),
                before=format_score(section.before, lang),
                after=format_score(section.after, lang),
            )
        )
    for key, items in (("improved", changes.improved), ("declined", changes.declined)):
        if items:
            lines.append("\n" + t(f"cl.history.{key}", lang))
            lines += [_item_change(checklist, change, lang) for change in items]
    if not changes.improved and not changes.declined:
        lines.append("\n" + t("cl.history.none", lang))
    return Html("\n".join(lines))


def _overall_change(checklist: Checklist, changes: Comparison, lang: str) -> Html:
    delta = changes.overall_delta
    lines = [
        t(
            "cl.history.overall",
            lang,
            before=format_score(changes.overall_before, lang),
            after=format_score(changes.overall_after, lang),
            delta=f"{delta:+.1f}" if delta is not None else "–",
        )
    ]
    if changes.maturity_before != changes.maturity_after:
        bands = {band.id: band.label.get(lang) for band in checklist.maturity}
        before = bands.get(changes.maturity_before or "", "–")
        after = bands.get(changes.maturity_after or "", "–")
        lines.append(t("cl.history.maturity", lang, before=before, after=after))
    return Html("\n".join(lines))


def _item_change(checklist: Checklist, change: ItemChange, lang: str) -> Html:
    try:
        item = checklist.item(change.item_id)
    except ValidationError:  # the definition dropped the item since: show its id
        return t("cl.history.change", lang, question=change.item_id, before="", after="")

    def label(value: str | None) -> str:
        skipped = plain("cl.history.skipped", lang)
        return answer_label(checklist, item, value, lang) if value is not None else skipped

    question = item.question.get(lang)
    return t(
        "cl.history.change",
        lang,
        question=question,
        before=label(change.before),
        after=label(change.after),
    )


async def send_results(
    context: BotContext, chat_id: int, checklist: Checklist, data: ReportData, lang: str
) -> None:
    """Send the scores, the next actions, the comparison, the chart and the report files."""
    await send_html(context, chat_id, summary_html(checklist, data, lang))
    await send_html(context, chat_id, actions_html(report_actions(checklist, data), lang))
    changes = comparison(data)
    if changes is not None:
        await send_html(context, chat_id, comparison_html(checklist, changes, lang))
    with contextlib.suppress(TelegramError):  # cosmetic
        await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
    zone = context.services.settings.timezone
    files = await context.services.render(render_report, checklist, data, lang, timezone=zone)
    name = data.project_name
    await context.bot.send_photo(
        chat_id, files.chart_png, caption=plain("cl.chart.caption", lang, name=name)[:1024]
    )
    caption = plain("cl.report.caption", lang, name=name)[:1024]
    await context.bot.send_document(
        chat_id, files.pdf, filename=f"{files.stem}.pdf", caption=caption
    )
    markdown = files.markdown.encode("utf-8")
    await context.bot.send_document(
        chat_id, markdown, filename=f"{files.stem}.md", caption=caption
    )
    await send_html(context, chat_id, t("cl.report.done", lang), projects_markup(lang))
