"""/results: who finished, scores, pass/fail, late; item analysis; weak topics; chart; files.

Trainer-only; `assignment_results` refuses assignments the trainer did not set. The chart
and the workbook are built off the event loop (matplotlib and openpyxl take a moment).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from telegram import CallbackQuery, InputFile, Update

from bot import keyboards_trainer as kb
from bot.context import BotContext, Services
from bot.handlers.common import (
    Profile,
    parse_id,
    profile_of,
    require_role,
    send_html,
)
from bot.handlers.trainer_common import (
    answer_denied,
    answer_invalid,
    format_time,
    private_request,
    zone_of,
)
from bot.rendering import escape
from bot.texts import Html, plain, t
from core.dates import DEFAULT_TIMEZONE
from core.errors import NotFoundError, PermissionDeniedError
from core.users import Role
from quizzes.analysis import MIN_RESPONDENTS, AssignmentResults, ItemStats, TopicResult
from quizzes.assignments import list_assignments
from quizzes.charts import results_chart_png
from quizzes.exports import FLAGS, export_basename, results_csv, results_text, results_xlsx
from quizzes.importers import topic_label
from quizzes.trainer_results import assignment_results

MAX_LISTED = 15
MAX_TOPICS = 5
QUESTION_PREVIEW = 70


@require_role(Role.TRAINER)
async def results_command(update: Update, context: BotContext) -> None:
    """/results: pick one of my assignments; /results ID shows it directly."""
    request = await private_request(update, context)
    if request is None:
        return
    message, chat_id, profile = request
    args = context.args or []
    chosen = parse_id(args[0]) if args else None
    if chosen is not None:
        await show_results(context, chat_id, profile.telegram_id, chosen, profile.lang)
        return
    services = context.services
    assignments = await services.in_session(list_assignments, trainer_id=profile.telegram_id)
    if not assignments:
        await message.reply_html(t("tr.results.none", profile.lang))
        return
    tz = zone_of(context.services)
    buttons = [
        kb.button(f"{a.title} · {format_time(a.due_at, profile.lang, tz)}", f"tr:r:{a.id}")
        for a in assignments[:MAX_LISTED]
    ]
    await message.reply_html(t("tr.results.choose", profile.lang), reply_markup=kb.column(buttons))


@require_role(Role.TRAINER)
async def press_results(update: Update, context: BotContext) -> None:
    """A button from the /results list or a notice: the results of that assignment."""
    pressed = await _pressed_results(update, context, _first_id(kb.RESULTS))
    if pressed is not None:
        query, profile, results, _data = pressed
        await _send_results(context, _chat_of(query), results, profile.lang)


async def show_results(
    context: BotContext, chat_id: int, trainer_id: int, assignment_id: int, lang: str
) -> None:
    """Send the results of one assignment, or a polite refusal."""
    results = await context.services.run_db(_results, context.services, trainer_id, assignment_id)
    if results is None:
        await send_html(context, chat_id, t("tr.not_yours", lang))
        return
    await _send_results(context, chat_id, results, lang)


async def _send_results(
    context: BotContext, chat_id: int, results: AssignmentResults, lang: str
) -> None:
    markup = kb.results_buttons(results.assignment.assignment_id, lang)
    text = render_results(results, lang, zone_of(context.services))
    await send_html(context, chat_id, text, markup)


def _results(services: Services, trainer_id: int, assignment_id: int) -> AssignmentResults | None:
    """The analysed results, or None when the assignment is missing or someone else's."""
    try:
        with services.session() as session:
            return assignment_results(
                session=session, trainer_id=trainer_id, assignment_id=assignment_id,
                bank=services.question_bank,
            )  # fmt: skip
    except (NotFoundError, PermissionDeniedError):
        return None


def render_results(results: AssignmentResults, lang: str, tz: str = DEFAULT_TIMEZONE) -> Html:
    """Summary and members, then flagged questions, then weak topics with slides."""
    summary = results_text(results, lang, limit=60, tz=tz)
    parts = [t("tr.results.summary", lang, summary=Html(escape(summary)))]
    parts.append(_items_section(results.items, lang))
    if results.topics:
        lines = [_topic_line(topic, lang) for topic in results.topics[:MAX_TOPICS]]
        parts.append(t("tr.results.topics", lang, lines=Html("\n".join(lines))))
    return Html("\n\n".join(parts))


def _items_section(items: tuple[ItemStats, ...], lang: str) -> Html:
    if not items or all(item.facility is None for item in items):
        return t("tr.results.no_items", lang)
    lines = [_item_line(item, lang) for item in items]
    if not items[0].judged:  # flags need MIN_RESPONDENTS answers; say so instead
        lines.append(
            t("tr.results.too_few", lang, count=items[0].responses, minimum=MIN_RESPONDENTS)
        )
    return t("tr.results.items", lang, lines=Html("\n".join(lines)))


def _item_line(item: ItemStats, lang: str) -> Html:
    text = item.text.get(lang)
    preview = text if len(text) <= QUESTION_PREVIEW else text[: QUESTION_PREVIEW - 1] + "…"
    flags = ", ".join(FLAGS[flag].get(lang) for flag in item.flags)
    return t(
        "tr.results.item_line", lang, number=item.position, question=preview,
        facility=_number(item.facility), d=_number(item.discrimination),
        flags=f" ⚠️ {flags}" if flags else "",
    )  # fmt: skip


def _topic_line(topic: TopicResult, lang: str) -> Html:
    mean = "-" if topic.mean_percent is None else f"{topic.mean_percent:.0f}%"
    slides = ", ".join(str(ref.slide) for ref in topic.slides)
    revisit = plain("tr.results.slides", lang, slides=slides) if slides else ""
    return t(
        "tr.results.topic_line",
        lang,
        topic=topic_label(topic.topic, topic.title).get(lang),
        mean=mean,
        revisit=revisit,
    )


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


@require_role(Role.TRAINER)
async def press_chart(update: Update, context: BotContext) -> None:
    """The results chart as a photo."""
    pressed = await _pressed_results(update, context, _first_id(kb.CHART))
    if pressed is None:
        return
    query, profile, results, _data = pressed
    png = await context.services.render(results_chart_png, results, profile.lang)
    caption = plain("tr.results.chart_caption", profile.lang, title=results.assignment.title)
    await context.bot.send_photo(_chat_of(query), png, caption=caption[:1000])


@require_role(Role.TRAINER)
async def press_export(update: Update, context: BotContext) -> None:
    """The results as a CSV or XLSX document."""
    pressed = await _pressed_results(update, context, _export_request)
    if pressed is None:
        return
    query, profile, results, kind = pressed
    build = results_csv if kind == "csv" else results_xlsx
    data = await context.services.render(build, results, profile.lang, zone_of(context.services))
    name = f"{export_basename(results)}.{kind}"
    caption = plain("tr.results.file_caption", profile.lang, title=results.assignment.title)
    await context.bot.send_document(
        _chat_of(query), InputFile(data, filename=name), caption=caption[:1000]
    )


Parsed = tuple[int, str] | None


def _first_id(pattern: re.Pattern[str]) -> Callable[[str], Parsed]:
    """Parse callback data of this kind that carries an assignment id."""

    def parse(data: str) -> Parsed:
        found = kb.ids(pattern, data)
        return (found[0], "") if found else None

    return parse


def _export_request(data: str) -> Parsed:
    """Parse `prefix:<assignment id>:<csv|xlsx>`."""
    found = kb.words(kb.EXPORT, data)
    if found is None or not found[0].isdigit():
        return None
    return int(found[0]), found[1]


async def _pressed_results(
    update: Update, context: BotContext, parse: Callable[[str], Parsed]
) -> tuple[CallbackQuery, Profile, AssignmentResults, str] | None:
    """Parse a results button, load the presser's own results, or answer why not."""
    query, profile = update.callback_query, (await profile_of(update, context.services))
    if query is None or query.message is None:
        return None
    parsed = parse(query.data or "")
    if parsed is None:
        await answer_invalid(query, profile.lang)
        return None
    services = context.services
    results = await services.run_db(_results, services, profile.telegram_id, parsed[0])
    if results is None:
        await answer_denied(query, profile.lang)
        return None
    await query.answer()
    return query, profile, results, parsed[1]


def _chat_of(query: CallbackQuery) -> int:
    """The chat the pressed message is in."""
    assert query.message is not None
    return query.message.chat.id
